// Is the panel still moving? Stability between Delphi rounds (delphi-methods.md §3.3) and
// agreement among rankings (§3.2, Kendall's W).
import { chiSquareSf, normalSf } from "./special-functions";
import { distribution, type ScaleRange } from "./statistics";

/**
 * Percentage change (Scheibe, Skutsch & Schofer 1975): ½·Σ_c |share_c(r) − share_c(r−1)| over the
 * scale's categories, the net share of answers that moved; below 0.15 is read as stable. Shares, not
 * counts, so rounds with different n compare fairly.
 * @example percentChange([1, 2, 2, 3], [2, 2, 3, 3], { min: 1, max: 3 }) // => 0.25
 * @throws RangeError if either round is empty or an answer is off the scale
 */
export function percentChange(
  previous: readonly number[],
  current: readonly number[],
  range: ScaleRange,
): number {
  if (previous.length === 0 || current.length === 0) {
    throw new RangeError("percentChange needs answers in both rounds");
  }
  const before = distribution(previous, range);
  const after = distribution(current, range);
  let total = 0;
  for (let c = range.min; c <= range.max; c++) {
    total += Math.abs(after[c] / current.length - before[c] / previous.length);
  }
  return total / 2;
}

export type WilcoxonResult = {
  /** Pairs with a non-zero difference. */
  n: number;
  /** min(W+, W−), the statistic scipy.stats.wilcoxon reports for a two-sided test. */
  w: number;
  /** (W+ − μ)/σ with differences taken as current − previous: positive means answers moved up. */
  z: number;
  /** Two-sided p-value. */
  p: number;
};

/** Average ranks (1-based) of `values`, and Σ(t³ − t) over the groups of t tied values. */
function averageRanks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].v === order[start].v) end++;
    const t = end - start + 1;
    for (let k = start; k <= end; k++) ranks[order[k].i] = (start + end) / 2 + 1;
    tieTerm += t ** 3 - t;
    start = end + 1;
  }
  return { ranks, tieTerm };
}

/**
 * Two-sided Wilcoxon (1945) signed-rank test over [previous, current] answers of the experts who
 * answered both rounds: zero differences dropped (Wilcoxon's method), normal approximation with the
 * tie-corrected variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 and no continuity correction; equals
 * scipy.stats.wilcoxon(x, y, zero_method="wilcox", correction=False, method="approx").
 * p is 1 when no pair changed.
 * @example wilcoxonSignedRank([[3, 5], [4, 4], [2, 3]]).p // ≈ 0.1797124948790 (scipy.stats.wilcoxon, approx)
 */
export function wilcoxonSignedRank(pairs: ReadonlyArray<readonly [number, number]>): WilcoxonResult {
  const diffs = pairs.map(([previous, current]) => current - previous).filter((d) => d !== 0);
  const n = diffs.length;
  if (n === 0) return { n: 0, w: 0, z: 0, p: 1 };
  const { ranks, tieTerm } = averageRanks(diffs.map(Math.abs));
  let wPlus = 0;
  diffs.forEach((d, i) => {
    if (d > 0) wPlus += ranks[i];
  });
  const wMinus = (n * (n + 1)) / 2 - wPlus;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const z = (wPlus - (n * (n + 1)) / 4) / sigma;
  return { n, w: Math.min(wPlus, wMinus), z, p: Math.min(1, 2 * normalSf(Math.abs(z))) };
}

export type KendallWResult = { w: number; chiSquare: number; df: number; p: number };

/**
 * Kendall's coefficient of concordance for m complete rankings of the same n items, best first
 * (Kendall & Babington Smith 1939): W = 12S / (m²(n³ − n)), S = Σ_j (R_j − m(n + 1)/2)²; significance
 * from χ² = m(n − 1)W on n − 1 degrees of freedom. No tie correction: complete rankings have no ties.
 * @example kendallW([["a", "b", "c"], ["a", "b", "c"]]).w // => 1
 * @throws RangeError unless every ranking lists the same n ≥ 2 distinct items
 */
export function kendallW(rankings: ReadonlyArray<readonly string[]>): KendallWResult {
  const m = rankings.length;
  const n = m > 0 ? rankings[0].length : 0;
  if (m === 0 || n < 2) throw new RangeError("kendallW needs at least one ranking of two or more items");
  const rankSums = new Map<string, number>(rankings[0].map((item) => [item, 0]));
  for (const ranking of rankings) {
    if (ranking.length !== n || new Set(ranking).size !== n || rankSums.size !== n) {
      throw new RangeError("every ranking must list the same distinct items once");
    }
    ranking.forEach((item, position) => {
      const sum = rankSums.get(item);
      if (sum === undefined) throw new RangeError(`item "${item}" is missing from the first ranking`);
      rankSums.set(item, sum + position + 1);
    });
  }
  const meanSum = (m * (n + 1)) / 2;
  let s = 0;
  for (const sum of rankSums.values()) s += (sum - meanSum) ** 2;
  const w = (12 * s) / (m * m * (n ** 3 - n));
  const df = n - 1;
  const chiSquare = m * df * w;
  return { w, chiSquare, df, p: chiSquareSf(chiSquare, df) };
}
