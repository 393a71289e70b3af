// Life-cycle stage of a theme from a logistic S-curve fitted to its cumulative volume.
import type { YearValue } from "@/lib/trends/growth";
import { fitLogistic, logisticValue, type LogisticFit } from "./logistic";

export type LifeCycleStage = "emerging" | "growing" | "mature" | "saturating";

export type LifeCycle = {
  /** null when the series is too short or the curve does not fit; `reason` says which. */
  stage: LifeCycleStage | null;
  reason: string | null;
  /** Where the last year sits on the fitted curve: fitted cumulative volume ÷ saturation level (0..1). */
  position: number | null;
  fit: LogisticFit | null;
  /** The year the curve passes its inflection (half of the saturation level). */
  inflectionYear: number | null;
};

export type LifeCycleOptions = {
  firstYear?: number;
  untilYear?: number;
  /** Fewer years than this in the range give no stage (default 5). */
  minYears?: number;
  /** A fit below this R² on the cumulative series gives no stage (default 0.95). */
  minR2?: number;
};

/**
 * Stage boundaries on the curve: before 10 % of saturation the theme is emerging (the slow start),
 * up to the inflection (50 %) growing (accelerating), up to 90 % mature (decelerating), after that
 * saturating or declining. 10 % and 90 % are the usual ends of the "takeover time" of Fisher & Pry.
 */
export const STAGE_BOUNDS = { emerging: 0.1, growing: 0.5, mature: 0.9 } as const;

export function stageAt(position: number): LifeCycleStage {
  if (position < STAGE_BOUNDS.emerging) return "emerging";
  if (position < STAGE_BOUNDS.growing) return "growing";
  if (position < STAGE_BOUNDS.mature) return "mature";
  return "saturating";
}

const none = (reason: string, fit: LogisticFit | null = null): LifeCycle => ({ stage: null, reason, position: null, fit, inflectionYear: null });

/**
 * The stage of a theme from its yearly volume (missing years count as 0), fitted over
 * firstYear..untilYear (default: the series' own range).
 * @example lifeCycle(logisticYears) // => { stage: "growing", position: 0.38, … }
 */
export function lifeCycle(series: readonly YearValue[], options: LifeCycleOptions = {}): LifeCycle {
  const minYears = options.minYears ?? 5;
  const minR2 = options.minR2 ?? 0.95;
  const years = series.map((s) => s.year);
  if (years.length === 0) return none("no volume");
  const first = options.firstYear ?? Math.min(...years);
  const last = options.untilYear ?? Math.max(...years);
  if (last - first + 1 < minYears) return none(`too short: ${Math.max(0, last - first + 1)} years, at least ${minYears} needed`);
  const byYear = new Map(series.map((s) => [s.year, s.value]));
  const active = series.filter((s) => s.year >= first && s.year <= last && s.value > 0).length;
  if (active < 3) return none(`too short: volume in ${active} years, at least 3 needed`);

  let cumulative = 0;
  const points = [];
  for (let year = first; year <= last; year++) {
    cumulative += byYear.get(year) ?? 0;
    points.push({ x: year, y: cumulative });
  }
  const fit = fitLogistic(points);
  if (!fit) return none("no volume");
  if (fit.r2 < minR2) return none(`poor fit: R² ${fit.r2.toFixed(3)} below ${minR2}`, fit);
  const position = logisticValue(fit, last) / fit.saturation;
  if (fit.bounded) {
    // No saturation in sight: the inflection cannot be placed, only "before saturation".
    const stage = position < STAGE_BOUNDS.emerging ? "emerging" : "growing";
    return { stage, reason: "no saturation visible yet: the saturation level is a lower bound", position, fit, inflectionYear: null };
  }
  return { stage: stageAt(position), reason: null, position, fit, inflectionYear: fit.midpoint };
}
