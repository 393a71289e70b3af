// Why a theme is on the watch-list or raised an alert, as a sentence in the reader's language.
import type { WatchReason } from "@/lib/dashboard/watch-list";
import { formatNumber, formatPercent, formatSignedPercent } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function describeReason(reason: WatchReason, t: Translate, locale: Locale): string {
  if ("phase" in reason) return t("reason.disruptive", { phase: t(`phase.${reason.phase}`), relative: formatNumber(locale, reason.figures.relative, 1) });
  if (reason.rule === "emerging_score") {
    return t("reason.emerging", { score: formatNumber(locale, reason.figures.emergingScore, 2), min: formatNumber(locale, reason.threshold.emergingScoreMin, 2) });
  }
  return t("reason.weakSignal", {
    growth: formatSignedPercent(locale, reason.figures.growth),
    growthMin: formatPercent(locale, reason.threshold.growthMin),
    volume: formatNumber(locale, reason.figures.volume, 1),
    volumeMax: formatNumber(locale, reason.threshold.volumeMax, 1),
  });
}
