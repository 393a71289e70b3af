import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound, statusPhrase } from "@/lib/errors";

export async function openRound(roundId: string, actorId: string, now: Date = new Date()) {
  return db().$transaction(async (tx) => {
    const round = await tx.round.findUnique({ where: { id: roundId }, include: { _count: { select: { items: true, questions: true } } } });
    if (!round) throw notFound("round");
    if (round.status !== "DRAFT") throw conflict("round.already", { status: statusPhrase(round.status) });
    if (round._count.items === 0) throw conflict("round.noItems");
    if (round.kind === "RANKING" && round._count.items < 2) throw conflict("round.rankingNeedsTwoItems");
    if (round._count.questions === 0) throw conflict("round.noQuestions");
    if (round.deadline && round.deadline.getTime() <= now.getTime()) throw conflict("round.deadlineAlreadyPassed");
    const opened = await tx.round.update({ where: { id: roundId }, data: { status: "OPEN", openedAt: now } });
    await recordAudit({ actorId, action: "round.open", entity: "round", entityId: roundId, studyId: round.studyId }, tx);
    return opened;
  });
}
