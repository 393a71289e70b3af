// A ranking round's result: how often each candidate was selected, its mean rank, and Kendall's W
// over the rankings. An expert selects k of the n candidates and ranks them; the n − k left out
// share the remaining places (one tie group), which is how kendallW's tie correction reads them.
import { kendallW, type KendallWResult, type Ranking } from "./stability";

export type RankedItem = {
  itemId: string;
  /** Experts who selected the item. */
  selected: number;
  /** Mean place over all rankings, left-out items counted at their shared (average) place. */
  meanRank: number | null;
  /** How many experts put the item at each place, "1" first. */
  places: Record<string, number>;
};
export type RankingSummary = {
  rankings: number;
  candidates: number;
  /** Null below two rankings: one ranking always agrees with itself. */
  kendallW: KendallWResult | null;
  items: RankedItem[];
};

/**
 * A selection, best first, as a full ranking of the candidates with the rest tied last.
 * @example completeRanking(["b"], ["a", "b", "c"]) // => ["b", ["a", "c"]]
 */
export function completeRanking(selection: readonly string[], candidates: readonly string[]): Ranking {
  const rest = candidates.filter((c) => !selection.includes(c));
  if (rest.length === 0) return [...selection];
  return [...selection, rest.length === 1 ? rest[0] : rest];
}

/**
 * Selection counts, places, mean ranks and Kendall's W (tie-corrected) of the rankings.
 * @example summariseRankings(["a", "b", "c"], [["a", "b"], ["a", "b"]]).kendallW?.w // => 1
 */
export function summariseRankings(candidates: readonly string[], rankings: readonly (readonly string[])[]): RankingSummary {
  const m = rankings.length;
  const n = candidates.length;
  const items = candidates.map((itemId) => {
    const places: Record<string, number> = {};
    let selected = 0;
    let rankSum = 0;
    for (const r of rankings) {
      const at = r.indexOf(itemId);
      if (at >= 0) {
        selected++;
        places[at + 1] = (places[at + 1] ?? 0) + 1;
        rankSum += at + 1;
      } else rankSum += (r.length + 1 + n) / 2;
    }
    return { itemId, selected, meanRank: m === 0 ? null : rankSum / m, places };
  });
  const w = m >= 2 && n >= 2 ? kendallW(rankings.map((r) => completeRanking(r, candidates))) : null;
  return { rankings: m, candidates: n, kendallW: w, items };
}
