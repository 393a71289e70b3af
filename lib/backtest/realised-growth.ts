// What happened after the cut-off: each theme's share of the later documents, year by year, and its growth.

/**
 * Each topic's share of the year's volume: Σ θ_dt over the year's documents ÷ their number.
 * @example yearlyShares([Float64Array.of(0.8, 0.2), Float64Array.of(0.4, 0.6)], [2020, 2020]) // => Map { 2020 => [0.6, 0.4] }
 */
export function yearlyShares(thetas: readonly Float64Array[], years: readonly number[]): Map<number, Float64Array> {
  const sums = new Map<number, { total: Float64Array; n: number }>();
  thetas.forEach((theta, d) => {
    const entry = sums.get(years[d]) ?? { total: new Float64Array(theta.length), n: 0 };
    for (let t = 0; t < theta.length; t++) entry.total[t] += theta[t];
    entry.n++;
    sums.set(years[d], entry);
  });
  return new Map([...sums].sort((a, b) => a[0] - b[0]).map(([year, { total, n }]) => [year, total.map((v) => v / n)]));
}

/**
 * e^slope − 1 for the least-squares slope of ln y on x: the annual growth of a positive series.
 * @example logLinearGrowth([{ x: 1, y: 1 }, { x: 2, y: 2 }, { x: 3, y: 4 }]) // => 1
 * @returns null with fewer than 2 points or a value that is not positive
 */
export function logLinearGrowth(points: readonly { x: number; y: number }[]): number | null {
  if (points.length < 2 || points.some((p) => !(p.y > 0))) return null;
  const mx = points.reduce((a, p) => a + p.x, 0) / points.length;
  const my = points.reduce((a, p) => a + Math.log(p.y), 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (Math.log(p.y) - my);
    sxx += (p.x - mx) ** 2;
  }
  return sxx > 0 ? Math.expm1(sxy / sxx) : null;
}

/**
 * Realised growth of every topic after the cut-off: the annual growth of its share of the volume
 * over until+1 … until+horizon (shares, so that the corpus's own growth does not dominate).
 */
export function realisedGrowth(shares: ReadonlyMap<number, Float64Array>, k: number): (number | null)[] {
  return Array.from({ length: k }, (_, t) => logLinearGrowth([...shares].map(([year, s]) => ({ x: year, y: s[t] }))));
}
