// Sends queued e-mails by SMTP when it is configured. Without SMTP they stay unsent in the outbox,
// where the admin reads the links; a failed send keeps its error there too.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mailTransport } from "@/lib/mail/transport";

export type DeliveryReport = { sent: number; failed: number; kept: number };

export async function deliverEmails(ids: readonly string[]): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, kept: 0 };
  if (ids.length === 0) return report;
  const transport = mailTransport();
  if (!transport) return { ...report, kept: ids.length };
  const emails = await db().outboundEmail.findMany({ where: { id: { in: [...ids] }, sentAt: null }, orderBy: { createdAt: "asc" } });
  for (const email of emails) {
    try {
      await transport.sendMail({ from: env().MAIL_FROM, to: email.to, subject: email.subject, text: email.body });
      await db().outboundEmail.update({ where: { id: email.id }, data: { sentAt: new Date(), error: null } });
      report.sent++;
    } catch (error) {
      await db().outboundEmail.update({ where: { id: email.id }, data: { error: `Not sent: ${(error as Error).message}`.slice(0, 500) } });
      report.failed++;
    }
  }
  return report;
}
