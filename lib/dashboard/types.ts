// What the dashboard builders read: plain rows, as the loader (get-dashboard.ts) takes them from the
// database. The builders are pure, so each is tested on a few hand-made rows.
import type { ThemeIndicators } from "@/lib/indicators/theme-indicators";

export type DashboardTheme = {
  id: string;
  index: number;
  label: string;
  labelZh: string | null;
  areaId: string | null;
  /** φ of the theme's top terms, best first. */
  topTerms: readonly { term: string; weight: number }[];
  documentCount: number;
  /** The indicators stored with the theme (Theme.evidence.indicators); null for older themes. */
  indicators: ThemeIndicators | null;
};

/** One ThemeYearStat row. */
export type YearStat = { themeId: string; year: number; volume: number; documentCount: number };

/** One ThemeArea row. */
export type AreaRow = { id: string; parentId: string | null; label: string; labelZh: string | null };

/** One ThemeLink row. */
export type LinkRow = { fromId: string; toId: string; weight: number };

/** Σ_d w_ad·w_bd over the documents two themes share (document_theme), one row per unordered pair. */
export type WeightProduct = { a: string; b: string; dot: number };
