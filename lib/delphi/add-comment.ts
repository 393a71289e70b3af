// An expert's comment on an item's board, shown to the other experts under a per-round pseudonym.
// Taken while the round is open and before its deadline, under the round's share lock so a close in
// flight either sees the comment or refuses it.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { forbidden, formMessage, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { assertExpertMayWrite } from "@/lib/delphi/round-guard";

export const ZAddCommentInput = z.object({ itemId: z.string().min(1), body: z.string().trim().min(1, formMessage("comment")).max(5000) }).strict();
export type AddCommentInput = z.input<typeof ZAddCommentInput>;

export async function addComment(viewer: Viewer, input: AddCommentInput) {
  const { itemId, body } = ZAddCommentInput.parse(input);
  const item = await db().item.findUnique({ where: { id: itemId }, select: { roundId: true } });
  if (!item) throw notFound("item");
  return db().$transaction(async (tx) => {
    const [round] = await tx.$queryRaw<{ status: string; deadline: Date | null; study_id: string }[]>`
      SELECT status, deadline, study_id FROM round WHERE id = ${item.roundId} FOR SHARE`;
    const invited = await tx.invitation.findUnique({ where: { roundId_userId: { roundId: item.roundId, userId: viewer.id } } });
    if (!invited || invited.status === "REVOKED") throw forbidden("round.notInvited");
    assertExpertMayWrite(round, "comments");
    const comment = await tx.comment.create({ data: { roundId: item.roundId, itemId, authorId: viewer.id, body } });
    await recordAudit({ actorId: viewer.id, action: "comment.create", entity: "comment", entityId: comment.id, studyId: round.study_id }, tx);
    return { id: comment.id };
  });
}
