// The consensus report as one self-contained HTML file: inline styles (with an A4 print layout), the
// charts as inline SVG drawn on the server, no script and nothing fetched, so it opens offline, prints
// cleanly and can be archived. The report page shows the same sections (reportSections).
import type { Locale } from "@/lib/i18n/config";
import { INTL_LOCALE } from "@/lib/i18n/config";
import { esc, h } from "./html";
import { formats, roundTitle, type Formats } from "./report-format";
import { reportTranslator, type Translate } from "./report-translator";
import { methodSection, resultsSection, summarySection } from "./render-sections";
import { evidenceSection, keyTechnologiesSection, minoritySection } from "./render-findings";
import { chartFigure } from "./render-charts";
import { CHART_IDS, reportChartLabels } from "./chart-labels";
import type { StudyReport } from "./report-types";

export const SECTION_IDS = ["summary", "method", "results", "key", "minority", "evidence", "charts"] as const;
export type SectionId = (typeof SECTION_IDS)[number];
export type RenderedSection = { id: string; title: string; html: string };

export function reportTitle(report: StudyReport, t: Translate): string {
  if (!report.round) return t("title", { study: report.study.name });
  return t("roundTitle", { study: report.study.name, round: roundTitle(report.round, t) });
}

/** The text sections; the charts section only when `charts` renders it (the page draws its own). */
export function reportSections(report: StudyReport, f: Formats, charts?: (report: StudyReport) => string): (RenderedSection & { id: SectionId })[] {
  const { t } = f;
  const sections: (RenderedSection & { id: SectionId })[] = [
    { id: "summary", title: t("sections.summary"), html: summarySection(report, f) },
    { id: "method", title: t("sections.method"), html: methodSection(report, f) },
    { id: "results", title: t("sections.results"), html: resultsSection(report, f) },
    { id: "key", title: t("sections.key"), html: keyTechnologiesSection(report, f) },
    { id: "minority", title: t("sections.minority"), html: minoritySection(report, f) },
    { id: "evidence", title: t("sections.evidence"), html: evidenceSection(report, f) },
  ];
  if (charts) sections.push({ id: "charts", title: t("sections.charts"), html: charts(report) });
  return sections;
}

/** The HTML of one section, as the page and the file both wrap it. */
export const sectionHtml = (s: RenderedSection): string => h("section", { id: `report-${s.id}`, class: "report-section", "data-section": s.id }, h("h2", null, esc(s.title)), s.html);

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1b1f24; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #1d5fbf; padding-bottom: .2rem; margin-top: 2rem; } h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.muted { color: #5c6670; } .lead { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .4rem 0 1rem; } th, td { border-bottom: 1px solid #dde2e7; padding: .3rem .4rem; text-align: left; vertical-align: top; } thead th { background: #f1f4f7; }
.table-scroll { overflow-x: auto; } .kpis { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .5rem 0 1rem; } .kpis div { min-width: 8rem; } .kpis dt { font-size: .8rem; color: #5c6670; } .kpis dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .8rem; background: #e9ecef; white-space: nowrap; } .badge.ACCEPTED { background: #d3f9d8; } .badge.REJECTED { background: #ffe3e3; } .badge.DISSENT { background: #ffe8cc; } .badge.CARRIED_OVER { background: #d0ebff; }
.history { font-size: .8rem; color: #5c6670; } ul.plain { margin: 0; padding-left: 1rem; } .notes li { margin-bottom: .3rem; }
figure.chart { margin: 1rem 0 1.5rem; break-inside: avoid; } figure.chart svg { max-width: 100%; height: auto; } figcaption p { margin: 0 0 .4rem; }
header.report-head { border-bottom: 1px solid #dde2e7; margin-bottom: 1rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print { body { margin: 0; max-width: none; font-size: 10.5pt; } .report-section { break-before: page; } .report-section[data-section="summary"] { break-before: auto; } tr, figure { break-inside: avoid; } thead { display: table-header-group; } .table-scroll { overflow: visible; } }
`;

export async function renderReportHtml(report: StudyReport, locale: Locale): Promise<string> {
  const t = await reportTranslator(locale);
  const f = formats(locale, t);
  const labels = reportChartLabels(report, t, locale);
  const charts = (r: StudyReport) => CHART_IDS.map((id) => chartFigure(r, id, f, labels)).join("");
  const title = reportTitle(report, t);
  const head = h(
    "header",
    { class: "report-head" },
    h("h1", null, esc(title)),
    h("p", { class: "muted" }, esc(t("generated", { date: f.date(report.generatedAt) })), " · ", esc(t("fileNote"))),
  );
  const body = reportSections(report, f, charts).map(sectionHtml).join("");
  return htmlDocument({ locale, title, body: head + body });
}

/** A complete, self-contained HTML document with the report styles inline. */
export function htmlDocument({ locale, title, body }: { locale: Locale; title: string; body: string }): string {
  return `<!doctype html>\n<html lang="${INTL_LOCALE[locale]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main class="report">${body}</main></body></html>\n`;
}
