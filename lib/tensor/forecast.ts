// Trend forecasts per theme: least squares of ln(1 + volume) on year, all themes at once through
// one QR decomposition of the design matrix in tensors, with the classical prediction interval
// ŷ ± t(n−2) · s · √(1 + 1/n + (x₀ − x̄)² / Sxx), back-transformed to volumes.
import { studentTSf } from "@/lib/backtest/rank-statistics";
import { loadTensorflow } from "./backend";

export type ForecastPoint = { year: number; value: number; lower: number; upper: number };
export type ThemeForecast = {
  /** ln(1 + volume) per year. */
  slope: number;
  intercept: number;
  /** e^slope − 1: the yearly growth the fit implies. */
  growth: number;
  /** Residual standard deviation on the log scale. */
  sigma: number;
  forecast: ForecastPoint[];
};
export type ForecastOptions = { years: readonly number[]; series: readonly (readonly number[])[]; horizon: readonly number[]; level?: number };

/** The p-quantile (p > ½) of Student's t with df degrees of freedom, by bisection on its tail. */
export function studentTQuantile(p: number, df: number): number {
  let lo = 0;
  let hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (1 - studentTSf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * One fit per series (theme), each with a value per year in `years` (at least 3 years), forecast
 * for the `horizon` years with a `level` (default 0.9) prediction interval.
 * @example await forecastTrends({ years: [2020, 2021, 2022], series: [[1, 3, 7]], horizon: [2023] })
 * // => [{ slope: 0.693, growth: 1, forecast: [{ year: 2023, value: 15, … }], … }]
 */
export async function forecastTrends(options: ForecastOptions): Promise<ThemeForecast[]> {
  const { years, series, horizon } = options;
  const level = options.level ?? 0.9;
  const n = years.length;
  if (n < 3) throw new RangeError("a trend needs at least 3 years");
  if (series.some((s) => s.length !== n)) throw new RangeError("one value per year in every series");
  if (series.length === 0) return [];
  const { tf } = await loadTensorflow();
  const mean = years.reduce((a, b) => a + b, 0) / n;
  const x = years.map((y) => y - mean);
  const sxx = x.reduce((a, v) => a + v * v, 0);
  const { coefficients, sse } = tf.tidy(() => {
    const design = tf.tensor2d(x.map((v) => [1, v]));
    const y = tf.tensor2d(years.map((_, i) => series.map((s) => Math.log1p(Math.max(0, s[i])))));
    const [q, r] = tf.linalg.qr(design);
    const qty = q.transpose().matMul(y).arraySync() as number[][];
    const [[r00, r01], [, r11]] = r.arraySync() as number[][];
    // Back substitution of R β = Qᵀy for every series at once.
    const slope = qty[1].map((v) => v / r11);
    const intercept = qty[0].map((v, t) => (v - r01 * slope[t]) / r00);
    const fitted = design.matMul(tf.tensor2d([intercept, slope]));
    return { coefficients: { slope, intercept }, sse: Array.from(y.sub(fitted).square().sum(0).dataSync()) };
  });
  const t = studentTQuantile((1 + level) / 2, n - 2);
  return series.map((_, s) => {
    const slope = coefficients.slope[s];
    const intercept = coefficients.intercept[s];
    const sigma = Math.sqrt(sse[s] / (n - 2));
    const forecast = horizon.map((year) => {
      const x0 = year - mean;
      const centre = intercept + slope * x0;
      const half = t * sigma * Math.sqrt(1 + 1 / n + (x0 * x0) / sxx);
      return { year, value: Math.expm1(centre), lower: Math.max(0, Math.expm1(centre - half)), upper: Math.expm1(centre + half) };
    });
    return { slope, intercept, growth: Math.expm1(slope), sigma, forecast };
  });
}
