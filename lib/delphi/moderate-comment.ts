// The admin moderates an item's comment board: a hidden comment disappears for the experts (and from
// the next round's feedback) but is kept; both directions are audited.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { assertNotClosed } from "@/lib/delphi/round-guard";

export const ZModerateCommentInput = z.object({ commentId: z.string().min(1), status: z.enum(["VISIBLE", "HIDDEN"]) }).strict();
export type ModerateCommentInput = z.input<typeof ZModerateCommentInput>;

export async function moderateComment(input: ModerateCommentInput, actorId: string) {
  const { commentId, status } = ZModerateCommentInput.parse(input);
  return db().$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { roundId: true, status: true } });
    if (!comment) throw notFound("comment");
    const [round] = await tx.$queryRaw<{ status: string; deadline: Date | null; study_id: string }[]>`
      SELECT status, deadline, study_id FROM round WHERE id = ${comment.roundId} FOR SHARE`;
    assertNotClosed(round, "comments");
    await tx.comment.update({ where: { id: commentId }, data: { status, moderatedById: actorId } });
    await recordAudit({ actorId, action: status === "HIDDEN" ? "comment.hide" : "comment.show", entity: "comment", entityId: commentId, studyId: round.study_id, data: { from: comment.status, to: status } }, tx);
    return { status };
  });
}
