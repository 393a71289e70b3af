// The training sample of a large study keeps its mix of years and kinds; slices cover the rest.
import { describe, expect, it } from "vitest";
import { planSlices, stratifiedSample } from "@/lib/scans/sample-documents";
import { documentSeed } from "@/lib/scans/infer-slice";

const docs = [
  ...Array.from({ length: 600 }, () => ({ year: 2020, kind: "PAPER" })),
  ...Array.from({ length: 300 }, () => ({ year: 2021, kind: "PAPER" })),
  ...Array.from({ length: 90 }, () => ({ year: 2021, kind: "PATENT" })),
  ...Array.from({ length: 10 }, () => ({ year: null, kind: "NEWS" })),
];
const countIn = (sample: number[], from: number, to: number) => sample.filter((i) => i >= from && i < to).length;

describe("stratifiedSample", () => {
  it("draws exactly `size` distinct documents in each stratum's proportion", () => {
    const sample = stratifiedSample(docs, { size: 100, seed: 1 });
    expect(sample).toHaveLength(100);
    expect(new Set(sample).size).toBe(100);
    expect(sample).toEqual([...sample].sort((a, b) => a - b));
    expect([countIn(sample, 0, 600), countIn(sample, 600, 900), countIn(sample, 900, 990), countIn(sample, 990, 1000)]).toEqual([60, 30, 9, 1]);
  });
  it("rounds by largest remainder and is seeded", () => {
    const sample = stratifiedSample(docs, { size: 15, seed: 1 });
    // Quotas 9, 4.5, 1.35, 0.15 → 9, 5, 1, 0.
    expect([countIn(sample, 0, 600), countIn(sample, 600, 900), countIn(sample, 900, 990), countIn(sample, 990, 1000)]).toEqual([9, 5, 1, 0]);
    expect(stratifiedSample(docs, { size: 15, seed: 1 })).toEqual(sample);
    expect(stratifiedSample(docs, { size: 15, seed: 2 })).not.toEqual(sample);
  });
  it("takes everything when the study is no larger than the sample", () => {
    expect(stratifiedSample(docs.slice(0, 5), { size: 10, seed: 1 })).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("planSlices", () => {
  it("cuts ids into consecutive ranges of at most `size`", () => {
    expect(planSlices(["a", "b", "c", "d", "e"], 2)).toEqual([
      { fromId: "a", toId: "b", count: 2 },
      { fromId: "c", toId: "d", count: 2 },
      { fromId: "e", toId: "e", count: 1 },
    ]);
    expect(planSlices([], 3)).toEqual([]);
    expect(() => planSlices(["a"], 0)).toThrow(RangeError);
  });
});

describe("documentSeed", () => {
  it("depends on the document and the run's seed only", () => {
    expect(documentSeed("doc1", 42)).toBe(documentSeed("doc1", 42));
    expect(documentSeed("doc1", 42)).not.toBe(documentSeed("doc2", 42));
    expect(documentSeed("doc1", 42)).not.toBe(documentSeed("doc1", 43));
    expect(documentSeed("doc1", 42)).toBeGreaterThanOrEqual(0);
  });
});
