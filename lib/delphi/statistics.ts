// Descriptive statistics stored per Delphi item and round (delphi-methods.md §3.1). Every primitive
// throws a RangeError on input it cannot describe; summariseScale turns those cases into nulls.
import { comet7015, randUcla } from "./consensus";

export type Band = readonly [lo: number, hi: number];
export type ScaleRange = { min: number; max: number };
/** Which answers weigh 100, 50 and 0 in the importance index; values outside all three are ignored. */
export type ImportanceBands = { high: Band; mid: Band; low: Band };

/** NISTEP-style mapping for a 5-point importance scale: 5–4 → 100, 3 → 50, 2–1 → 0. */
export const NISTEP_IMPORTANCE_BANDS: ImportanceBands = { high: [4, 5], mid: [3, 3], low: [1, 2] };

function requireValues(values: readonly number[], need = 1): void {
  if (values.length < need) {
    throw new RangeError(`needs at least ${need} value(s), got ${values.length}`);
  }
}

/**
 * Arithmetic mean.
 * @example mean([1, 2, 3, 4]) // => 2.5
 * @throws RangeError if `values` is empty
 */
export function mean(values: readonly number[]): number {
  requireValues(values);
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Sample standard deviation, divisor n − 1 (as Surveylet; delphi-methods.md §3.1), two-pass.
 * @example sampleSd([2, 4, 4, 4, 5, 5, 7, 9]) // => 2.138089935299395
 * @throws RangeError if fewer than two values
 */
export function sampleSd(values: readonly number[]): number {
  requireValues(values, 2);
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return Math.sqrt(ss / (values.length - 1));
}

/**
 * Quantile by Hyndman & Fan (1996) type 7: linear interpolation between order statistics at
 * h = (n − 1)·p, the default of R's `quantile` and NumPy's `quantile`. Sorts a copy.
 * @example quantile([1, 2, 3, 4], 0.25) // => 1.75
 * @throws RangeError if `values` is empty or p is outside [0, 1]
 */
export function quantile(values: readonly number[], p: number): number {
  requireValues(values);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile needs 0 ≤ p ≤ 1, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Median (type 7, so the mean of the two middle values for even n).
 * @example median([3, 1, 4, 2]) // => 2.5
 */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * First quartile, median and third quartile, Hyndman–Fan type 7.
 * @example quartiles([1, 2, 3, 4]) // => { q1: 1.75, median: 2.5, q3: 3.25 }
 */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } {
  return { q1: quantile(values, 0.25), median: quantile(values, 0.5), q3: quantile(values, 0.75) };
}

/**
 * Interquartile range with Hyndman–Fan type 7 quantiles (the R and NumPy default).
 * @example iqr([1, 2, 3, 4]) // => 1.5
 * @throws RangeError if `values` is empty
 */
export function iqr(values: readonly number[]): number {
  return quantile(values, 0.75) - quantile(values, 0.25);
}

/**
 * Coefficient of variation sd / mean (English & Kernan 1976, via von der Gracht 2012).
 * @example coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9]) // => 0.427617987059879
 * @throws RangeError if fewer than two values or the mean is 0
 */
export function coefficientOfVariation(values: readonly number[]): number {
  const m = mean(values);
  if (m === 0) throw new RangeError("coefficient of variation is undefined when the mean is 0");
  return sampleSd(values) / m;
}

/**
 * Share of values inside the inclusive band [lo, hi] (top-box / bottom-box %, §3.1).
 * @example shareInBand([1, 7, 8, 9], [7, 9]) // => 0.75
 * @throws RangeError if `values` is empty
 */
export function shareInBand(values: readonly number[], band: Band): number {
  requireValues(values);
  return countInBand(values, band) / values.length;
}

function countInBand(values: readonly number[], [lo, hi]: Band): number {
  let count = 0;
  for (const v of values) if (v >= lo && v <= hi) count++;
  return count;
}

/**
 * Count of answers per integer category min..max; every category is present, zeros included.
 * @example distribution([1, 3, 3], { min: 1, max: 3 }) // => { 1: 1, 2: 0, 3: 2 }
 * @throws RangeError if a value is not an integer inside [min, max]
 */
export function distribution(values: readonly number[], range: ScaleRange): Record<number, number> {
  const counts: Record<number, number> = {};
  for (let c = range.min; c <= range.max; c++) counts[c] = 0;
  for (const v of values) {
    if (!Number.isInteger(v) || v < range.min || v > range.max) {
      throw new RangeError(`answer ${v} is not a category of the ${range.min}–${range.max} scale`);
    }
    counts[v]++;
  }
  return counts;
}

/**
 * NISTEP importance index = (100·n_high + 50·n_mid + 0·n_low) / (n_high + n_mid + n_low), 0–100
 * (NISTEP Delphi surveys; delphi-methods.md §4.1 b). Default bands: 5–4 high, 3 mid, 2–1 low.
 * @example importanceIndex([5, 4, 3, 2]) // => 62.5
 * @throws RangeError if no value falls in any band
 */
export function importanceIndex(
  values: readonly number[],
  bands: ImportanceBands = NISTEP_IMPORTANCE_BANDS,
): number {
  const index = weightedIndex(values, bands);
  if (index === null) throw new RangeError("importance index needs at least one answer in a band");
  return index;
}

function weightedIndex(values: readonly number[], bands: ImportanceBands): number | null {
  const high = countInBand(values, bands.high);
  const mid = countInBand(values, bands.mid);
  const rated = high + mid + countInBand(values, bands.low);
  return rated === 0 ? null : (100 * high + 50 * mid) / rated;
}

export type ScaleSummaryOptions = ScaleRange & {
  agreeBand: Band;
  disagreeBand: Band;
  /** How many "don't know" answers were left out of `values`; reported apart, never in n. */
  dontKnow?: number;
  /** Default: agree band → 100, disagree band → 0, categories between the two → 50. */
  importanceBands?: ImportanceBands;
};

type Stat = number | null;
export type ScaleSummary = {
  n: number;
  dontKnow: number;
  distribution: Record<number, number>;
  mean: Stat; sd: Stat; median: Stat; q1: Stat; q3: Stat; iqr: Stat; cv: Stat;
  agreement: Stat; disagreement: Stat;
  comet7015: "in" | "out" | "none" | null;
  importanceIndex: Stat;
  quantileMethod: "hyndman-fan-7";
  agreeBand: Band;
  disagreeBand: Band;
  /** RAND/UCLA fields, present only on 1–9 scales. */
  ipr?: Stat; ipras?: Stat; randDisagreement?: boolean | null;
};

function bandsBetween(agree: Band, disagree: Band): ImportanceBands {
  const [lower, upper] = agree[0] <= disagree[0] ? [agree, disagree] : [disagree, agree];
  return { high: agree, mid: [lower[1] + 1, upper[0] - 1], low: disagree };
}

/**
 * Everything stored per item and round for an ordinal scale (delphi-methods.md §3.1), from the
 * numeric answers only (don't-know answers are passed as a count). Empty input gives n = 0 and null
 * statistics; n = 1 gives null sd and cv; a zero mean gives null cv.
 * @example summariseScale([4, 5, 5], { min: 1, max: 5, agreeBand: [4, 5], disagreeBand: [1, 2] })
 *   .median // => 5
 */
export function summariseScale(values: readonly number[], options: ScaleSummaryOptions): ScaleSummary {
  const { agreeBand, disagreeBand } = options;
  const n = values.length;
  const any = n > 0;
  const sd = n >= 2 ? sampleSd(values) : null;
  const m = any ? mean(values) : null;
  const agreement = any ? shareInBand(values, agreeBand) : null;
  const disagreement = any ? shareInBand(values, disagreeBand) : null;
  const summary: ScaleSummary = {
    n,
    dontKnow: options.dontKnow ?? 0,
    distribution: distribution(values, options),
    mean: m,
    sd,
    median: any ? median(values) : null,
    q1: any ? quantile(values, 0.25) : null,
    q3: any ? quantile(values, 0.75) : null,
    iqr: any ? iqr(values) : null,
    cv: sd !== null && m ? sd / m : null,
    agreement,
    disagreement,
    comet7015: agreement !== null && disagreement !== null ? comet7015(agreement, disagreement) : null,
    importanceIndex: weightedIndex(values, options.importanceBands ?? bandsBetween(agreeBand, disagreeBand)),
    quantileMethod: "hyndman-fan-7",
    agreeBand,
    disagreeBand,
  };
  if (options.min !== 1 || options.max !== 9) return summary;
  if (!any) return { ...summary, ipr: null, ipras: null, randDisagreement: null };
  return { ...summary, ...randUcla(quantile(values, 0.3), quantile(values, 0.7)) };
}
