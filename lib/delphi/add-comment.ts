import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, forbidden, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";

export const ZAddCommentInput = z.object({ itemId: z.string().min(1), body: z.string().trim().min(1, "Write a comment").max(5000) }).strict();
export type AddCommentInput = z.input<typeof ZAddCommentInput>;

export async function addComment(viewer: Viewer, input: AddCommentInput) {
  const { itemId, body } = ZAddCommentInput.parse(input);
  const item = await db().item.findUnique({ where: { id: itemId }, select: { roundId: true, round: { select: { status: true, studyId: true } } } });
  if (!item) throw notFound("Item");
  const invited = await db().invitation.findUnique({ where: { roundId_userId: { roundId: item.roundId, userId: viewer.id } } });
  if (!invited || invited.status === "REVOKED") throw forbidden("You are not invited to this round");
  if (item.round.status !== "OPEN") throw conflict("Comments are closed for this round");
  const comment = await db().comment.create({ data: { roundId: item.roundId, itemId, authorId: viewer.id, body } });
  await recordAudit({ actorId: viewer.id, action: "comment.create", entity: "comment", entityId: comment.id, studyId: item.round.studyId });
  return { id: comment.id };
}
