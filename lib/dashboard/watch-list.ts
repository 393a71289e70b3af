// The watch-list: themes that cross the study's alert thresholds now (lib/alerts), each with the
// figures that put it there, and which of them look possibly disruptive.
//
// "Possibly disruptive" (ours, stated on the dashboard): an emerging or weak-signal theme that has
// already moved past science — its leading phase on the science → technology → market path
// (lib/indicators/kind-mix, relative to the corpus) is technology or market. New, fast and already
// in patents or the news is what the disruptive-technology literature looks for first. "Leading" must
// be clear: that phase's share at least DISRUPTIVE_RELATIVE_MIN times the corpus's.
import { crossedThresholds, type Crossing } from "@/lib/alerts/crossed-thresholds";
import type { AlertThresholds } from "@/lib/alerts/thresholds";
import { uniqueNames } from "./river";
import type { DashboardTheme } from "./types";

export type WatchFlag = "emerging" | "weak_signal" | "disruptive";
export type WatchReason = Crossing | { rule: "disruptive"; figures: { relative: number | null }; phase: string };

export type WatchEntry = {
  themeId: string;
  name: string;
  flags: WatchFlag[];
  reasons: WatchReason[];
  emergingScore: number | null;
  growth: number | null;
  volume: number;
  stage: string | null;
};

const APPLIED = new Set(["technology", "market"]);
export const DISRUPTIVE_RELATIVE_MIN = 1.5;

export function watchList(themes: readonly DashboardTheme[], thresholds: AlertThresholds): WatchEntry[] {
  const names = uniqueNames(themes);
  const entries: WatchEntry[] = [];
  for (const t of themes) {
    const ind = t.indicators;
    if (!ind) continue;
    const crossings = crossedThresholds({ volume: ind.volume, growth: ind.growth, emerging: ind.emerging }, thresholds);
    if (crossings.length === 0) continue;
    const flags: WatchFlag[] = crossings.map((c) => (c.rule === "emerging_score" ? "emerging" : "weak_signal"));
    const reasons: WatchReason[] = [...crossings];
    const leading = ind.kindMix?.leading;
    const relative = leading ? (ind.kindMix!.relative[leading] ?? null) : null;
    if (leading && APPLIED.has(leading) && relative !== null && relative >= DISRUPTIVE_RELATIVE_MIN) {
      flags.push("disruptive");
      reasons.push({ rule: "disruptive", phase: leading, figures: { relative } });
    }
    entries.push({ themeId: t.id, name: names.get(t.id)!, flags, reasons, emergingScore: ind.emerging?.score ?? null, growth: ind.growth, volume: ind.volume, stage: ind.lifeCycle.stage });
  }
  return entries.sort((a, b) => (b.emergingScore ?? -Infinity) - (a.emergingScore ?? -Infinity) || (a.name < b.name ? -1 : 1));
}
