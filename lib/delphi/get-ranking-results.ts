// A closed ranking round's result as stored at close: per candidate the selections, places and mean
// rank, and Kendall's W over the rankings — withheld when fewer experts ranked than the minimum n.
import { db } from "@/lib/db";
import type { Audience, StoredConsensus } from "@/lib/delphi/feedback";

export type RankingResultItem = { itemId: string; title: string; titleZh: string | null; selected: number; meanRank: number | null; places: Record<string, number> };
export type RankingResults =
  | { suppressed: true; rankings?: number }
  | { suppressed: false; rankings: number; kendallW: StoredConsensus["kendallW"]; items: RankingResultItem[] };

export async function getRankingResults(roundId: string, audience: Audience): Promise<RankingResults | null> {
  const rows = await db().itemStatistic.findMany({
    where: { roundId, subgroup: "all", question: { key: "ranking" } },
    select: { n: true, mean: true, distribution: true, consensus: true, suppressed: true, item: { select: { id: true, title: true, titleZh: true, position: true } } },
  });
  if (rows.length === 0) return null;
  const consensus = rows[0].consensus as StoredConsensus;
  const rankings = consensus.rankings ?? 0;
  if (rows[0].suppressed) return audience === "staff" ? { suppressed: true, rankings } : { suppressed: true };
  const items = rows
    .map((r) => ({ itemId: r.item.id, title: r.item.title, titleZh: r.item.titleZh, selected: r.n, meanRank: r.mean, places: r.distribution as Record<string, number>, position: r.item.position }))
    .sort((a, b) => b.selected - a.selected || (a.meanRank ?? Infinity) - (b.meanRank ?? Infinity) || a.position - b.position)
    .map(({ position: _position, ...item }) => item);
  return { suppressed: false, rankings, kendallW: consensus.kendallW ?? null, items };
}
