// The demo corpus plants two emerging themes (large language models from 2019, LEO satellite internet
// from 2016) among growing, mature and declining ones. Cut at 2020, the back-test must rank the planted
// emerging themes at the top by emerging score, and the score must agree with what happened after.
import { describe, expect, it } from "vitest";
import { demoBacktestCorpus, matchPlantedThemes } from "@/lib/backtest/demo-corpus";
import { runBacktest } from "@/lib/backtest/run-backtest";

describe.each([
  { demoSeed: 2026, seed: 1 },
  { demoSeed: 7, seed: 3 },
])("a back-test on the demo corpus (seed $demoSeed, model seed $seed)", ({ demoSeed, seed }) => {
  const demo = demoBacktestCorpus({ seed: demoSeed, scale: 2 });
  const report = runBacktest(demo.documents, { until: 2020, horizon: 5, k: 10, seed });
  const planted = matchPlantedThemes(report.topics, demo);
  const emerging = planted.filter((p) => p.trendKind === "emerging");

  it("trains only on the past and measures growth over the horizon", () => {
    expect(report.corpus.train + report.corpus.test + report.corpus.ignored).toBe(demo.documents.length);
    expect(report.corpus.testYears).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(report.topics).toHaveLength(10);
  });

  it("finds a topic for each planted emerging theme and ranks them in the top 3 by emerging score", () => {
    expect(emerging.map((p) => p.themeId).sort()).toEqual(["large-language-models", "leo-satellite-internet"]);
    for (const p of emerging) {
      expect(p.topic, p.themeId).not.toBeNull();
      expect(p.scoreRank, p.themeId).toBeLessThanOrEqual(3);
    }
  });

  it("agrees with the realised growth: Spearman's ρ clearly positive and significant at 5 %", () => {
    expect(report.spearman.rho).toBeGreaterThan(0.5);
    expect(report.spearman.p).toBeLessThan(0.05);
    // The planted truth holds in the measured outcome too: the emerging themes grew the most.
    for (const p of emerging) expect(p.realisedRank, p.themeId).toBeLessThanOrEqual(4);
  });

  it("ranks the declining theme below both emerging ones", () => {
    const declining = planted.find((p) => p.trendKind === "declining")!;
    expect(declining.scoreRank).not.toBeNull();
    for (const p of emerging) expect(declining.scoreRank!).toBeGreaterThan(p.scoreRank!);
  });
});
