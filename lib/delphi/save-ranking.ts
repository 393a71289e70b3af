// An expert's selection and ranking of the key technologies in a ranking round: one row per expert,
// replaced on revision until the round closes, under the same FOR SHARE lock as answers.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { forbidden, invalid, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { assertExpertMayWrite } from "@/lib/delphi/round-guard";
import { RANKING_QUESTION_KEY, ZRankingConfig } from "@/lib/delphi/question-config";

export const ZSaveRankingInput = z.object({ roundId: z.string().min(1), itemIds: z.array(z.string().min(1)).max(100) }).strict();
export type SaveRankingInput = z.input<typeof ZSaveRankingInput>;

type LockedRound = { status: string; study_id: string; deadline: Date | null; kind: string };

export async function saveRanking(viewer: Viewer, input: SaveRankingInput): Promise<{ ranked: number }> {
  const { roundId, itemIds } = ZSaveRankingInput.parse(input);
  return db().$transaction(async (tx) => {
    const [round] = await tx.$queryRaw<LockedRound[]>`SELECT status, study_id, deadline, kind FROM round WHERE id = ${roundId} FOR SHARE`;
    if (!round) throw notFound("round");
    const invitation = await tx.invitation.findUnique({ where: { roundId_userId: { roundId, userId: viewer.id } } });
    if (!invitation || invitation.status === "REVOKED") throw forbidden("round.notInvited");
    assertExpertMayWrite(round, "rankings");
    if (round.kind !== "RANKING") throw invalid("round.ratingsNotRanking");

    const [items, question] = await Promise.all([
      tx.item.findMany({ where: { roundId }, select: { id: true } }),
      tx.question.findUniqueOrThrow({ where: { roundId_key: { roundId, key: RANKING_QUESTION_KEY } } }),
    ]);
    const { minSelect, maxSelect } = ZRankingConfig.parse(question.config);
    const candidates = new Set(items.map((i) => i.id));
    if (itemIds.some((id) => !candidates.has(id))) throw invalid("ranking.notCandidate");
    if (new Set(itemIds).size !== itemIds.length) throw invalid("ranking.oncePerItem");
    const most = Math.min(maxSelect, candidates.size);
    const least = Math.min(minSelect, most);
    if (itemIds.length < least || itemIds.length > most) {
      throw least === most ? invalid("ranking.exactly", { count: most }) : invalid("ranking.between", { min: least, max: most, count: itemIds.length });
    }
    await tx.ranking.upsert({
      where: { roundId_expertId: { roundId, expertId: viewer.id } },
      create: { roundId, expertId: viewer.id, itemIds },
      update: { itemIds, submittedAt: new Date() },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { submittedAt: new Date() } });
    await recordAudit({ actorId: viewer.id, action: "ranking.submit", entity: "round", entityId: roundId, studyId: round.study_id, data: { count: itemIds.length } }, tx);
    return { ranked: itemIds.length };
  });
}
