// The consensus report's sections (rendered by lib/reports, the same HTML as the downloadable file)
// and its Delphi charts drawn in the browser; shared by the live report and stored issues.
import type { Locale } from "@/lib/i18n/config";
import type { StudyReport } from "@/lib/reports/report-types";
import type { Translate } from "@/lib/reports/report-translator";
import { formats } from "@/lib/reports/report-format";
import { reportSections, sectionHtml } from "@/lib/reports/render-report";
import { chartHeight, chartTable } from "@/lib/reports/render-charts";
import { CHART_IDS, chartSource, reportChartLabels } from "@/lib/reports/chart-labels";
import { ReportChart } from "@/app/components/delphi-charts/report-chart";
import "./report.css";

export function ReportBody({ report, locale, t }: { report: StudyReport; locale: Locale; t: Translate }) {
  const f = formats(locale, t);
  const labels = reportChartLabels(report, t, locale);
  const sections = reportSections(report, f);
  const source = chartSource(report);
  const toc = [...sections.map((s) => ({ id: s.id, title: s.title })), { id: "charts", title: t("sections.charts") }];
  return (
    <>
      <nav aria-label={t("page.contents")} className="toc no-print">
        {toc.map((s) => <a key={s.id} href={`#report-${s.id}`}>{s.title}</a>)}
      </nav>
      {sections.map((s) => <div key={s.id} dangerouslySetInnerHTML={{ __html: sectionHtml(s) }} />)}
      <section id="report-charts" className="report-section" data-section="charts">
        <h2>{t("sections.charts")}</h2>
        <p className="muted no-print">{t("page.chartsNote")}</p>
        {CHART_IDS.map((id) => (
          <ReportChart key={id} id={id} source={source} labels={labels} height={chartHeight(report.charts, id)} tableHtml={chartTable(report, id, f, labels)} />
        ))}
      </section>
    </>
  );
}
