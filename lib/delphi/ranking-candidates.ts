// The candidates of a ranking round (the Chinese national process: candidate list → Delphi →
// key-technology selection): the latest version of every rated item that reached consensus in, or on
// request every item not rejected. Each becomes an item of the ranking round that points back to the
// rated item, so its last statistics are shown beside it.
import type { Tx } from "@/lib/db";
import { conflict, phrase } from "@/lib/errors";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { RANKING_QUESTION_KEY, type RankingConfig } from "@/lib/delphi/question-config";

type RankingRound = { id: string; studyId: string };
type Options = { round: RankingRound; includeUndecided: boolean; maxSelect: number };

export async function createRankingItems(tx: Tx, { round, includeUndecided, maxSelect }: Options): Promise<number> {
  const outcomes = includeUndecided ? (["ACCEPTED", "DISSENT", "CARRIED_OVER"] as const) : (["ACCEPTED"] as const);
  const candidates = await tx.item.findMany({
    where: {
      round: { studyId: round.studyId, kind: "RATING", status: "CLOSED" },
      outcome: { in: [...outcomes] },
      next: { none: { round: { kind: "RATING" } } },
    },
    orderBy: [{ round: { number: "asc" } }, { position: "asc" }],
  });
  if (candidates.length < 2) {
    const which = phrase(includeUndecided ? "round.candidates.notRejected" : "round.candidates.accepted");
    throw conflict("round.tooFewCandidates", { count: candidates.length, which });
  }
  const config: RankingConfig = { minSelect: 1, maxSelect: Math.min(maxSelect, candidates.length) };
  await tx.question.create({
    data: { roundId: round.id, position: 0, key: RANKING_QUESTION_KEY, kind: "MULTI_CHOICE", label: "Select and rank the key technologies", labelZh: "选择关键技术并排序", required: true, config },
  });
  await tx.item.createMany({
    data: candidates.map((c, position) => ({
      roundId: round.id, themeId: c.themeId, origin: c.origin, position, previousId: c.id,
      title: c.title, titleZh: c.titleZh, description: c.description, descriptionZh: c.descriptionZh, evidence: c.evidence as InputJsonValue,
    })),
  });
  return candidates.length;
}
