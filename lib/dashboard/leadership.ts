// Who leads each theme, and where the study's home country stands: the stored country shares
// (fractional counting, lib/indicators/countries) read as the 领跑 / 并跑 / 跟跑 positions the Delphi
// survey asks experts about, so planners can set the data beside the experts' view.
//
// Rule (ours, stated on the dashboard): the home country *leads* a theme when it has the largest
// share; runs *alongside* when its share is at least 75 % of the leader's; *follows* otherwise; is
// *absent* when no document of the theme names it.
import { uniqueNames } from "./river";
import type { DashboardTheme } from "./types";

export const ALONGSIDE_RATIO = 0.75;
/** Countries the stored evidence keeps per theme (lib/indicators/theme-set-indicators). */
export const STORED_COUNTRIES = 25;

export type Position = "leading" | "alongside" | "following" | "absent";
export type CountryShareRow = { country: string; share: number; rca: number | null };
export type LeadershipRow = {
  themeId: string;
  name: string;
  leader: CountryShareRow | null;
  /** The home country's share and rank (1 = leader); null share when it is not among the stored countries. */
  home: { share: number | null; rank: number | null; rca: number | null; position: Position } | null;
  /** The countries with the largest shares, best first. */
  top: CountryShareRow[];
  /** Share of the theme's volume with a known country. */
  coverage: number;
};
export type Leadership = { homeCountry: string | null; rows: LeadershipRow[]; /** The countries that lead or are in any theme's top, by summed share. */ countries: string[] };

export function positionOf(share: number | null, leaderShare: number | null, rank: number | null, truncated: boolean): Position {
  if (rank === 1) return "leading";
  if (share === null || share <= 0) return truncated ? "following" : "absent";
  if (leaderShare !== null && share >= ALONGSIDE_RATIO * leaderShare - 1e-12) return "alongside";
  return "following";
}

export function leadership(themes: readonly DashboardTheme[], homeCountry: string | null, options: { top?: number } = {}): Leadership {
  const topN = options.top ?? 5;
  const names = uniqueNames(themes);
  const home = homeCountry?.toUpperCase() ?? null;
  const sums = new Map<string, number>();
  const rows = themes
    .filter((t) => t.indicators)
    .map((t): LeadershipRow => {
      const { shares, leader, coverage } = t.indicators!.countries;
      const top = shares.slice(0, topN).map(({ country, share, rca }) => ({ country, share, rca }));
      for (const s of top) sums.set(s.country, (sums.get(s.country) ?? 0) + s.share);
      let homeCell: LeadershipRow["home"] = null;
      if (home) {
        const index = shares.findIndex((s) => s.country === home);
        const found = index >= 0 ? shares[index] : null;
        const truncated = shares.length >= STORED_COUNTRIES;
        const rank = found ? index + 1 : null;
        homeCell = { share: found?.share ?? (truncated ? null : 0), rank, rca: found?.rca ?? null, position: positionOf(found?.share ?? null, leader?.share ?? null, rank, truncated) };
      }
      return { themeId: t.id, name: names.get(t.id)!, leader: leader ? { country: leader.country, share: leader.share, rca: leader.rca } : null, home: homeCell, top, coverage };
    });
  const countries = [...sums.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
  return { homeCountry: home, rows, countries };
}
