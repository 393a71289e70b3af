import { describe, expect, it } from "vitest";
import { averageRanks, betaIncomplete, precisionAtK, spearman, studentTSf } from "@/lib/backtest/rank-statistics";

describe("averageRanks", () => {
  it("gives tied values their average rank (scipy.stats.rankdata)", () => {
    expect(averageRanks([10, 30, 20, 20])).toEqual([1, 4, 2.5, 2.5]);
  });
});

describe("spearman", () => {
  it("matches scipy.stats.spearmanr and its one-sided t p-value for n = 12", () => {
    // scipy: spearmanr(x, y).statistic = 0.9510489510489512; alternative="greater" p = 1.0192123162327887e-06.
    const x = [3.1, 1.2, 5.5, 4.4, 2.0, 6.1, 0.5, 7.7, 8.2, 9.9, 4.0, 3.3];
    const y = [2.0, 1.0, 3.5, 4.9, 0.7, 5.0, 1.5, 8.8, 6.0, 9.1, 2.2, 3.0];
    const result = spearman(x, y);
    expect(result.rho).toBeCloseTo(0.9510489510489512, 12);
    expect(result.method).toBe("t");
    expect(result.p).toBeCloseTo(1.0192123162327887e-6, 14);
    expect(result.n).toBe(12);
  });

  it("uses all permutations for small n", () => {
    // ρ = 1 − 6·Σd²/(n(n²−1)) = 1 − 6·6/210 = 0.828571; 21 of the 720 orderings of y reach it (itertools count).
    const result = spearman([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]);
    expect(result.rho).toBeCloseTo(0.8285714285714287, 12);
    expect(result.method).toBe("exact");
    expect(result.p).toBeCloseTo(21 / 720, 12);
  });

  it("handles ties as Pearson's r on average ranks", () => {
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4]).rho).toBeCloseTo(0.9486832980505139, 12);
  });

  it("is −1 with p = 1 for a reversed order, and refuses too few pairs", () => {
    const reversed = spearman([1, 2, 3, 4], [4, 3, 2, 1]);
    expect(reversed.rho).toBeCloseTo(-1, 12);
    expect(reversed.p).toBe(1);
    expect(() => spearman([1, 2], [1, 2])).toThrow(RangeError);
  });
});

describe("Student's t and the incomplete beta", () => {
  it("match scipy.stats", () => {
    expect(studentTSf(2.5, 10)).toBeCloseTo(0.01572342211830441, 12);
    expect(studentTSf(-1, 5)).toBeCloseTo(0.8183912661754386, 12);
    expect(betaIncomplete(2.5, 1.5, 0.3)).toBeCloseTo(0.08894372317066562, 12);
  });
});

describe("precisionAtK", () => {
  it("is the overlap of the two top-k sets over k", () => {
    // Forecast top 2: items 0, 1; outcome top 2: items 2, 0 → overlap {0} → 1/2.
    expect(precisionAtK([0.9, 0.8, 0.1], [5, 1, 7], 2)).toBe(0.5);
    expect(precisionAtK([3, 2, 1, 0], [30, 20, 10, 0], 3)).toBe(1);
    expect(precisionAtK([1, 2], [1, 2], 10)).toBe(1);
  });
});
