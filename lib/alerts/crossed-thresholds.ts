// Which alert rules a theme's indicators cross: pure, so the rules are tested without a database.
import { z } from "zod";
import type { AlertThresholds } from "./thresholds";

export type AlertRule = "emerging_score" | "weak_signal";

export type Crossing = {
  rule: AlertRule;
  /** The figures the rule looked at. */
  figures: Record<string, number>;
  /** The thresholds they crossed. */
  threshold: Record<string, number>;
};

/** The indicator figures the rules read, from a theme's stored evidence. */
export const ZAlertFigures = z.object({
  volume: z.number(),
  growth: z.number().nullable(),
  emerging: z.object({ score: z.number() }).loose().nullable(),
});
export type AlertFigures = z.infer<typeof ZAlertFigures>;

/**
 * The rules a theme crosses, emerging score first.
 * @example crossedThresholds({ volume: 12, growth: 0.8, emerging: { score: 2.5 } }, DEFAULT_ALERT_THRESHOLDS)
 * // => [{ rule: "emerging_score", … }, { rule: "weak_signal", … }]
 */
export function crossedThresholds(figures: AlertFigures, thresholds: AlertThresholds): Crossing[] {
  const crossings: Crossing[] = [];
  const score = figures.emerging?.score;
  if (thresholds.emergingScoreMin !== null && score !== undefined && score >= thresholds.emergingScoreMin) {
    crossings.push({ rule: "emerging_score", figures: { emergingScore: score }, threshold: { emergingScoreMin: thresholds.emergingScoreMin } });
  }
  const weak = thresholds.weakSignal;
  if (weak && figures.growth !== null && figures.growth >= weak.growthMin && figures.volume <= weak.volumeMax) {
    crossings.push({
      rule: "weak_signal",
      figures: { growth: figures.growth, volume: figures.volume },
      threshold: { growthMin: weak.growthMin, volumeMax: weak.volumeMax },
    });
  }
  return crossings;
}

const percent = (x: number) => `${(x * 100).toFixed(0)} %`;

/** One sentence per crossing, for the alert's message. */
export function describeCrossing(c: Crossing): string {
  if (c.rule === "emerging_score") return `emerging score ${c.figures.emergingScore.toFixed(2)} ≥ ${c.threshold.emergingScoreMin}`;
  return `growth ${percent(c.figures.growth)}/yr ≥ ${percent(c.threshold.growthMin)} on a volume of ${c.figures.volume.toFixed(1)} ≤ ${c.threshold.volumeMax} (weak signal)`;
}
