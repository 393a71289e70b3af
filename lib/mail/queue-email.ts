// Every e-mail is first a row in outbound_email, written in the same transaction as the change that
// causes it; delivery (deliverEmails) happens after the commit, so a rolled-back change sends nothing.
import { db, type Tx } from "@/lib/db";

export type EmailKind = "invitation" | "reminder";
export type Email = { to: string; subject: string; body: string; kind: EmailKind; studyId?: string | null };

export async function queueEmail(email: Email, tx?: Tx): Promise<string> {
  const row = await (tx ?? db()).outboundEmail.create({
    data: { to: email.to, subject: email.subject, body: email.body, kind: email.kind, studyId: email.studyId ?? null },
    select: { id: true },
  });
  return row.id;
}
