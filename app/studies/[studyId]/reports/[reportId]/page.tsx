import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { requestLocale } from "@/lib/i18n/request";
import { formatDateTime } from "@/lib/i18n/format";
import { getReport } from "@/lib/reports/get-report";
import { reportTranslator } from "@/lib/reports/report-translator";
import { formats } from "@/lib/reports/report-format";
import { reportTitle, sectionHtml } from "@/lib/reports/render-report";
import { monitoringSections } from "@/lib/reports/render-monitoring";
import { PrintButton } from "@/app/studies/[studyId]/report/print-button";
import { ReportBody } from "@/app/studies/[studyId]/report/report-body";

export const dynamic = "force-dynamic";

/** One stored issue of a template report, shown from its frozen snapshot in the reader's language. */
export default async function ReportIssuePage({ params }: { params: Promise<{ studyId: string; reportId: string }> }) {
  await requirePageViewer(can.viewReports);
  const { studyId, reportId } = await params;
  const issue = await getReport(studyId, reportId);
  if (!issue) notFound();
  const locale = await requestLocale();
  const t = await reportTranslator(locale, "reports");
  const content = issue.content;
  const date = formatDateTime(locale, issue.generatedAt ?? issue.createdAt);

  let body: React.ReactNode;
  if (!content) body = <p className={issue.status === "FAILED" ? "error" : "muted"} role="status">{issue.status === "FAILED" ? t("failed", { error: issue.error ?? "—" }) : t("notReady", { status: t(`statuses.${issue.status}`) })}</p>;
  else if (content.kind === "MONITORING") {
    const f = formats(locale, t);
    body = monitoringSections(content.snapshot, f).map((s) => <div key={s.id} dangerouslySetInnerHTML={{ __html: sectionHtml(s) }} />);
  } else {
    const tr = await reportTranslator(locale);
    body = (
      <>
        <p className="muted">{reportTitle(content.snapshot, tr)}</p>
        <ReportBody report={content.snapshot} locale={locale} t={tr} />
      </>
    );
  }

  return (
    <article className="report" data-testid="report-issue-page" data-report={issue.id} data-kind={issue.kind}>
      <div className="report-toolbar no-print">
        <p><Link href={`/studies/${studyId}/reports`}>← {t("back")}</Link></p>
        {content && (
          <p>
            <PrintButton label={t("print")} /> <a href={`/studies/${studyId}/reports/${issue.id}/download`} className="button" data-testid="download-issue" download>{t("download")}</a>
          </p>
        )}
      </div>
      <header className="report-head">
        <h1>{issue.template?.name ?? issue.title}</h1>
        <p className="muted">{issue.study.name} · {t(`kinds.${issue.kind}`)} · {t("madeAt", { date })}</p>
      </header>
      {body}
    </article>
  );
}
