// Rank agreement between a forecast and what happened: Spearman's ρ with a one-sided p-value, and
// precision at k.
import { lgamma } from "@/lib/delphi/special-functions";

/**
 * 1-based ranks, ascending, ties sharing their average rank (the "fractional" ranking Spearman needs).
 * @example averageRanks([10, 30, 20, 20]) // => [1, 4, 2.5, 2.5]
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1][0] === order[start][0]) end++;
    for (let j = start; j <= end; j++) ranks[order[j][1]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** Regularised incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4). */
export function betaIncomplete(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - betaIncomplete(b, a, 1 - x);
  const front = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x)) / a;
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let f = d;
  for (let m = 1; m <= 10_000; m++) {
    for (const numerator of [(m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))]) {
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      if (Math.abs(c) < tiny) c = tiny;
      f *= c * d;
    }
    if (Math.abs(c * d - 1) < 1e-15) break;
  }
  return front * f;
}

/** P(T ≥ t) for Student's t with df degrees of freedom. */
export function studentTSf(t: number, df: number): number {
  const tail = 0.5 * betaIncomplete(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? tail : 1 - tail;
}

/** Share of the permutations of y whose rank correlation with x is at least the observed one. */
function exactPValue(rx: readonly number[], ry: readonly number[]): number {
  const dot = (p: readonly number[]) => p.reduce((a, v, i) => a + v * rx[i], 0);
  const observed = dot(ry) - 1e-9;
  const p = [...ry];
  const c = new Array<number>(p.length).fill(0);
  let atLeast = dot(p) >= observed ? 1 : 0;
  let total = 1;
  // Heap's algorithm: every permutation once; ρ rises with Σ rx·ry, whose other terms are fixed.
  for (let i = 0; i < p.length; ) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [p[j], p[i]] = [p[i], p[j]];
      total++;
      if (dot(p) >= observed) atLeast++;
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return atLeast / total;
}

export type SpearmanResult = {
  rho: number;
  /** One-sided p-value for ρ > 0. */
  p: number;
  /** "exact": all n! permutations (n ≤ 9); "t": Student's t with n − 2 df, t = ρ √((n − 2) / (1 − ρ²)). */
  method: "exact" | "t";
  n: number;
};

/**
 * Spearman's rank correlation of x and y with a one-sided test of ρ > 0.
 * @example spearman([1, 2, 3, 4], [10, 20, 30, 40]) // => { rho: 1, p: 1/24, method: "exact", n: 4 }
 * @throws RangeError for fewer than 3 pairs or lengths that differ
 */
export function spearman(x: readonly number[], y: readonly number[]): SpearmanResult {
  if (x.length !== y.length || x.length < 3) throw new RangeError("Spearman's ρ needs at least 3 pairs of equal length");
  const n = x.length;
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const rho = pearson(rx, ry);
  if (Number.isNaN(rho)) return { rho: 0, p: 1, method: n <= 9 ? "exact" : "t", n };
  if (n <= 9) return { rho, p: exactPValue(rx, ry), method: "exact", n };
  if (rho >= 1) return { rho, p: 0, method: "t", n };
  const t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
  return { rho, p: studentTSf(t, n - 2), method: "t", n };
}

/**
 * |top k by forecast ∩ top k by outcome| / k, both highest first (ties broken by position).
 * @example precisionAtK([0.9, 0.8, 0.1], [5, 1, 7], 2) // => 0.5
 */
export function precisionAtK(forecast: readonly number[], outcome: readonly number[], k: number): number {
  const top = (values: readonly number[]) => new Set(values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, k).map(([, i]) => i));
  const a = top(forecast);
  const b = top(outcome);
  return [...a].filter((i) => b.has(i)).length / Math.min(k, forecast.length);
}
