import { describe, expect, it } from "vitest";
import { compareRounds, kendallW, percentChange, wilcoxonSignedRank } from "@/lib/delphi/stability";

const P_TOL = 1e-6;

describe("percentChange", () => {
  it("is half the summed absolute change in category shares, even when n differs", () => {
    // By hand: shares 1–5 before (n = 8) 1/8, 2/8, 3/8, 1/8, 1/8; after (n = 10) 0, .1, .3, .3, .3;
    // |differences| .125 + .15 + .075 + .175 + .175 = .7, halved = .35.
    const before = [1, 2, 2, 3, 3, 3, 4, 5];
    const after = [2, 3, 3, 3, 4, 4, 4, 5, 5, 5];
    const change = percentChange(before, after, { min: 1, max: 5 });
    expect(change).toBeCloseTo(0.35, 12);
  });

  it("is 0 for identical distributions and 1 for disjoint ones", () => {
    const range = { min: 1, max: 5 };
    expect(percentChange([1, 2, 3], [3, 2, 1], range)).toBe(0);
    expect(percentChange([1, 1], [5, 5, 5], range)).toBe(1);
  });

  it("does not touch its inputs and rejects an empty round", () => {
    const before = [3, 1, 2];
    percentChange(before, [2, 2, 2], { min: 1, max: 3 });
    expect(before).toEqual([3, 1, 2]);
    expect(() => percentChange([], [1], { min: 1, max: 3 })).toThrow(RangeError);
  });
});

// Expected values: scipy.stats.wilcoxon(previous, current, zero_method="wilcox", correction=False,
// method="approx") in SciPy 1.17.1; `statistic` is min(W+, W−) and `zstatistic` is −|z|.
describe("wilcoxonSignedRank", () => {
  it("matches SciPy on a 1–5 panel with zero differences and tied ranks", () => {
    const previous = [3, 4, 2, 5, 5, 3, 4, 1, 2, 3, 4, 5];
    const current = [4, 4, 3, 5, 4, 5, 5, 3, 2, 4, 3, 5];
    const r = wilcoxonSignedRank(previous.map((x, i) => [x, current[i]]));
    expect(r.n).toBe(8);
    expect(r.w).toBe(7);
    expect(r.z).toBeCloseTo(1.6131182652348863, 9); // positive: the panel moved up
    expect(Math.abs(r.p - 0.1067188163293824)).toBeLessThan(P_TOL);
  });

  it("matches SciPy on a 20-expert 1–9 panel", () => {
    // Drawn once with numpy.random.default_rng(20240601); pasted as literals.
    const previous = [2, 8, 2, 6, 3, 4, 1, 9, 1, 2, 9, 5, 2, 6, 5, 5, 5, 8, 7, 7];
    const current = [3, 8, 4, 4, 3, 6, 1, 9, 2, 5, 7, 7, 3, 4, 7, 4, 7, 9, 8, 5];
    const r = wilcoxonSignedRank(previous.map((x, i) => [x, current[i]]));
    expect(r.w).toBe(47.5);
    expect(Math.abs(r.z)).toBeCloseTo(1.0886021473329937, 9);
    expect(Math.abs(r.p - 0.2763293694462847)).toBeLessThan(P_TOL);
  });

  it("gives a negative z when the panel moved down", () => {
    const r = wilcoxonSignedRank([[5, 4], [6, 4], [7, 4], [8, 7], [9, 2], [4, 4], [6, 6]]);
    expect(r.z).toBeCloseTo(-2.0318563844357893, 9);
    expect(r.w).toBe(0);
    expect(Math.abs(r.p - 0.04216819709715596)).toBeLessThan(P_TOL);
  });

  it("returns p = 1 when no answer changed or no expert answered both rounds", () => {
    expect(wilcoxonSignedRank([[3, 3], [5, 5]])).toEqual({ n: 0, w: 0, z: 0, p: 1 });
    expect(wilcoxonSignedRank([]).p).toBe(1);
  });

  it("gives the same p whichever way the rounds are paired", () => {
    const pairs: Array<[number, number]> = [[1, 3], [2, 2], [4, 5], [5, 3], [2, 4]];
    const reversed = pairs.map(([a, b]) => [b, a] as [number, number]);
    expect(wilcoxonSignedRank(reversed).p).toBeCloseTo(wilcoxonSignedRank(pairs).p, 14);
  });
});

