// Areas from the Jensen–Shannon distance of φ, and links from shared documents.
import { describe, expect, it } from "vitest";
import { divergenceMatrix, jensenShannon, topicAreas } from "@/lib/topics/areas";
import { topicLinks } from "@/lib/topics/links";

const f = (...xs: number[]) => Float64Array.from(xs);

describe("jensenShannon", () => {
  it("is 0 for equal, 1 for disjoint and symmetric in between", () => {
    expect(jensenShannon(f(0.5, 0.5), f(0.5, 0.5))).toBe(0);
    expect(jensenShannon(f(1, 0), f(0, 1))).toBeCloseTo(1, 12);
    // By hand: M = (0.5, 0.5); KL(P‖M) = 0.75·log2 1.5 + 0.25·log2 0.5; JS = that (both sides equal).
    const expected = 0.75 * Math.log2(1.5) + 0.25 * Math.log2(0.5);
    expect(jensenShannon(f(0.75, 0.25), f(0.25, 0.75))).toBeCloseTo(expected, 12);
    expect(jensenShannon(f(0.2, 0.8), f(0.6, 0.4))).toBeCloseTo(jensenShannon(f(0.6, 0.4), f(0.2, 0.8)), 15);
    expect(() => jensenShannon(f(1), f(0.5, 0.5))).toThrow(RangeError);
  });
  it("fills a symmetric matrix with a zero diagonal", () => {
    const m = divergenceMatrix([f(1, 0), f(0, 1), f(0.5, 0.5)]);
    expect(m[0][0]).toBe(0);
    expect(m[0][1]).toBeCloseTo(1, 12);
    expect(m[2][0]).toBe(m[0][2]);
  });
});

describe("topicAreas", () => {
  // Two families: topics 0, 2, 4 over words a–c, topics 1, 3 over words d–f.
  const phis = [f(0.6, 0.3, 0.1, 0, 0, 0), f(0, 0, 0, 0.5, 0.4, 0.1), f(0.5, 0.4, 0.1, 0, 0, 0), f(0, 0, 0, 0.6, 0.2, 0.2), f(0.4, 0.2, 0.3, 0.1, 0, 0)];
  const terms = [["a", "b", "c"], ["d", "e", "f"], ["b", "a", "c"], ["d", "f", "e"], ["a", "c", "b"]];

  it("groups topics with alike word distributions, √K areas by default, numbered by lowest topic", () => {
    const { areaOf, areas } = topicAreas(phis, terms);
    expect(areaOf).toEqual([0, 1, 0, 1, 0]);
    expect(areas.map((a) => a.topics)).toEqual([[0, 2, 4], [1, 3]]);
  });
  it("labels an area by the terms most of its topics share", () => {
    const { areas } = topicAreas(phis, terms);
    expect(areas[0].terms).toEqual(["a", "b", "c"]);
    expect(areas[0].label).toBe("a · b · c");
    expect(areas[1].terms[0]).toBe("d");
  });
  it("honours an explicit count and is deterministic", () => {
    expect(topicAreas(phis, terms, { count: 5 }).areaOf).toEqual([0, 1, 2, 3, 4]);
    expect(topicAreas(phis, terms, { count: 1 }).areas).toHaveLength(1);
    expect(topicAreas(phis, terms)).toEqual(topicAreas(phis, terms));
    expect(topicAreas([], [])).toEqual({ areaOf: [], areas: [] });
  });
});

describe("topicLinks", () => {
  const d = (id: string, weight: number) => ({ documentId: id, weight });
  it("links pairs whose document-weight cosine reaches the threshold, strongest first", () => {
    const links = topicLinks([[d("x", 1), d("y", 1)], [d("y", 1)], [d("z", 1)], [d("x", 1), d("y", 1)]]);
    expect(links.map((l) => [l.from, l.to])).toEqual([[0, 3], [0, 1], [1, 3]]);
    expect(links[0].weight).toBeCloseTo(1, 12);
    expect(links[1].weight).toBeCloseTo(1 / Math.SQRT2, 12);
  });
  it("keeps for each topic only its strongest links, so a corpus where everything overlaps keeps a structure", () => {
    // Six topics over shared documents: topic i holds documents i … i + 2 (mod 6) with falling weights.
    const ids = ["a", "b", "c", "d", "e", "f"];
    const topics = ids.map((_, i) => [0, 1, 2].map((j) => d(ids[(i + j) % 6], 1 / (j + 1))));
    const all = topicLinks(topics, { threshold: 1e-9, perTopic: 99 });
    const sparse = topicLinks(topics, { threshold: 1e-9, perTopic: 1 });
    // Cosine by hand: neighbours share two documents (w 1·½ + ½·⅓ = 2/3 over |t|² = 1 + ¼ + ⅑ = 49/36), two apart share one (1·⅓ = 1/3).
    expect(all.filter((l) => Math.abs(l.weight - (2 / 3) / (49 / 36)) < 1e-12)).toHaveLength(6);
    expect(all.filter((l) => Math.abs(l.weight - (1 / 3) / (49 / 36)) < 1e-12)).toHaveLength(6);
    expect(all).toHaveLength(12); // three apart share nothing
    // With one link per topic, the strongest — a neighbour — survives for each topic, and nothing weaker.
    expect(sparse.every((l) => Math.abs(l.weight - (2 / 3) / (49 / 36)) < 1e-12)).toBe(true);
    const degree = new Array(6).fill(0);
    for (const l of sparse) degree[l.from]++, degree[l.to]++;
    expect(degree.every((n) => n >= 1)).toBe(true);
    expect(sparse.length).toBeLessThanOrEqual(6);
  });
  it("drops weak pairs and topics without documents", () => {
    const topics = [[d("a", 1), d("b", 0.01)], [d("b", 1)], []];
    expect(topicLinks(topics)).toEqual([]);
    expect(topicLinks(topics, { threshold: 0 }).map((l) => [l.from, l.to])).toEqual([[0, 1]]);
  });
});
