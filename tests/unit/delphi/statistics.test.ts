import { describe, expect, it } from "vitest";
import {
  coefficientOfVariation,
  distribution,
  importanceIndex,
  iqr,
  mean,
  median,
  quantile,
  quartiles,
  sampleSd,
  shareInBand,
} from "@/lib/delphi/statistics";

const TOL = 1e-9;
const PS = [0, 0.25, 0.3, 0.5, 0.7, 0.75, 1];

// numpy.quantile(np.array(sample, dtype=float), PS) with NumPy 2.4.6's default method "linear"
// (Hyndman–Fan type 7), printed with repr().
const QUANTILE_CASES: Array<[string, number[], number[]]> = [
  ["an even sample", [1, 2, 3, 4], [1, 1.75, 1.9, 2.5, 3.0999999999999996, 3.25, 4]],
  ["an unsorted odd sample", [7, 1, 5, 3, 9], [1, 3, 3.4, 5, 6.6, 7, 9]],
  ["a sample with ties", [2, 2, 3, 5, 5, 5, 8, 9], [2, 2.75, 3.2, 5, 5, 5.75, 9]],
  [
    "a sample of negative and fractional values",
    [4.5, -1.25, 3.0, 10.75, 0.5, 2.25, 7.0],
    [-1.25, 1.375, 1.8999999999999997, 3, 4.999999999999998, 5.75, 10.75],
  ],
  ["a single value", [42], [42, 42, 42, 42, 42, 42, 42]],
  ["an unsorted sample with a tie", [3, 9, 1, 7, 7, 2], [1, 2.25, 2.5, 5, 7, 7, 9]],
];

describe("quantile", () => {
  it.each(QUANTILE_CASES)("matches numpy.quantile on %s", (_, sample, expected) => {
    PS.forEach((p, i) => expect(Math.abs(quantile(sample, p) - expected[i])).toBeLessThan(TOL));
  });

  it("does not reorder the caller's array", () => {
    const sample = [3, 9, 1, 7, 7, 2];
    quantile(sample, 0.3);
    quartiles(sample);
    expect(sample).toEqual([3, 9, 1, 7, 7, 2]);
  });

  it("rejects an empty sample and p outside [0, 1]", () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.2)).toThrow(RangeError);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError);
  });

  it("averages the two middle values for the median of an even sample", () => {
    expect(median([3, 1, 4, 2])).toBe(2.5);
  });

  it("gives the STYLE.md example: iqr([1, 2, 3, 4]) is 1.5", () => {
    expect(iqr([1, 2, 3, 4])).toBe(1.5);
    expect(quartiles([1, 2, 3, 4])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
  });
});

describe("mean, sampleSd and coefficientOfVariation", () => {
  // numpy.mean(x), numpy.std(x, ddof=1) and their ratio, NumPy 2.4.6.
  it.each([
    [[2, 4, 4, 4, 5, 5, 7, 9], 5, 2.138089935299395],
    [[1, 2, 3, 4], 2.5, 1.2909944487358056],
    [[2, 2, 3, 5, 5, 5, 8, 9], 4.875, 2.5877458475338284],
    [[4.5, -1.25, 3.0, 10.75, 0.5, 2.25, 7.0], 3.8214285714285716, 4.0510139824140685],
    [[1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4], 1000000002.5, 1.2909944487358056],
  ])("matches numpy on %j", (sample, expectedMean, expectedSd) => {
    expect(Math.abs(mean(sample) - expectedMean)).toBeLessThan(TOL);
    expect(Math.abs(sampleSd(sample) - expectedSd)).toBeLessThan(TOL);
  });

  it("divides the standard deviation by the mean for the CV", () => {
    expect(Math.abs(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9]) - 0.427617987059879)).toBeLessThan(TOL);
  });

  it("refuses statistics that the sample cannot support", () => {
    expect(() => mean([])).toThrow(RangeError);
    expect(() => sampleSd([5])).toThrow(RangeError);
    expect(() => coefficientOfVariation([-1, 1])).toThrow(RangeError);
  });
});

describe("shareInBand and distribution", () => {
  it("counts both ends of the band as inside", () => {
    expect(shareInBand([1, 6, 7, 8, 9, 10], [7, 9])).toBe(0.5);
  });

  it("keeps every share between 0 and 1", () => {
    const sample = [1, 3, 3, 5, 9, 9, 2];
    for (const band of [[1, 9], [4, 4], [10, 12], [3, 5]] as const) {
      const share = shareInBand(sample, band);
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    expect(shareInBand(sample, [1, 9])).toBe(1);
    expect(shareInBand(sample, [4, 4])).toBe(0);
  });

  it("lists every category of the scale and its counts add up to n", () => {
    const sample = [1, 3, 3, 5, 5, 5];
    const counts = distribution(sample, { min: 1, max: 5 });
    expect(counts).toEqual({ 1: 1, 2: 0, 3: 2, 4: 0, 5: 3 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(sample.length);
  });

  it("rejects answers that are not categories of the scale", () => {
    expect(() => distribution([0, 1], { min: 1, max: 5 })).toThrow(RangeError);
    expect(() => distribution([2.5], { min: 1, max: 5 })).toThrow(RangeError);
  });
});

describe("importanceIndex", () => {
  it("weighs 5–4 as 100, 3 as 50 and 2–1 as 0 by default", () => {
    // Hand-computed: high {5, 5, 4, 4} = 4, mid {3, 3} = 2, low {2, 1} = 2 → (400 + 100) / 8 = 62.5.
    expect(importanceIndex([5, 5, 4, 3, 3, 2, 1, 4])).toBe(62.5);
  });

  it("takes the bands as a parameter, e.g. a three-point CASTED scale", () => {
    // Hand-computed: 很重要 (3) × 2, 重要 (2) × 3, 不重要 (1) × 1 → (200 + 150) / 6 = 58.33…
    const bands = { high: [3, 3], mid: [2, 2], low: [1, 1] } as const;
    expect(importanceIndex([3, 3, 2, 2, 2, 1], bands)).toBeCloseTo(350 / 6, 12);
  });

  it("leaves answers outside every band out of the denominator", () => {
    // 0 is a "don't know" code here: (100 + 0) / 2 = 50.
    expect(importanceIndex([5, 1, 0, 0])).toBe(50);
    expect(() => importanceIndex([0, 0])).toThrow(RangeError);
  });
});