describe("kendallW", () => {
  it("matches a hand computation on four experts ranking five technologies", () => {
    // Rank sums A..E = 5, 8, 12, 16, 19; mean 12; S = 130; W = 12·130 / (16·120) = 0.8125;
    // χ² = 4·4·W = 13; p = scipy.stats.chi2.sf(13, 4) = 0.011275793947331792
    // (also scipy.stats.friedmanchisquare on the same ranks: 13.0, 0.011275793947331792).
    const r = kendallW(["ABCDE", "ACBDE", "BACED", "ABDCE"].map((ranking) => [...ranking]));
    expect(r.w).toBeCloseTo(0.8125, 12);
    expect(r.chiSquare).toBeCloseTo(13, 10);
    expect(r.df).toBe(4);
    expect(Math.abs(r.p - 0.011275793947331792)).toBeLessThan(P_TOL);
  });

  it("matches NumPy/SciPy on ten noisy rankings of eight items, small p included", () => {
    // Rankings from argsort(arange(8) + numpy.random.default_rng(7).normal(0, 2, 8)); S = 2832,
    // W = 0.6742857142857143, χ² = 47.2, p = chi2.sf(47.2, 7) = 5.1023833833128826e-08.
    const rankings = [
      "ADCBFEGH", "ABCFDEGH", "ACBEDGFH", "CABDGEFH", "ABDECGFH",
      "CABFDEHG", "ADCEBGFH", "ADBFEHCG", "ABEHFCDG", "ABEFDCGH",
    ];
    const r = kendallW(rankings.map((ranking) => [...ranking]));
    expect(r.w).toBeCloseTo(0.6742857142857143, 12);
    expect(r.chiSquare).toBeCloseTo(47.2, 10);
    expect(Math.abs(r.p / 5.1023833833128826e-8 - 1)).toBeLessThan(1e-6);
  });

  it("is 1 for identical rankings and 0 for two opposite ones", () => {
    expect(kendallW([["a", "b", "c"], ["a", "b", "c"]]).w).toBe(1);
    const opposite = kendallW([["A", "B", "C", "D"], ["D", "C", "B", "A"]]);
    expect(opposite).toEqual({ w: 0, chiSquare: 0, df: 3, p: 1 });
  });

  it("gives tied items their average rank and applies Kendall's tie correction", () => {
    // Ranks (A, B, C, D): 1, 2.5, 2.5, 4 / 1.5, 1.5, 3, 4 / 2, 1, 4, 3; rank sums 4.5, 5, 9.5, 11;
    // S = 31.5; ΣT = 6 + 6 = 12; W = 12·31.5 / (9·60 − 3·12) = 0.75 (uncorrected it would be 0.7).
    // χ² = 3·3·W = 6.75 equals scipy.stats.friedmanchisquare on those ranks: 6.750000000000004,
    // p 0.08030772655502633 (SciPy 1.17.1).
    const r = kendallW([["A", ["B", "C"], "D"], [["A", "B"], "C", "D"], ["B", "A", "D", "C"]]);
    expect(r.w).toBeCloseTo(0.75, 12);
    expect(r.chiSquare).toBeCloseTo(6.75, 12);
    expect(Math.abs(r.p - 0.08030772655502633)).toBeLessThan(1e-12);
  });

  it("reaches 1 when every expert gives the same ranking with the same ties", () => {
    const same = ["a", ["b", "c"], "d"];
    expect(kendallW([same, same, same]).w).toBeCloseTo(1, 14);
  });

  it("rejects rankings in which every expert ties every item, where W is 0/0", () => {
    expect(() => kendallW([[["a", "b"]], [["b", "a"]]])).toThrow(/ties all/);
    // One tie is enough: ranks (1.5, 1.5) and (1, 2), S = 0.5, W = 12·0.5 / (4·6 − 2·6) = 0.5.
    expect(kendallW([[["a", "b"]], ["a", "b"]]).w).toBeCloseTo(0.5, 14);
  });

  it("rejects an item ranked twice even inside a tie group", () => {
    expect(() => kendallW([["a", ["b", "a"]], ["a", "b", "c"]])).toThrow(RangeError);
    expect(() => kendallW([["a", []], ["a", "b"]])).toThrow(RangeError);
  });

  it("rejects rankings that do not list the same items once each", () => {
    expect(() => kendallW([])).toThrow(RangeError);
    expect(() => kendallW([["a"]])).toThrow(RangeError);
    expect(() => kendallW([["a", "b"], ["a", "c"]])).toThrow(RangeError);
    expect(() => kendallW([["a", "b"], ["a", "a"]])).toThrow(RangeError);
    expect(() => kendallW([["a", "a"], ["a", "b"]])).toThrow(RangeError);
    expect(() => kendallW([["a", "b"], ["a", "b", "c"]])).toThrow(RangeError);
  });
});

describe("compareRounds", () => {
  const range = { min: 1, max: 5 };

  it("measures change over every answer but pairs only the experts who answered both rounds", () => {
    const previous = new Map([["e1", 3], ["e2", 4], ["e3", 2], ["e4", 5]]);
    const current = new Map([["e1", 4], ["e2", 4], ["e3", 3], ["e5", 1]]);
    const r = compareRounds({ previous, current, range });
    expect(r.pairs).toBe(3);
    expect(r.percentChange).toBeCloseTo(percentChange([3, 4, 2, 5], [4, 4, 3, 1], range), 15);
    expect(r.wilcoxonP).toBe(wilcoxonSignedRank([[3, 4], [4, 4], [2, 3]]).p);
  });

  it("gives p = 1 when nobody moved and null when nobody answered twice", () => {
    const same = new Map([["e1", 2], ["e2", 5]]);
    expect(compareRounds({ previous: same, current: new Map(same), range })).toEqual({
      percentChange: 0,
      wilcoxonP: 1,
      pairs: 2,
    });
    const other = compareRounds({ previous: same, current: new Map([["e9", 2]]), range });
    expect(other).toEqual({ percentChange: 0.5, wilcoxonP: null, pairs: 0 });
  });
});
