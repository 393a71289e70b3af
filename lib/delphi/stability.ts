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

export type CompareRoundsInput = {
  /** One item's answers in the earlier round, by expert. */
  previous: ReadonlyMap<string, number>;
  /** The same item's answers in the later round, by expert. */
  current: ReadonlyMap<string, number>;
  range: ScaleRange;
};
export type RoundComparison = {
  percentChange: number;
  /** Null when no expert answered the item in both rounds: there is nothing to pair. */
  wilcoxonP: number | null;
  /** Experts who answered in both rounds. */
  pairs: number;
};

/**
 * Stability of one item between two rounds (delphi-methods.md §3.3): percentage change over every
 * answer of each round, and the Wilcoxon signed-rank p over the experts who answered both.
 * @example compareRounds({ previous: new Map([["e1", 2]]), current: new Map([["e1", 2]]),
 *   range: { min: 1, max: 5 } }) // => { percentChange: 0, wilcoxonP: 1, pairs: 1 }
 * @throws RangeError if either round has no answers or an answer is off the scale
 */
export function compareRounds({ previous, current, range }: CompareRoundsInput): RoundComparison {
  const pairs: Array<[number, number]> = [];
  for (const [expert, value] of current) {
    const before = previous.get(expert);
    if (before !== undefined) pairs.push([before, value]);
  }
  return {
    percentChange: percentChange([...previous.values()], [...current.values()], range),
    wilcoxonP: pairs.length === 0 ? null : wilcoxonSignedRank(pairs).p,
    pairs: pairs.length,
  };
}

export type KendallWResult = { w: number; chiSquare: number; df: number; p: number };

/** One expert's ranking, best first; an inner array is a group of items tied at that place. */
export type Ranking = ReadonlyArray<string | readonly string[]>;

/** Each item's average rank in one ranking, and that ranking's Σ(t³ − t) over its tie groups. */
function rankItems(ranking: Ranking): { ranks: Map<string, number>; tieTerm: number } {
  const ranks = new Map<string, number>();
  let placed = 0;
  let tieTerm = 0;
  for (const entry of ranking) {
    const group = typeof entry === "string" ? [entry] : entry;
    const t = group.length;
    if (t === 0) throw new RangeError("a tie group must hold at least one item");
    for (const item of group) {
      if (ranks.has(item)) throw new RangeError(`item "${item}" is ranked twice in one ranking`);
      ranks.set(item, placed + (t + 1) / 2);
    }
    placed += t;
    tieTerm += t ** 3 - t;
  }
  return { ranks, tieTerm };
}

/**
 * Kendall's coefficient of concordance for m rankings of the same n items, best first (Kendall &
 * Babington Smith 1939). Tied items share their average rank and W takes Kendall's tie correction:
 * W = 12S / (m²(n³ − n) − m·ΣT), S = Σ_j (R_j − m(n + 1)/2)², T = Σ(t³ − t) per ranking; without ties
 * this is the classic 12S / (m²(n³ − n)). χ² = m(n − 1)W on n − 1 degrees of freedom, which with
 * ties is exactly the Friedman statistic of scipy.stats.friedmanchisquare and R's friedman.test
 * (and irr::kendall(x, correct = TRUE)); uncorrected, W could not reach 1 when every expert agrees.
 * @example kendallW([["a", "b", "c"], ["a", "b", "c"]]).w // => 1
 * @example kendallW([["a", ["b", "c"]], ["a", ["b", "c"]]]).w // => 1 (tie-corrected)
 * @throws RangeError unless every ranking lists the same n ≥ 2 distinct items, or if every ranking
 *   ties all its items (W is then 0/0)
 */
export function kendallW(rankings: readonly Ranking[]): KendallWResult {
  const m = rankings.length;
  if (m === 0) throw new RangeError("kendallW needs at least one ranking of two or more items");
  const first = rankItems(rankings[0]).ranks;
  const n = first.size;
  if (n < 2) throw new RangeError("kendallW needs at least one ranking of two or more items");
  const rankSums = new Map<string, number>([...first.keys()].map((item) => [item, 0]));
  let tieTerms = 0;
  for (const ranking of rankings) {
    const { ranks, tieTerm } = rankItems(ranking);
    if (ranks.size !== n) throw new RangeError("every ranking must list the same distinct items once");
    for (const [item, rank] of ranks) {
      const sum = rankSums.get(item);
      if (sum === undefined) throw new RangeError(`item "${item}" is missing from the first ranking`);
      rankSums.set(item, sum + rank);
    }
    tieTerms += tieTerm;
  }
  const denominator = m * m * (n ** 3 - n) - m * tieTerms;
  if (denominator === 0) throw new RangeError("W is undefined when every ranking ties all its items");
  const meanSum = (m * (n + 1)) / 2;
  let s = 0;
  for (const sum of rankSums.values()) s += (sum - meanSum) ** 2;
  const w = (12 * s) / denominator;
  const df = n - 1;
  const chiSquare = m * df * w;
  return { w, chiSquare, df, p: chiSquareSf(chiSquare, df) };
}
