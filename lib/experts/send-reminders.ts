// Reminders to invited experts who have not submitted when an open round's deadline is near. Each
// invitation is reminded at most once: remindedAt is claimed in the same statement that checks it.
// An expert who never opened the invitation gets a fresh sign-in link (the first one stops working).
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit";
import { newToken } from "@/lib/auth/tokens";
import { expiry } from "@/lib/delphi/invite-expert";
import { appUrl } from "@/lib/mail/app-url";
import { queueEmail } from "@/lib/mail/queue-email";
import { deliverEmails } from "@/lib/mail/deliver-emails";

export type ReminderOptions = { now?: Date; leadHours?: number; baseUrl?: string };

export async function sendDueReminders(options: ReminderOptions = {}) {
  const now = options.now ?? new Date();
  const leadHours = options.leadHours ?? env().REMINDER_LEAD_HOURS;
  const due = await db().invitation.findMany({
    where: {
      status: { not: "REVOKED" },
      submittedAt: null,
      remindedAt: null,
      user: { disabledAt: null },
      round: { status: "OPEN", deadline: { gt: now, lte: new Date(now.getTime() + leadHours * 3600_000) } },
    },
    include: { user: { select: { email: true } }, round: { select: { id: true, number: true, deadline: true, study: { select: { id: true, name: true } } } } },
  });
  const emailIds: string[] = [];
  for (const invitation of due) {
    const id = await db().$transaction(async (tx) => {
      const fresh = invitation.status === "PENDING" ? newToken() : null;
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, remindedAt: null, submittedAt: null, status: invitation.status },
        data: { remindedAt: now, ...(fresh ? { tokenHash: fresh.tokenHash, tokenExpiresAt: expiry() } : {}) },
      });
      if (claimed.count !== 1) return null;
      const { round } = invitation;
      const link = fresh ? appUrl(`/invite/${fresh.token}`, options.baseUrl) : appUrl(`/rounds/${round.id}/answer`, options.baseUrl);
      const deadline = round.deadline!.toISOString().slice(0, 16).replace("T", " ");
      const emailId = await queueEmail(
        {
          to: invitation.user.email,
          kind: "reminder",
          studyId: round.study.id,
          subject: `Reminder: ${round.study.name}, round ${round.number} closes ${deadline} UTC`,
          body:
            `Round ${round.number} of the foresight study "${round.study.name}" closes at ${deadline} UTC and we have not yet received your answers.\n\n` +
            (fresh ? `Open this link to set your password and answer (usable once; it replaces the link in your invitation):\n${link}\n` : `Answer here:\n${link}\n`),
        },
        tx,
      );
      await recordAudit({ actorId: null, action: "invitation.remind", entity: "invitation", entityId: invitation.id, studyId: round.study.id }, tx);
      return emailId;
    });
    if (id) emailIds.push(id);
  }
  const delivery = await deliverEmails(emailIds);
  return { reminded: emailIds.length, ...delivery };
}
