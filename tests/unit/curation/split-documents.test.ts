import { describe, expect, it } from "vitest";
import { nonEmpty, splitDocuments, type SplitInput } from "@/lib/curation/split-documents";
import { seedScores } from "@/lib/curation/seeded-assignment";

const SHARED = ["energy", "storage", "system", "device", "performance"];
const CLUSTERS = {
  battery: ["lithium", "electrolyte", "anode", "cathode", "separator", "dendrite"],
  hydrogen: ["hydrogen", "electrolyser", "membrane", "catalyst", "platinum", "proton"],
};

/** A small deterministic generator (mulberry32), so documents are varied but the same each run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(n: number): (SplitInput & { cluster: keyof typeof CLUSTERS })[] {
  const random = rng(7);
  return Array.from({ length: n }, (_, i) => {
    const cluster = i % 2 === 0 ? "battery" : "hydrogen";
    const words = [
      ...Array.from({ length: 8 }, () => SHARED[Math.floor(random() * SHARED.length)]),
      ...Array.from({ length: 16 }, () => CLUSTERS[cluster][Math.floor(random() * CLUSTERS[cluster].length)]),
    ];
    return { documentId: `d${i}`, weight: i < n - 4 ? 0.6 : 0.1, text: words.join(" "), cluster };
  });
}

describe("splitDocuments without seed words", () => {
  const documents = corpus(40);

  it("partitions the documents along the two vocabularies with a small LDA", () => {
    const result = splitDocuments(documents, { parts: 2, seed: 3, iterations: 100 });
    expect(result.method).toBe("lda");
    const ids = result.parts.flatMap((p) => p.documents.map((d) => d.documentId)).sort();
    expect(ids).toEqual(documents.map((d) => d.documentId).sort());
    for (const part of result.parts) {
      const clusters = new Set(part.documents.map((d) => documents.find((x) => x.documentId === d.documentId)!.cluster));
      expect(clusters.size).toBe(1);
    }
    // Each document keeps its weight in the theme.
    expect(result.parts.flatMap((p) => p.documents).find((d) => d.documentId === "d39")!.weight).toBe(0.1);
    const topWords = result.parts.map((p) => p.topTerms[0].term);
    expect(topWords.some((w) => CLUSTERS.battery.includes(w))).toBe(true);
    expect(topWords.some((w) => CLUSTERS.hydrogen.includes(w))).toBe(true);
  });

  it("gives the same parts for the same seed", () => {
    const a = splitDocuments(documents, { parts: 2, seed: 11, iterations: 50 });
    const b = splitDocuments(documents, { parts: 2, seed: 11, iterations: 50 });
    expect(b).toEqual(a);
  });

  it("refuses more parts than documents", () => {
    expect(() => splitDocuments(documents.slice(0, 2), { parts: 3, seed: 1 })).toThrow(RangeError);
  });
});

describe("splitDocuments with seed words", () => {
  const documents = corpus(30);

  it("sends every document that contains a part's seed words to that part, and places the rest", () => {
    // Only some documents mention the seeds; the rest must follow their vocabulary.
    const seeded = documents.map((d, i) => (i < 6 ? { ...d, text: `${d.text} ${d.cluster === "battery" ? "solid state battery" : "fuel cell"}` } : d));
    const result = splitDocuments(seeded, { parts: 2, seed: 1, seedWords: [["solid state battery"], ["fuel cells"]] });
    expect(result.method).toBe("seed-words");
    const partOf = new Map(result.parts.flatMap((p, i) => p.documents.map((d) => [d.documentId, i] as const)));
    for (const d of seeded) expect(partOf.get(d.documentId)).toBe(d.cluster === "battery" ? 0 : 1);
  });

  it("fails clearly when no document contains a part's seed words", () => {
    expect(() => splitDocuments(documents, { parts: 2, seed: 1, seedWords: [["lithium"], ["graphene"]] })).toThrow(/seed words of part 2/);
  });
});

describe("seedScores", () => {
  it("weights a seed by ln(1 + N / df) per occurrence", () => {
    const scores = seedScores([["fuel", "cell"], ["battery"]], [[["fuel", "cell"]], [["battery"]]]);
    expect(scores[0][0]).toBeCloseTo(Math.log(3), 12);
    expect(scores[0][1]).toBe(0);
    expect(scores[1]).toEqual([0, Math.log(3)]);
  });
});

describe("nonEmpty", () => {
  it("moves the document with the highest share of an empty part into it", () => {
    const thetas = [[0.9, 0.1], [0.6, 0.4], [0.8, 0.2]];
    expect(nonEmpty([0, 0, 0], thetas, 2)).toEqual([0, 1, 0]);
  });
});
