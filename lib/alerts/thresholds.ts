// A study's alert thresholds, kept in study.settings.alerts; defaults apply until an admin sets them.
import { z } from "zod";

export const ZAlertThresholds = z
  .object({
    /** Alert when a theme's emerging score reaches this; null turns the rule off. */
    emergingScoreMin: z.number().positive().max(1000).nullable(),
    /** Weak signal: growth (per year) at least growthMin while the volume is at most volumeMax; null turns it off. */
    weakSignal: z
      .object({ growthMin: z.number().min(-1).max(100), volumeMax: z.number().positive().max(1e9) })
      .strict()
      .nullable(),
  })
  .strict();
export type AlertThresholds = z.infer<typeof ZAlertThresholds>;

/**
 * Score 1.5: half as new and fast-growing again as the corpus as a whole (1 is "like the corpus"); on
 * the demo corpus the planted emerging themes score about 1.6–1.9 and steady ones 0.2–1.1.
 * Weak signal: growing by half again each year on at most 30 document-equivalents.
 */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  emergingScoreMin: 1.5,
  weakSignal: { growthMin: 0.5, volumeMax: 30 },
};

/** The thresholds in a study's settings; missing or unreadable settings give the defaults. */
export function alertThresholdsOf(settings: unknown): AlertThresholds {
  const stored = (settings as { alerts?: unknown } | null)?.alerts;
  const parsed = ZAlertThresholds.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_ALERT_THRESHOLDS;
}
