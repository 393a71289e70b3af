// Invite an expert to a round: the account is made if needed, and a single-use sign-in link is
// issued and e-mailed by SMTP when configured. Without SMTP the link is kept in the admin outbox (and
// shown once to the admin).
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, formMessage, notFound } from "@/lib/errors";
import { newToken } from "@/lib/auth/tokens";
import { queueEmail } from "@/lib/mail/queue-email";
import { deliverEmails } from "@/lib/mail/deliver-emails";
import { anonymitySettingsOf, attributionCovers } from "@/lib/delphi/anonymity-settings";

export const INVITATION_DAYS = 14;

export const ZInviteExpertInput = z
  .object({
    roundId: z.string().min(1),
    email: z.string().trim().toLowerCase().email(formMessage("email")).max(320),
    name: z.string().trim().max(200).optional(),
  })
  .strict();
export type InviteExpertInput = z.input<typeof ZInviteExpertInput>;

export async function inviteExpert(input: InviteExpertInput, options: { actorId: string; baseUrl: string }) {
  const { roundId, email, name } = ZInviteExpertInput.parse(input);
  const round = await db().round.findUnique({ where: { id: roundId }, include: { study: { select: { id: true, name: true, settings: true } } } });
  if (!round) throw notFound("round");
  if (round.status === "CLOSED") throw conflict("round.closedInvite");
  // Experts are told before they answer when this round's answers will carry their name for the admins.
  const attributed = attributionCovers(anonymitySettingsOf(round.study.settings), round);
  const { token, tokenHash } = newToken();
  const link = `${options.baseUrl.replace(/\/$/, "")}/invite/${token}`;

  const invitation = await db().$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email } });
    if (user && user.role !== "EXPERT") throw conflict("round.notExpertAccount");
    if (!user) {
      user = await tx.user.create({ data: { email, name: name || email.split("@")[0], role: "EXPERT", profile: { create: {} } } });
      await recordAudit({ actorId: options.actorId, action: "user.create", entity: "user", entityId: user.id, data: { role: "EXPERT", via: "invitation" } }, tx);
    }
    const invitation = await tx.invitation.upsert({
      where: { roundId_userId: { roundId, userId: user.id } },
      create: { roundId, userId: user.id, tokenHash, tokenExpiresAt: expiry(), sentAt: new Date() },
      update: { tokenHash, tokenExpiresAt: expiry(), sentAt: new Date(), status: "PENDING" },
    });
    const emailId = await queueEmail(
      {
        to: email,
        kind: "invitation",
        studyId: round.study.id,
        subject: `Invitation: ${round.study.name}, round ${round.number}`,
        body:
          `You are invited to give your expert judgement in round ${round.number} of the foresight study "${round.study.name}".\n\n` +
          (attributed ? `${ATTRIBUTION_NOTICE}\n\n` : "") +
          `Open this link to set your password and answer (valid for ${INVITATION_DAYS} days, usable once):\n${link}\n`,
      },
      tx,
    );
    await recordAudit({ actorId: options.actorId, action: "invitation.create", entity: "invitation", entityId: invitation.id, studyId: round.study.id }, tx);
    return { ...invitation, emailId };
  });
  const delivery = await deliverEmails([invitation.emailId]);
  return { invitationId: invitation.id, link, emailed: delivery.sent === 1 };
}

/** The invitation's sentence on attribution (lib/delphi/anonymity-settings.ts); the answer page says the same. */
export const ATTRIBUTION_NOTICE =
  "In this study the administrators can see who gave which answer and comment; other experts still cannot see who you are.";

export function expiry(): Date {
  return new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
}
