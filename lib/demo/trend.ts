// The planted life-cycle curves: how many documents a theme expects in a year.

export type TrendKind = "emerging" | "growing" | "mature" | "declining";

/** Share of the expected volume before `start` that an emerging theme already has. */
const EMERGING_TRICKLE = 0.3;

export type DemoTrend =
  /** A trickle before `start`, then exponential growth from `initial` at rate `growth` per year. */
  | { kind: "emerging"; start: number; initial: number; growth: number }
  /** Nothing before `start`, then linear growth from `initial` by `slope` per year. */
  | { kind: "growing"; start: number; initial: number; slope: number }
  /** A logistic curve that has levelled off at `plateau`, half-way at `midpoint`. */
  | { kind: "mature"; start: number; midpoint: number; plateau: number; steepness: number }
  /** Exponential rise to `height` at `peak`, exponential fall after it. */
  | { kind: "declining"; start: number; peak: number; height: number; rise: number; decay: number };

/**
 * The expected number of documents of a theme in one year (before scaling and noise).
 * @example expectedCount({ kind: "growing", start: 2012, initial: 2, slope: 0.5 }, 2016) // => 4
 */
export function expectedCount(trend: DemoTrend, year: number): number {
  if (year < trend.start) {
    return trend.kind === "emerging" ? trend.initial * EMERGING_TRICKLE : 0;
  }
  switch (trend.kind) {
    case "emerging":
      return trend.initial * Math.exp(trend.growth * (year - trend.start));
    case "growing":
      return trend.initial + trend.slope * (year - trend.start);
    case "mature":
      return trend.plateau / (1 + Math.exp(-trend.steepness * (year - trend.midpoint)));
    case "declining": {
      const distance = year - trend.peak;
      const rate = distance < 0 ? trend.rise : trend.decay;
      return trend.height * Math.exp(-rate * Math.abs(distance));
    }
  }
}

/**
 * Where each year sits in a theme's life cycle: the share of its total volume published
 * before the middle of that year (0 = the very beginning, 1 = all of it behind us).
 * @example lifeCyclePhase([1, 2, 1]) // => [0.125, 0.5, 0.875]
 */
export function lifeCyclePhase(volumes: readonly number[]): number[] {
  const total = volumes.reduce((sum, v) => sum + v, 0);
  if (total === 0) return volumes.map(() => 0);
  let before = 0;
  return volumes.map((v) => {
    const phase = (before + v / 2) / total;
    before += v;
    return phase;
  });
}
