// Growth speed against volume, in four quadrants (the portfolio view of foresight reports):
//
//                 small volume        large volume
//   fast growth   emerging            growing
//   slow growth   declining           mature
//
// Thresholds, unless given: volume — the median theme volume, so half the themes are "large";
// growth — the corpus's own growth over the same window (lib/trends/growth on documents per year),
// so "fast" means gaining share of the corpus. A corpus that doubles in five years (most do) would
// otherwise make every theme look fast. Without a corpus growth the growth threshold is 0.
import { uniqueNames } from "./river";
import type { DashboardTheme } from "./types";

export type Quadrant = "emerging" | "growing" | "mature" | "declining";

export type BubblePoint = {
  themeId: string;
  name: string;
  /** Σ weights up to the indicators' last year. */
  volume: number;
  /** Annual growth rate of the volume over the last 5 years. */
  growth: number;
  documentCount: number;
  quadrant: Quadrant;
  stage: string | null;
  emergingScore: number | null;
};

export type BubbleThresholds = { volume: number; growth: number; volumeRule: "median" | "given"; growthRule: "corpus" | "zero" | "given" };
export type Bubbles = { thresholds: BubbleThresholds; points: BubblePoint[]; /** Themes without a growth rate (too short a series). */ unplaced: string[] };

export type BubbleOptions = { corpusGrowth?: number | null; volumeThreshold?: number; growthThreshold?: number };

/**
 * The median of a list (mean of the middle two for an even length).
 * @example median([4, 1, 3, 2]) // => 2.5
 * @returns null for an empty list
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Fast growth is at or above the growth threshold; a large volume is at or above the volume threshold. */
export function quadrantOf(point: { volume: number; growth: number }, thresholds: { volume: number; growth: number }): Quadrant {
  const fast = point.growth >= thresholds.growth;
  const large = point.volume >= thresholds.volume;
  if (fast) return large ? "growing" : "emerging";
  return large ? "mature" : "declining";
}

export function bubbles(themes: readonly DashboardTheme[], options: BubbleOptions = {}): Bubbles {
  const names = uniqueNames(themes);
  const placed = themes.filter((t) => t.indicators && t.indicators.growth !== null && Number.isFinite(t.indicators.growth));
  const volumeThreshold = options.volumeThreshold ?? median(placed.map((t) => t.indicators!.volume)) ?? 0;
  const growthRule = options.growthThreshold !== undefined ? "given" : typeof options.corpusGrowth === "number" ? "corpus" : "zero";
  const thresholds: BubbleThresholds = {
    volume: volumeThreshold,
    growth: options.growthThreshold ?? (typeof options.corpusGrowth === "number" ? options.corpusGrowth : 0),
    volumeRule: options.volumeThreshold !== undefined ? "given" : "median",
    growthRule,
  };
  const points = placed.map((t): BubblePoint => {
    const ind = t.indicators!;
    const point = { volume: ind.volume, growth: ind.growth as number };
    return {
      themeId: t.id,
      name: names.get(t.id)!,
      ...point,
      documentCount: ind.documentCount,
      quadrant: quadrantOf(point, thresholds),
      stage: ind.lifeCycle.stage,
      emergingScore: ind.emerging?.score ?? null,
    };
  });
  return { thresholds, points, unplaced: themes.filter((t) => !placed.includes(t)).map((t) => t.id) };
}
