// The demo corpus as a back-test corpus, with its planted truth: which themes were made to grow.
import { generateCorpus } from "@/lib/demo/generate-corpus";
import type { BacktestDocument } from "./read-corpus";
import type { BacktestTopic } from "./run-backtest";

export type DemoBacktestCorpus = {
  documents: BacktestDocument[];
  /** Document id → planted theme id. */
  plantedTheme: Map<string, string>;
  /** Planted theme id → its trend kind (emerging, growing, mature, declining). */
  trendKind: Map<string, string>;
};

export function demoBacktestCorpus(options: { seed: number; scale?: number }): DemoBacktestCorpus {
  const { records, truth } = generateCorpus({ seed: options.seed, scale: options.scale });
  return {
    documents: records.map((r) => ({ id: r.id, text: `${r.title}. ${r.abstract}`, year: r.year })),
    plantedTheme: new Map(records.map((r) => [r.id, r.themeId])),
    trendKind: new Map(truth.themes.map((t) => [t.themeId, t.trendKind])),
  };
}

export type PlantedMatch = {
  themeId: string;
  trendKind: string;
  /** The topic whose representative documents are most purely this theme, null when none is. */
  topic: number | null;
  purity: number;
  scoreRank: number | null;
  realisedRank: number | null;
};

/**
 * Matches each planted theme to a topic: a topic belongs to the theme most of its representative
 * documents were generated from (purity ≥ 0.6); among a theme's topics the purest one counts.
 */
export function matchPlantedThemes(topics: readonly BacktestTopic[], demo: DemoBacktestCorpus): PlantedMatch[] {
  const owner = topics.map((t) => {
    const counts = new Map<string, number>();
    for (const id of t.representative) {
      const theme = demo.plantedTheme.get(id);
      if (theme) counts.set(theme, (counts.get(theme) ?? 0) + 1);
    }
    const [theme, n] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ["", 0];
    return { topic: t, theme, purity: t.representative.length ? n / t.representative.length : 0 };
  });
  return [...demo.trendKind].map(([themeId, trendKind]) => {
    const best = owner.filter((o) => o.theme === themeId && o.purity >= 0.6).sort((a, b) => b.purity - a.purity || a.topic.topic - b.topic.topic)[0];
    return {
      themeId,
      trendKind,
      topic: best?.topic.topic ?? null,
      purity: best?.purity ?? 0,
      scoreRank: best?.topic.scoreRank ?? null,
      realisedRank: best?.topic.realisedRank ?? null,
    };
  });
}
