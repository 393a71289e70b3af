// The data behind the Delphi charts, all from the technologies' stored figures: box plots of the
// headline question, the realisation timeline (median and quartile years, technology and wide
// application), the technology radar (area × median realisation year, sized by importance), outcomes
// per round, and stability against the previous round. Withheld figures never reach a chart.
import { shown } from "./figures";
import type { InputRound } from "./report-input";
import type { BoxRow, ConsensusRound, DelphiCharts, RadarPoint, StabilityRow, Technology, TimelineRow } from "./report-types";
import type { Headline } from "./technologies";

const quartileYears = (f: Technology["realisation"]): [number, number, number] | null => {
  const y = shown(f);
  return y && y.q1 !== null && y.median !== null && y.q3 !== null ? [y.q1, y.median, y.q3] : null;
};

export function boxRows(technologies: readonly Technology[]): BoxRow[] {
  return technologies.map((t) => {
    const h = shown(t.headline);
    const withheld = Boolean(t.headline?.withheld);
    return { key: t.key, title: t.title, titleZh: t.titleZh, outcome: t.outcome, roundNumber: t.roundNumber, n: t.headline ? t.headline.n : null, box: h?.box ?? null, withheld };
  });
}

export function timelineRows(technologies: readonly Technology[]): TimelineRow[] {
  return technologies
    .map((t) => ({ key: t.key, title: t.title, titleZh: t.titleZh, realisation: quartileYears(t.realisation), application: quartileYears(t.application) }))
    .filter((r) => r.realisation || r.application)
    .sort((a, b) => (a.realisation?.[1] ?? a.application?.[1] ?? 0) - (b.realisation?.[1] ?? b.application?.[1] ?? 0) || a.title.localeCompare(b.title));
}

export function radarPoints(technologies: readonly Technology[]): RadarPoint[] {
  return technologies.flatMap((t) => {
    const year = shown(t.realisation)?.median ?? null;
    const index = shown(t.headline)?.importanceIndex ?? null;
    return year === null || index === null ? [] : [{ key: t.key, title: t.title, titleZh: t.titleZh, areaId: t.areaId, year, importanceIndex: index, outcome: t.outcome }];
  });
}

/** Items per outcome in each closed rating round. */
export function consensusRounds(rounds: readonly InputRound[]): ConsensusRound[] {
  return rounds
    .filter((r) => r.kind === "RATING" && r.status === "CLOSED")
    .map((r) => {
      const counts: ConsensusRound["counts"] = {};
      for (const item of r.items) counts[item.outcome] = (counts[item.outcome] ?? 0) + 1;
      return { number: r.number, title: r.title, counts };
    });
}

/** Each carried technology's percentage change at every round it was compared with the one before. */
export function stabilityRows(technologies: readonly Technology[]): StabilityRow[] {
  return technologies.flatMap((t) =>
    t.history.flatMap((h) => {
      const f = shown(h.headline);
      return f && f.percentChange !== null ? [{ key: t.key, title: t.title, titleZh: t.titleZh, roundNumber: h.roundNumber, percentChange: f.percentChange, wilcoxonP: f.wilcoxonP }] : [];
    }),
  );
}

export function buildCharts(technologies: readonly Technology[], rounds: readonly InputRound[], headline: Headline | null): DelphiCharts {
  return {
    scale: headline ? [headline.min, headline.max] : [1, 5],
    boxes: boxRows(technologies),
    timeline: timelineRows(technologies),
    radar: radarPoints(technologies),
    consensus: consensusRounds(rounds),
    stability: stabilityRows(technologies),
  };
}
