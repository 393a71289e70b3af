import { describe, expect, it } from "vitest";
import {
  chiSquareSf,
  erf,
  erfc,
  gammaincLower,
  gammaincUpper,
  lgamma,
  normalCdf,
  normalSf,
} from "@/lib/delphi/special-functions";

// Expected values from SciPy 1.17.1 (NumPy 2.4.6): scipy.special.gammaln / gammainc / gammaincc /
// erf / erfc and scipy.stats.norm.cdf / norm.sf / chi2.sf, printed with repr().

/** |actual − expected| ≤ tol·max(1, |expected|): absolute near zero, relative for large values. */
function expectNear(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

describe("lgamma", () => {
  it.each([
    [0.25, 1.2880225246980774],
    [0.5, 0.5723649429247],
    [3.5, 1.2009736023470743],
    [10, 12.801827480081469],
    [171.5, 709.1431630309283],
  ])("matches scipy.special.gammaln at %s", (x, expected) => {
    expectNear(lgamma(x), expected, 1e-12);
  });

  it("rejects arguments at or below zero", () => {
    expect(() => lgamma(0)).toThrow(RangeError);
    expect(() => lgamma(-1.5)).toThrow(RangeError);
  });
});

describe("regularised incomplete gamma", () => {
  it.each([
    [0.5, 0.1, 0.6547208460185768],
    [1.5, 2.2, 0.2213853871894879],
    [4, 1, 0.9810118431238462],
    [4, 12, 0.002291791207791423],
    [50, 70, 0.0051405024585059085],
  ])("Q(%s, %s) matches scipy.special.gammaincc", (s, x, expected) => {
    expectNear(gammaincUpper(s, x), expected, 1e-12);
  });

  it("keeps relative precision deep in the upper tail", () => {
    const q = gammaincUpper(0.5, 50);
    expect(Math.abs(q / 1.5239706048320995e-23 - 1)).toBeLessThan(1e-10);
  });

  it.each([
    [2, 0.5, 0.09020401043104986],
    [50, 40, 0.07033506665939494],
  ])("P(%s, %s) matches scipy.special.gammainc", (s, x, expected) => {
    expectNear(gammaincLower(s, x), expected, 1e-12);
  });

  it("gives P + Q = 1 on both sides of the series/fraction switch", () => {
    for (const [s, x] of [[3, 2], [3, 4], [3, 5], [20, 30]]) {
      expect(gammaincLower(s, x) + gammaincUpper(s, x)).toBeCloseTo(1, 14);
    }
  });

  it("returns the exact ends at x = 0", () => {
    expect(gammaincUpper(2, 0)).toBe(1);
    expect(gammaincLower(2, 0)).toBe(0);
  });
});

describe("erf, erfc and the normal distribution", () => {
  it.each([
    [-2, -0.9953222650189527],
    [0.1, 0.1124629160182849],
    [1, 0.8427007929497148],
  ])("erf(%s) matches scipy.special.erf", (x, expected) => {
    expectNear(erf(x), expected, 1e-12);
  });

  it.each([
    [-1, 1.8427007929497148],
    [2, 0.004677734981047266],
  ])("erfc(%s) matches scipy.special.erfc", (x, expected) => {
    expectNear(erfc(x), expected, 1e-12);
  });

  it("keeps erfc's small tail relatively precise", () => {
    expect(Math.abs(erfc(5) / 1.5374597944280347e-12 - 1)).toBeLessThan(1e-10);
  });

  it.each([
    [-8, 6.22096057427174e-16],
    [-1.96, 0.024997895148220435],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [2.5, 0.9937903346742238],
  ])("normalCdf(%s) matches scipy.stats.norm.cdf", (z, expected) => {
    expectNear(normalCdf(z), expected, 1e-12);
  });

  it("normalSf gives the upper tail directly", () => {
    expectNear(normalSf(1.959963984540054), 0.025, 1e-12);
    expect(Math.abs(normalSf(6) / 9.865876450376946e-10 - 1)).toBeLessThan(1e-10);
  });
});

describe("chiSquareSf", () => {
  it.each([
    [3.841458820694124, 1, 0.04999999999999989],
    [2, 1, 0.15729920705028105],
    [0.5, 3, 0.9188914116546758],
    [13, 4, 0.011275793947331792],
    [150, 100, 0.0009039320423540184],
  ])("chiSquareSf(%s, df = %s) matches scipy.stats.chi2.sf", (x, df, expected) => {
    expectNear(chiSquareSf(x, df), expected, 1e-12);
  });

  it("is 1 at zero and rejects non-positive degrees of freedom", () => {
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(() => chiSquareSf(1, 0)).toThrow(RangeError);
  });
});
