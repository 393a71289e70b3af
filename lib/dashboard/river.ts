// Theme volumes over time for the stream (river) chart: one layer per theme, one value per year.
import type { DashboardTheme, YearStat } from "./types";

export type RiverLayer = { themeId: string; name: string; values: number[]; total: number };
export type River = { years: number[]; layers: RiverLayer[] };

/**
 * A layer name per theme that is unique within the set (a river chart and its legend key layers by
 * name): the label, with the theme's number added where two labels are the same.
 */
export function uniqueNames(themes: readonly Pick<DashboardTheme, "id" | "index" | "label">[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const t of themes) counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
  return new Map(themes.map((t) => [t.id, (counts.get(t.label) ?? 0) > 1 ? `${t.label} (#${t.index + 1})` : t.label]));
}

/**
 * Volume (Σ document–theme weights) per theme per year, every year from the first to `untilYear`
 * filled (a year without documents is 0, so the stream does not jump); later years are left out, as
 * the indicators leave them out. Layers are ordered by total volume, largest first.
 * @example river([theme], [{ themeId: theme.id, year: 2020, volume: 2, documentCount: 2 }, { …, year: 2022, volume: 1 }])
 * // => { years: [2020, 2021, 2022], layers: [{ values: [2, 0, 1], total: 3, … }] }
 */
export function river(themes: readonly DashboardTheme[], stats: readonly YearStat[], options: { untilYear?: number } = {}): River {
  const known = new Set(themes.map((t) => t.id));
  const rows = stats.filter((s) => known.has(s.themeId) && (options.untilYear === undefined || s.year <= options.untilYear));
  if (rows.length === 0) return { years: [], layers: [] };
  const first = Math.min(...rows.map((s) => s.year));
  const last = Math.max(...rows.map((s) => s.year));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const names = uniqueNames(themes);
  const values = new Map(themes.map((t) => [t.id, new Array<number>(years.length).fill(0)]));
  for (const s of rows) values.get(s.themeId)![s.year - first] += s.volume;
  const layers = themes.map((t) => {
    const series = values.get(t.id)!;
    return { themeId: t.id, name: names.get(t.id)!, values: series, total: series.reduce((a, b) => a + b, 0) };
  });
  layers.sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { years, layers };
}
