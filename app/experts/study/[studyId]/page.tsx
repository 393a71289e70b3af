import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { notFound } from "next/navigation";
import { requestLocale } from "@/lib/i18n/request";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { suggestExperts } from "@/lib/experts/suggest-experts";
import { getResponseTracking, type ResponseCounts } from "@/lib/experts/response-tracking";
import { ActionForm } from "@/app/components/action-form";
import { inviteToRoundAction } from "@/app/experts/actions";

export const dynamic = "force-dynamic";

const counts = (c: ResponseCounts) => `${c.invited} · ${c.opened} · ${c.reminded} · ${c.submitted}`;

/** Experts for a study: suggestions per theme with the reason, invitations, and response tracking. */
export default async function StudyExpertsPage({ params }: { params: Promise<{ studyId: string }> }) {
  const viewer = await requirePageViewer(can.manageExperts);
  const { studyId } = await params;
  const study = await db().study.findUnique({ where: { id: studyId }, select: { name: true } });
  if (!study) notFound();
  const [suggestions, tracking] = await Promise.all([suggestExperts(viewer, studyId), getResponseTracking(viewer, studyId)]);
  const round = await db().round.findFirst({ where: { studyId, status: { in: ["DRAFT", "OPEN"] } }, orderBy: { number: "desc" }, select: { id: true, number: true, invitations: { select: { user: { select: { email: true } } } } } });
  const invited = new Set(round?.invitations.map((i) => i.user.email) ?? []);
  const emails = new Map((await db().user.findMany({ where: { id: { in: suggestions.overall.map((o) => o.userId) } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const t = await getTranslations("experts");
  const locale = await requestLocale();

  return (
    <>
      <p><Link href={`/studies/${studyId}`}>← {study.name}</Link> · <Link href="/experts">{t("pool")}</Link></p>
      <h1>{t("studyTitle", { study: study.name })}</h1>

      <h2>{suggestions.version ? t("suggestionsFor", { version: suggestions.version }) : t("suggestions")}</h2>
      <p className="muted">
        {t("scoreHelp")} {round ? t("invitesTo", { number: round.number }) : t("createRound")}
      </p>
      {suggestions.themes.map((theme) => (
        <div className="card" key={theme.themeId}>
          <h3 style={{ margin: 0 }}>{theme.label}</h3>
          {theme.suggestions.length === 0 && <p className="muted">{t("noMatch")}</p>}
          <ol>
            {theme.suggestions.map((s) => {
              const email = emails.get(s.userId) ?? "";
              return (
                <li key={s.userId} data-testid="suggestion">
                  <strong>{s.name}</strong> <span className="muted">{[s.organisation, t(`sectorsLower.${s.sector}`), s.country].filter(Boolean).join(", ")}</span> · {t("score", { score: formatNumber(locale, s.score, 2) })}
                  <div className="muted">
                    {t("why", { reasons: s.reasons.slice(0, 6).map((r) => t("reason", { term: r.term.replace(/_/g, " "), via: t(`via.${r.via}`), entry: r.entry })).join("; ") })}
                  </div>
                  {round && (invited.has(email) ? <span className="muted">{t("invitedTo", { number: round.number })}</span> : <ActionForm action={inviteToRoundAction.bind(null, studyId, round.id, email)} submitLabel={t("invite", { number: round.number })} className="inline" successMessage={t("invitedOk")} />)}
                </li>
              );
            })}
          </ol>
        </div>
      ))}

      <h2>{t("responses")}</h2>
      <p className="muted">{t("responsesHelp")}</p>
      <table data-testid="response-tracking">
        <thead><tr><th>{t("round")}</th><th>{t("all")}</th><th>{t("sectors.ACADEMIA")}</th><th>{t("sectors.INDUSTRY")}</th><th>{t("sectors.GOVERNMENT")}</th><th>{t("sectors.OTHER")}</th></tr></thead>
        <tbody>
          {tracking.map((r) => (
            <tr key={r.id}>
              <td>{r.title || t("roundNumber", { number: r.number })} <span className={`badge ${r.status}`}>{t(`statuses.${r.status}`)}</span>{r.deadline && <div className="muted">{t("closes", { date: `${formatDateTime(locale, r.deadline)} UTC` })}</div>}</td>
              <td>{counts(r.total)}</td>
              <td>{counts(r.bySector.ACADEMIA)}</td>
              <td>{counts(r.bySector.INDUSTRY)}</td>
              <td>{counts(r.bySector.GOVERNMENT)}</td>
              <td>{counts(r.bySector.OTHER)}</td>
            </tr>
          ))}
          {tracking.length === 0 && <tr><td colSpan={6} className="muted">{t("noRounds")}</td></tr>}
        </tbody>
      </table>
    </>
  );
}
