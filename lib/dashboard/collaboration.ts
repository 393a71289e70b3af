// Open-innovation indicators per theme: international co-authorship / co-patenting, cross-sector
// (academia–industry–government) collaboration, and how many countries and institutions take part
// (effective numbers, exp H). The study line is each share over all themes, weighted by the volume
// that could be judged, so a large theme counts for more than a small one.
import { uniqueNames } from "./river";
import type { DashboardTheme } from "./types";

export type CollaborationRow = {
  themeId: string;
  name: string;
  international: number | null;
  crossSector: number | null;
  countries: number | null;
  institutions: number | null;
  sources: number | null;
};
export type Collaboration = { rows: CollaborationRow[]; study: { international: number | null; crossSector: number | null } };

export function collaboration(themes: readonly DashboardTheme[]): Collaboration {
  const names = uniqueNames(themes);
  const sums = { international: [0, 0], crossSector: [0, 0] };
  const rows = themes
    .filter((t) => t.indicators)
    .map((t): CollaborationRow => {
      const { collaboration: c, diversity } = t.indicators!;
      for (const key of ["international", "crossSector"] as const) {
        if (c[key].share !== null) {
          sums[key][0] += c[key].share! * c[key].eligible;
          sums[key][1] += c[key].eligible;
        }
      }
      return {
        themeId: t.id,
        name: names.get(t.id)!,
        international: c.international.share,
        crossSector: c.crossSector.share,
        countries: diversity.countries?.effective ?? null,
        institutions: diversity.institutions?.effective ?? null,
        sources: diversity.sources?.effective ?? null,
      };
    });
  const mean = ([sum, weight]: number[]) => (weight > 0 ? sum / weight : null);
  return { rows, study: { international: mean(sums.international), crossSector: mean(sums.crossSector) } };
}
