// An invitation link signs the expert in and sets their password; the token works once.
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit";
import { invalid } from "@/lib/errors";

export type AcceptInvitationInput = { token: string; password: string; name?: string };

/** Returns the signed-in user, or null when the token is unknown, used, revoked or expired. */
export async function acceptInvitation(input: AcceptInvitationInput) {
  const problem = passwordProblem(input.password);
  if (problem) throw invalid(problem);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(input.token) },
      include: { round: { select: { studyId: true } }, user: { select: { disabledAt: true } } },
    });
    if (!invitation || invitation.status !== "PENDING" || invitation.user.disabledAt) return null;
    if (invitation.tokenExpiresAt && invitation.tokenExpiresAt < new Date()) return null;
    // Consuming the token in the same statement that checks it makes a second use fail.
    const consumed = await tx.invitation.updateMany({
      where: { id: invitation.id, tokenHash: invitation.tokenHash, status: "PENDING" },
      data: { tokenHash: null, status: "ACCEPTED", acceptedAt: new Date() },
    });
    if (consumed.count !== 1) return null;
    const user = await tx.user.update({
      where: { id: invitation.userId },
      data: { passwordHash, lastLoginAt: new Date(), ...(input.name?.trim() ? { name: input.name.trim() } : {}) },
    });
    await recordAudit(
      { actorId: user.id, action: "invitation.accept", entity: "invitation", entityId: invitation.id, studyId: invitation.round.studyId },
      tx,
    );
    return user;
  });
}

/** What the invitation page shows before the expert sets a password. */
export async function getInvitationByToken(token: string) {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      status: true,
      tokenExpiresAt: true,
      user: { select: { email: true, name: true } },
      round: { select: { number: true, study: { select: { name: true } } } },
    },
  });
  if (!invitation || invitation.status !== "PENDING") return null;
  if (invitation.tokenExpiresAt && invitation.tokenExpiresAt < new Date()) return null;
  return invitation;
}
