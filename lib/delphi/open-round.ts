import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound } from "@/lib/errors";

export async function openRound(roundId: string, actorId: string) {
  return db().$transaction(async (tx) => {
    const round = await tx.round.findUnique({ where: { id: roundId }, include: { _count: { select: { items: true } } } });
    if (!round) throw notFound("Round");
    if (round.status !== "DRAFT") throw conflict(`The round is already ${round.status.toLowerCase()}`);
    if (round._count.items === 0) throw conflict("The round has no items");
    const opened = await tx.round.update({ where: { id: roundId }, data: { status: "OPEN", openedAt: new Date() } });
    await recordAudit({ actorId, action: "round.open", entity: "round", entityId: roundId, studyId: round.studyId }, tx);
    return opened;
  });
}
