// The themes of a theme set with their indicators (Theme.evidence.indicators), and their yearly
// figures (ThemeYearStat), as flat tables.
import { db } from "@/lib/db";
import { indicatorsOf } from "@/lib/indicators/get-theme-evidence";
import { positionOf, STORED_COUNTRIES } from "@/lib/dashboard/leadership";
import type { CellValue } from "./cells";
import { listCell } from "./cells";
import type { ExportTable } from "./write-table";

const THEME_HEADERS = [
  "theme_id", "index", "label", "label_zh", "theme_set_version", "document_count", "volume", "volume_share", "growth_per_year",
  "emerging_score", "novelty", "share_growth", "weak_signal", "life_cycle_stage", "life_cycle_position", "inflection_year", "life_cycle_note",
  "leading_phase", "share_science", "share_technology", "share_market", "share_policy", "leader_country", "leader_share", "leader_rca",
  "home_country", "home_share", "home_rank", "home_position", "international_share", "cross_sector_share",
  "countries_effective", "institutions_effective", "sources_effective", "first_year", "until_year", "top_terms",
];

async function* themeRows(themeSetId: string, version: number, homeCountry: string | null): AsyncGenerator<CellValue[]> {
  const themes = await db().theme.findMany({ where: { themeSetId }, orderBy: { index: "asc" } });
  for (const t of themes) {
    const ind = indicatorsOf(t.evidence);
    const shares = ind?.countries.shares ?? [];
    const homeIndex = homeCountry ? shares.findIndex((s) => s.country === homeCountry) : -1;
    const home = homeIndex >= 0 ? shares[homeIndex] : null;
    const truncated = shares.length >= STORED_COUNTRIES;
    const position = homeCountry && ind ? positionOf(home?.share ?? null, ind.countries.leader?.share ?? null, home ? homeIndex + 1 : null, truncated) : null;
    const terms = Array.isArray(t.topTerms) ? (t.topTerms as { term?: unknown }[]).map((x) => String(x.term ?? "")) : [];
    yield [
      t.id, t.index, t.label, t.labelZh, version, t.documentCount, ind?.volume ?? null, ind?.volumeShare ?? null, ind?.growth ?? null,
      ind?.emerging?.score ?? null, ind?.emerging?.novelty ?? null, ind?.emerging?.shareGrowth ?? null, ind?.emerging?.weakSignal ?? null,
      ind?.lifeCycle.stage ?? null, ind?.lifeCycle.position ?? null, ind?.lifeCycle.inflectionYear ?? null, ind?.lifeCycle.reason ?? null,
      ind?.kindMix?.leading ?? null, ind?.kindMix?.shares.science ?? null, ind?.kindMix?.shares.technology ?? null, ind?.kindMix?.shares.market ?? null, ind?.kindMix?.shares.policy ?? null,
      ind?.countries.leader?.country ?? null, ind?.countries.leader?.share ?? null, ind?.countries.leader?.rca ?? null,
      homeCountry, home?.share ?? (homeCountry && ind && !truncated ? 0 : null), home ? homeIndex + 1 : null, position,
      ind?.collaboration.international.share ?? null, ind?.collaboration.crossSector.share ?? null,
      ind?.diversity.countries?.effective ?? null, ind?.diversity.institutions?.effective ?? null, ind?.diversity.sources?.effective ?? null,
      ind?.firstYear ?? null, ind?.untilYear ?? null, listCell(terms),
    ];
  }
}

export async function themesTable(themeSet: { id: string; version: number }, homeCountry: string | null): Promise<ExportTable> {
  return { name: "themes", columns: THEME_HEADERS.map((header) => ({ header })), rows: themeRows(themeSet.id, themeSet.version, homeCountry) };
}

async function* yearRows(themeSetId: string): AsyncGenerator<CellValue[]> {
  const stats = await db().themeYearStat.findMany({
    where: { theme: { themeSetId } },
    orderBy: [{ theme: { index: "asc" } }, { year: "asc" }],
    select: { year: true, volume: true, documentCount: true, breakdown: true, theme: { select: { id: true, index: true, label: true } } },
  });
  for (const s of stats) {
    const b = (s.breakdown ?? {}) as { international?: number | null; crossSector?: number | null; kinds?: Record<string, number>; countries?: Record<string, number> };
    const topCountries = Object.entries(b.countries ?? {}).sort((x, y) => y[1] - x[1]).slice(0, 5).map(([c, v]) => `${c} ${v.toFixed(2)}`);
    yield [s.theme.id, s.theme.index, s.theme.label, s.year, s.volume, s.documentCount, b.international ?? null, b.crossSector ?? null, listCell(topCountries)];
  }
}

export async function themeYearsTable(themeSetId: string): Promise<ExportTable> {
  const headers = ["theme_id", "index", "label", "year", "volume", "document_count", "international_share", "cross_sector_share", "top_countries"];
  return { name: "theme-years", columns: headers.map((header) => ({ header })), rows: yearRows(themeSetId) };
}
