import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requestLocale } from "@/lib/i18n/request";
import { formatDateTime } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

/** Without SMTP, invitations wait here for the admin to send by other means. */
export default async function OutboxPage() {
  await requirePageViewer(can.inviteExperts);
  const emails = await db().outboundEmail.findMany({ orderBy: { createdAt: "desc" }, take: 100 });
  const t = await getTranslations("outbox");
  const locale = await requestLocale();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">
        {env().SMTP_URL ? t("smtp") : t("noSmtp")} {t("links")}
      </p>
      {emails.map((e) => (
        <div className="card" key={e.id}>
          <p><strong>{t("to")}</strong> {e.to} · <strong>{e.subject}</strong> <span className="muted">{formatDateTime(locale, e.createdAt)}{e.sentAt ? ` · ${t("sent")}` : ""}</span>{e.error && <span className="error"> {e.error}</span>}</p>
          <pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>{e.body}</pre>
        </div>
      ))}
      {emails.length === 0 && <p className="muted">{t("empty")}</p>}
    </>
  );
}
