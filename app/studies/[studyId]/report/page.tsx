import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { requestLocale } from "@/lib/i18n/request";
import { formatDate } from "@/lib/i18n/format";
import { getStudyReport } from "@/lib/reports/get-study-report";
import { getReportRounds } from "@/lib/reports/get-report-rounds";
import { reportTranslator } from "@/lib/reports/report-translator";
import { reportTitle } from "@/lib/reports/render-report";
import { roundTitle } from "@/lib/reports/report-format";
import { notFoundOnAppError } from "@/app/studies/[studyId]/dashboard/not-found-on";
import { PrintButton } from "./print-button";
import { ReportBody } from "./report-body";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ studyId: string }>; searchParams: Promise<{ round?: string | string[] }> };

export async function generateMetadata() {
  const t = await reportTranslator(await requestLocale());
  return { title: `${t("page.metaTitle")} · Foresight` };
}

/**
 * The consensus report of a study, or of one round (?round=…): the same sections as the downloadable
 * file, with the Delphi charts drawn in the browser. Printing gives a clean A4 document.
 */
export default async function StudyReportPage({ params, searchParams }: Props) {
  await requirePageViewer(can.viewReports);
  const { studyId } = await params;
  const raw = (await searchParams).round;
  const roundId = (Array.isArray(raw) ? raw[0] : raw) || null;
  const [report, rounds] = await Promise.all([getStudyReport(studyId, { roundId }).catch(notFoundOnAppError), getReportRounds(studyId)]);
  const locale = await requestLocale();
  const t = await reportTranslator(locale);
  const closed = rounds.filter((r) => r.status === "CLOSED");
  const download = `/studies/${studyId}/report/download${roundId ? `?round=${encodeURIComponent(roundId)}` : ""}`;

  return (
    <article className="report" data-testid="study-report" data-round={report.round?.id ?? ""}>
      <div className="report-toolbar no-print">
        <p><Link href={`/studies/${studyId}`}>← {report.study.name}</Link></p>
        <form method="get" className="inline">
          <label>
            {t("page.scope")}
            <select name="round" defaultValue={roundId ?? ""}>
              <option value="">{t("page.wholeStudy")}</option>
              {closed.map((r) => <option key={r.id} value={r.id}>{roundTitle(r, t)}</option>)}
            </select>
          </label>
          <button type="submit" className="secondary">{t("page.show")}</button>
        </form>
        <p>
          <PrintButton label={t("page.print")} /> <a href={download} className="button" data-testid="download-report" download>{t("page.download")}</a>
        </p>
      </div>
      <header className="report-head">
        <h1>{reportTitle(report, t)}</h1>
        <p className="muted">{t("generated", { date: formatDate(locale, report.generatedAt) })} · {t("fileNote")}</p>
      </header>
      {closed.length === 0 && <p className="card muted" role="status">{t("page.noRounds")}</p>}
      <ReportBody report={report} locale={locale} t={t} />
    </article>
  );
}
