import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Without SMTP, invitations wait here for the admin to send by other means. */
export default async function OutboxPage() {
  await requirePageViewer(can.inviteExperts);
  const emails = await db().outboundEmail.findMany({ orderBy: { createdAt: "desc" }, take: 100 });
  return (
    <>
      <h1>Outbox</h1>
      <p className="muted">No mail server is configured, so messages are kept here. Invitation links work once and expire after 14 days.</p>
      {emails.map((e) => (
        <div className="card" key={e.id}>
          <p><strong>To:</strong> {e.to} · <strong>{e.subject}</strong> <span className="muted">{e.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span></p>
          <pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>{e.body}</pre>
        </div>
      ))}
      {emails.length === 0 && <p className="muted">Empty.</p>}
    </>
  );
}
