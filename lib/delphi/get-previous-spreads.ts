// The previous round's published quartiles for every carried item of a round, read by key so that
// questions match across rounds (each round has its own question rows).
import type { Db, Tx } from "@/lib/db";
import type { PreviousSpread } from "@/lib/delphi/rationale";

export async function getPreviousSpreads(client: Db | Tx, roundId: string): Promise<PreviousSpread[]> {
  const items = await client.item.findMany({ where: { roundId, previousId: { not: null } }, select: { id: true, previousId: true } });
  if (items.length === 0) return [];
  const rows = await client.itemStatistic.findMany({
    where: {
      itemId: { in: items.map((i) => i.previousId as string) },
      subgroup: "all",
      suppressed: false,
      q1: { not: null },
      q3: { not: null },
      question: { kind: { in: ["SCALE", "YEAR"] } },
    },
    select: { itemId: true, q1: true, q3: true, question: { select: { key: true } } },
  });
  // A split theme carries one previous item into several: each gets the same range.
  return items.flatMap((item) =>
    rows.filter((r) => r.itemId === item.previousId).map((r) => ({ itemId: item.id, questionKey: r.question.key, q1: r.q1 as number, q3: r.q3 as number })),
  );
}
