import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound } from "@/lib/errors";

export async function openRound(roundId: string, actorId: string, now: Date = new Date()) {
  return db().$transaction(async (tx) => {
    const round = await tx.round.findUnique({ where: { id: roundId }, include: { _count: { select: { items: true, questions: true } } } });
    if (!round) throw notFound("Round");
    if (round.status !== "DRAFT") throw conflict(`The round is already ${round.status.toLowerCase()}`);
    if (round._count.items === 0) throw conflict("The round has no items");
    if (round.kind === "RANKING" && round._count.items < 2) throw conflict("A ranking round needs at least two items");
    if (round._count.questions === 0) throw conflict("The round asks no questions; switch at least one on");
    if (round.deadline && round.deadline.getTime() <= now.getTime()) throw conflict("The deadline has already passed; set a later one before opening");
    const opened = await tx.round.update({ where: { id: roundId }, data: { status: "OPEN", openedAt: now } });
    await recordAudit({ actorId, action: "round.open", entity: "round", entityId: roundId, studyId: round.studyId }, tx);
    return opened;
  });
}
