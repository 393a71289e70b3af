import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { requestLocale } from "@/lib/i18n/request";
import { formatDateTime } from "@/lib/i18n/format";
import { getReportTemplates } from "@/lib/reports/get-report-templates";
import { reportTranslator } from "@/lib/reports/report-translator";
import { ActionForm } from "@/app/components/action-form";
import { notFoundOnAppError } from "@/app/studies/[studyId]/dashboard/not-found-on";
import { TemplateFields } from "./template-form";
import { deleteTemplateAction, generateNowAction, saveTemplateAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await reportTranslator(await requestLocale(), "reports");
  return { title: `${t("title")} · Foresight` };
}

/** Template reports of a study: admins define templates (kind, parameters, cron); everyone who reads reports reads the issues. */
export default async function TemplateReportsPage({ params }: { params: Promise<{ studyId: string }> }) {
  const viewer = await requirePageViewer(can.viewReports);
  const { studyId } = await params;
  const { study, templates, issues, subscribers, rounds } = await getReportTemplates(studyId).catch(notFoundOnAppError);
  const admin = can.manageStudies(viewer);
  const locale = await requestLocale();
  const t = await reportTranslator(locale, "reports");
  const templateName = new Map(templates.map((x) => [x.id, x.name]));
  const closedRounds = rounds.filter((r) => r.status === "CLOSED");

  return (
    <>
      <p><Link href={`/studies/${study.id}`}>← {study.name}</Link> · <Link href={`/studies/${study.id}/report`}>{t("openReport")}</Link></p>
      <h1>{t("heading", { study: study.name })}</h1>
      <p className="muted">{t("intro")}</p>
      <p data-testid="subscribers" data-count={subscribers}>{subscribers > 0 ? t("subscribers", { count: subscribers }) : t("noSubscribers")}</p>

      <h2>{t("templates")}</h2>
      <table data-testid="report-templates">
        <thead><tr><th>{t("name")}</th><th>{t("kind")}</th><th>{t("schedule")}</th><th>{t("issues")}</th><th></th></tr></thead>
        <tbody>
          {templates.map((x) => (
            <tr key={x.id} data-testid="report-template" data-template={x.id}>
              <td>{x.name}</td>
              <td>{t(`kinds.${x.kind}`)}</td>
              <td><code>{x.schedule ?? t("byHand")}</code></td>
              <td>{x._count.reports}</td>
              <td>
                {admin && (
                  <div style={{ display: "flex", gap: ".4rem", flexWrap: "wrap" }}>
                    <ActionForm action={generateNowAction.bind(null, study.id, x.id)} submitLabel={t("generate")} pendingLabel={t("generating")} className="inline" successMessage={t("queued")} />
                    <details>
                      <summary>{t("edit")}</summary>
                      <ActionForm action={saveTemplateAction.bind(null, study.id, x.id)} submitLabel={t("save")} successMessage={t("saved")}>
                        <TemplateFields template={x} rounds={closedRounds} t={t} />
                      </ActionForm>
                      <ActionForm action={deleteTemplateAction.bind(null, study.id, x.id)} submitLabel={t("delete")} className="inline" successMessage={t("deleted")} />
                    </details>
                  </div>
                )}
              </td>
            </tr>
          ))}
          {templates.length === 0 && <tr><td colSpan={5} className="muted">{t("none")}</td></tr>}
        </tbody>
      </table>

      {admin && (
        <details className="card" style={{ marginTop: "1rem" }} open={templates.length === 0}>
          <summary>{t("newTemplate")}</summary>
          <ActionForm action={saveTemplateAction.bind(null, study.id, null)} submitLabel={t("create")} successMessage={t("created")}>
            <TemplateFields template={null} rounds={closedRounds} t={t} />
          </ActionForm>
        </details>
      )}

      <h2>{t("issuesTitle")}</h2>
      <table data-testid="report-issues">
        <thead><tr><th>{t("made")}</th><th>{t("template")}</th><th>{t("kind")}</th><th>{t("status")}</th><th></th></tr></thead>
        <tbody>
          {issues.map((r) => (
            <tr key={r.id} data-testid="report-issue" data-report={r.id} data-status={r.status}>
              <td>{formatDateTime(locale, r.generatedAt ?? r.createdAt)}</td>
              <td>{r.templateId ? (templateName.get(r.templateId) ?? r.title) : <>{r.title} <span className="muted">({t("deletedTemplate")})</span></>}</td>
              <td>{t(`kinds.${r.kind}`)}</td>
              <td><span className={`badge ${r.status}`}>{t(`statuses.${r.status}`)}</span>{r.error && <div className="error">{r.error}</div>}</td>
              <td>{r.status === "SUCCEEDED" && <Link href={`/studies/${study.id}/reports/${r.id}`}>{t("read")}</Link>}</td>
            </tr>
          ))}
          {issues.length === 0 && <tr><td colSpan={5} className="muted">{t("noIssues")}</td></tr>}
        </tbody>
      </table>
    </>
  );
}
