// Round settings an admin may change: the title and minimum n while the round is a draft, the
// deadline until the round closes (extending it reopens answering; clearing it removes the limit).
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { invalid, notFound } from "@/lib/errors";
import { assertDraft, assertNotClosed } from "@/lib/delphi/round-guard";

export const ZUpdateRoundInput = z
  .object({
    roundId: z.string().min(1),
    title: z.string().trim().min(1).max(200).optional(),
    minN: z.coerce.number().int().min(1).max(100).optional(),
    /** Null clears the deadline. */
    deadline: z.coerce.date().nullable().optional(),
  })
  .strict();
export type UpdateRoundInput = z.input<typeof ZUpdateRoundInput>;

export async function updateRound(input: UpdateRoundInput, actorId: string, now: Date = new Date()) {
  const { roundId, title, minN, deadline } = ZUpdateRoundInput.parse(input);
  return db().$transaction(async (tx) => {
    const [round] = await tx.$queryRaw<{ status: string; deadline: Date | null; study_id: string }[]>`
      SELECT status, deadline, study_id FROM round WHERE id = ${roundId} FOR UPDATE`;
    if (!round) throw notFound("round");
    assertNotClosed(round, "settings");
    if (title !== undefined || minN !== undefined) assertDraft(round, "titleAndMinN");
    if (deadline && deadline.getTime() <= now.getTime()) throw invalid("round.deadlineInPast");
    const updated = await tx.round.update({ where: { id: roundId }, data: { title, minN, deadline } });
    await recordAudit({ actorId, action: "round.update", entity: "round", entityId: roundId, studyId: round.study_id, data: { title, minN, deadline: deadline?.toISOString() ?? deadline } }, tx);
    return updated;
  });
}
