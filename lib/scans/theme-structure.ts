// The structure stored with a machine theme set: areas (lib/topics/areas.ts) and links
// (lib/topics/links.ts), by theme position in `themes`; and, from the tensor maths (lib/tensor), each
// theme's place on the map (classical MDS of the √JS distances between topics, a metric) and its
// volume forecast for the next three years.
import type { LdaModel } from "@/lib/topics/lda";
import { topicAreas, type TopicArea } from "@/lib/topics/areas";
import { topicLinks, type TopicLink } from "@/lib/topics/links";
import type { ThemeDescription } from "@/lib/scans/describe-themes";
import { jensenShannonMatrix } from "@/lib/tensor/topic-metrics";
import { classicalMds } from "@/lib/tensor/embedding";
import { forecastTrends, type ForecastPoint } from "@/lib/tensor/forecast";

export type ThemeStructure = {
  areaOf: number[];
  areas: TopicArea[];
  links: TopicLink[];
  /** [x, y] per theme. */
  positions: number[][];
  /** Per theme; null when the study spans fewer than 3 years. */
  forecasts: ({ growth: number; points: ForecastPoint[] } | null)[];
};

const FORECAST_YEARS = 3;

export async function themeStructure(model: LdaModel, themes: readonly ThemeDescription[]): Promise<ThemeStructure> {
  const phis = themes.map((t) => model.phi(t.index));
  const { areaOf, areas } = topicAreas(phis, themes.map((t) => t.topTerms.map((w) => w.term)));
  const divergence = await jensenShannonMatrix(phis);
  const positions = await classicalMds(divergence.map((row) => row.map(Math.sqrt)));
  return { areaOf, areas, links: topicLinks(themes.map((t) => t.documents)), positions, forecasts: await forecasts(themes) };
}

/** Yearly volumes on one calendar (missing years are 0), fitted together; see lib/tensor/forecast.ts. */
async function forecasts(themes: readonly ThemeDescription[]): Promise<ThemeStructure["forecasts"]> {
  const known = themes.flatMap((t) => t.volume.map((v) => v.year));
  if (known.length === 0) return themes.map(() => null);
  const first = Math.min(...known);
  const last = Math.max(...known);
  if (last - first + 1 < 3) return themes.map(() => null);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const series = themes.map((t) => {
    const byYear = new Map(t.volume.map((v) => [v.year, v.value]));
    return years.map((y) => byYear.get(y) ?? 0);
  });
  const horizon = Array.from({ length: FORECAST_YEARS }, (_, i) => last + 1 + i);
  const fits = await forecastTrends({ years, series, horizon });
  return fits.map((f) => ({ growth: f.growth, points: f.forecast }));
}
