import { describe, expect, it } from "vitest";
import { applyOperation, mergeTerms, sumDocumentWeights, type SourceTheme } from "@/lib/curation/theme-draft";

const theme = (id: string, weight: number, documents: [string, number][], terms: [string, number][], label = id): SourceTheme => ({
  id,
  label,
  labelZh: null,
  labelSource: "MACHINE",
  topTerms: terms.map(([term, w]) => ({ term, weight: w })),
  weight,
  documentCount: documents.filter(([, w]) => w >= 0.2).length,
  evidence: { modelVersion: "gibbs-2", topicRunId: "run1", representative: documents.slice(0, 1).map(([documentId, w]) => ({ documentId, weight: w })) },
  documents: documents.map(([documentId, w]) => ({ documentId, weight: w })),
});

const themes = () => [
  theme("a", 0.5, [["d1", 0.9], ["d2", 0.15]], [["battery", 0.2], ["lithium", 0.1]]),
  theme("b", 0.3, [["d2", 0.1], ["d3", 0.8]], [["hydrogen", 0.3], ["battery", 0.1]]),
  theme("c", 0.2, [["d4", 0.7]], [["quantum", 0.4]]),
];

describe("applyOperation", () => {
  it("copies every theme it does not act on, pointing at its origin", () => {
    const drafts = applyOperation(themes(), { kind: "DELETE", themeId: "b" });
    expect(drafts.map((d) => [d.label, d.originIds, d.copyOf])).toEqual([
      ["a", ["a"], "a"],
      ["c", ["c"], "c"],
    ]);
  });

  it("relabels one theme as an expert label and keeps its documents", () => {
    const drafts = applyOperation(themes(), { kind: "RELABEL", themeId: "a", label: "Batteries", labelZh: "电池", labelSource: "EXPERT" });
    expect(drafts[0]).toMatchObject({ label: "Batteries", labelZh: "电池", labelSource: "EXPERT", originIds: ["a"], copyOf: "a", weight: 0.5 });
    expect(drafts[0].documents).toEqual(themes()[0].documents);
  });

  it("merges into one theme at the first theme's place, summing document weights and shares", () => {
    const drafts = applyOperation(themes(), { kind: "MERGE", themeIds: ["b", "a"] });
    expect(drafts.map((d) => d.originIds)).toEqual([["b", "a"], ["c"]]);
    const merged = drafts[0];
    expect(merged.copyOf).toBeNull();
    expect(merged.weight).toBeCloseTo(0.8, 12);
    expect(merged.documents.map((d) => [d.documentId, Number(d.weight.toFixed(10))])).toEqual([
      ["d1", 0.9],
      ["d3", 0.8],
      ["d2", 0.25],
    ]);
    // d2 is a member (≥ 0.2) of the merged theme though it was a member of neither part.
    expect(merged.documentCount).toBe(3);
    expect(merged.labelSource).toBe("MACHINE");
    expect(merged.evidence).toMatchObject({ modelVersion: "gibbs-2", curation: { kind: "MERGE", from: ["b", "a"] } });
  });

  it("puts the parts of a split in the theme's place with shares proportional to their volume", () => {
    const parts = [
      { documents: [{ documentId: "d1", weight: 0.9 }], topTerms: [{ term: "lithium", weight: 0.5 }], label: "Lithium" },
      { documents: [{ documentId: "d2", weight: 0.15 }], topTerms: [{ term: "battery", weight: 0.5 }] },
    ];
    const drafts = applyOperation(themes(), { kind: "SPLIT", themeId: "a", parts, labelSource: "EXPERT" });
    expect(drafts.map((d) => [d.label, d.labelSource, d.originIds])).toEqual([
      ["Lithium", "EXPERT", ["a"]],
      ["battery", "MACHINE", ["a"]],
      ["b", "MACHINE", ["b"]],
      ["c", "MACHINE", ["c"]],
    ]);
    expect(drafts[0].weight).toBeCloseTo((0.5 * 0.9) / 1.05, 12);
    expect(drafts[0].weight + drafts[1].weight).toBeCloseTo(0.5, 12);
  });

  it("does not modify its input and refuses themes that are not in the version", () => {
    const input = themes();
    const before = JSON.stringify(input);
    applyOperation(input, { kind: "MERGE", themeIds: ["a", "b", "c"] });
    expect(JSON.stringify(input)).toBe(before);
    expect(() => applyOperation(input, { kind: "DELETE", themeId: "x" })).toThrow(/not in the current version/);
    expect(() => applyOperation(input, { kind: "MERGE", themeIds: ["a", "a"] })).toThrow(/two different themes/);
  });
});

describe("mergeTerms", () => {
  it("weights each theme's term weights by its share of the tokens", () => {
    const merged = mergeTerms([{ weight: 0.3, topTerms: [{ term: "a", weight: 0.5 }] }, { weight: 0.1, topTerms: [{ term: "b", weight: 0.4 }] }]);
    expect(merged.map((t) => t.term)).toEqual(["a", "b"]);
    expect(merged[0].weight).toBeCloseTo(0.375, 12);
    expect(merged[1].weight).toBeCloseTo(0.1, 12);
  });
});

describe("sumDocumentWeights", () => {
  it("adds the weights of a document across lists, heaviest first", () => {
    expect(sumDocumentWeights([[{ documentId: "x", weight: 0.25 }], [{ documentId: "y", weight: 0.5 }, { documentId: "x", weight: 0.5 }]])).toEqual([
      { documentId: "x", weight: 0.75 },
      { documentId: "y", weight: 0.5 },
    ]);
  });
});
