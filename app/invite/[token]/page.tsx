import { getTranslations } from "next-intl/server";
import { getInvitationByToken } from "@/lib/auth/accept-invitation";
import { AcceptForm } from "@/app/invite/[token]/accept-form";

export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitationByToken(token);
  const t = await getTranslations("invite");
  if (!invitation) {
    return (
      <div className="card" style={{ maxWidth: 520, margin: "3rem auto" }}>
        <h1>{t("goneTitle")}</h1>
        <p>{t.rich("goneText", { login: (chunks) => <a href="/login">{chunks}</a> })}</p>
      </div>
    );
  }
  return (
    <div className="card" style={{ maxWidth: 520, margin: "3rem auto" }}>
      <h1>{t("welcome")}</h1>
      <p>{t.rich("invited", { number: invitation.round.number, name: invitation.round.study.name, email: invitation.user.email, study: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="muted">{t("anonymity")}</p>
      <AcceptForm token={token} name={invitation.user.name} />
    </div>
  );
}
