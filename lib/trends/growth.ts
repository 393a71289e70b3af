// Growth of a yearly series: the least-squares slope of ln(1 + volume) over a window of recent years,
// expressed as an annual growth rate (e^slope − 1). Log-linear regression is the usual estimator of
// exponential growth in bibliometrics (e.g. Bornmann & Mutz 2015 on the growth of science).

export type YearValue = { year: number; value: number };

/**
 * Annual growth rate over the last `window` years of `series` (missing years count as 0).
 * @example growthRate([{ year: 2020, value: 1 }, { year: 2021, value: 3 }, { year: 2022, value: 8 }], { window: 3 }) // ≈ 1.12
 * @returns null when fewer than 2 years are in the window
 */
export function growthRate(series: readonly YearValue[], options: { window?: number; untilYear?: number } = {}): number | null {
  if (series.length === 0) return null;
  const window = options.window ?? 5;
  const last = options.untilYear ?? Math.max(...series.map((s) => s.year));
  const first = last - window + 1;
  const byYear = new Map(series.map((s) => [s.year, s.value]));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let year = first; year <= last; year++) {
    xs.push(year);
    ys.push(Math.log1p(byYear.get(year) ?? 0));
  }
  if (xs.length < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return Math.expm1(sxy / sxx);
}

/** Sums weights per year: the volume series of a theme. */
export function yearlyVolume(entries: readonly { year: number | null; weight: number }[]): YearValue[] {
  const byYear = new Map<number, number>();
  for (const e of entries) if (e.year !== null) byYear.set(e.year, (byYear.get(e.year) ?? 0) + e.weight);
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value }));
}
