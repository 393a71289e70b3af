// The Delphi charts' data tables (the fallback for screen readers and print, and the figures the file
// keeps), and each chart as a figure with a server-drawn SVG for the downloadable file.
import { esc, h, table } from "./html";
import { bilingualTitle, outcomeBadge, valueCell, withheldText, type Formats } from "./report-format";
import { chartHasData, chartSource, reportChartOption, type ChartId, type ReportChartLabels } from "./chart-labels";
import { chartSvg, rowsHeight } from "./chart-svg";
import type { StudyReport } from "./report-types";
import { OUTCOMES } from "./report-types";

function boxesTable(report: StudyReport, f: Formats): string {
  const rows = report.charts.boxes.map((b) =>
    h(
      "tr",
      { "data-key": b.key },
      h("th", { scope: "row" }, bilingualTitle(b, f)),
      h("td", null, outcomeBadge(b.outcome, f)),
      valueCell(f.num(b.n, 0), b.n),
      ...(b.box ? b.box.map((v) => valueCell(f.num(v), v)) : [h("td", { colspan: 5, class: "muted" }, esc(withheldText(b.withheld ? { withheld: true, n: b.n } : null, f)))]),
    ),
  );
  return table([f.t("results.technology"), f.t("results.status"), "n", f.t("charts.min"), "Q1", f.t("results.median"), "Q3", f.t("charts.max")], rows);
}

function timelineTable(report: StudyReport, f: Formats): string {
  const years = (q: [number, number, number] | null) => (q ? `${f.year(q[1])} (${f.year(q[0])}–${f.year(q[2])})` : "—");
  const rows = report.charts.timeline.map((r) => h("tr", { "data-key": r.key }, h("th", { scope: "row" }, bilingualTitle(r, f)), h("td", null, esc(years(r.realisation))), h("td", null, esc(years(r.application)))));
  return table([f.t("results.technology"), f.t("results.realisation"), f.t("results.application")], rows);
}

function radarTable(report: StudyReport, f: Formats, labels: ReportChartLabels): string {
  const rows = report.charts.radar.map((p) =>
    h("tr", { "data-key": p.key }, h("td", null, esc(labels.radar.areaNames[p.areaId ?? ""] ?? labels.radar.areaNames[""])), h("th", { scope: "row" }, bilingualTitle(p, f)), valueCell(f.year(p.year), p.year), valueCell(f.num(p.importanceIndex, 0), p.importanceIndex), h("td", null, outcomeBadge(p.outcome, f))),
  );
  return table([f.t("charts.radar.area"), f.t("results.technology"), f.t("charts.radar.axis"), f.t("results.importanceIndex"), f.t("results.status")], rows);
}

function consensusTable(report: StudyReport, f: Formats, labels: ReportChartLabels): string {
  const rows = report.charts.consensus.map((r) => h("tr", { "data-round": r.number }, h("th", { scope: "row" }, esc(labels.consensus.rounds[r.number])), ...OUTCOMES.map((o) => valueCell(f.num(r.counts[o] ?? 0, 0), r.counts[o] ?? 0))));
  return table([f.t("method.round"), ...OUTCOMES.map((o) => f.t(`outcome.${o}`))], rows);
}

function stabilityTable(report: StudyReport, f: Formats, labels: ReportChartLabels): string {
  const stable = report.method.stablePercentChange;
  const rows = report.charts.stability.map((r) =>
    h(
      "tr",
      { "data-key": r.key, "data-round": r.roundNumber },
      h("th", { scope: "row" }, bilingualTitle(r, f)),
      h("td", null, esc(labels.stability.rounds[r.roundNumber] ?? r.roundNumber)),
      valueCell(f.pct(r.percentChange), r.percentChange),
      valueCell(f.num(r.wilcoxonP, 3), r.wilcoxonP),
      h("td", null, esc(f.t(r.percentChange < stable ? "charts.stability.stable" : "charts.stability.moving"))),
    ),
  );
  return table([f.t("results.technology"), f.t("method.round"), f.t("charts.stability.axis"), "Wilcoxon p", f.t("charts.stability.verdict")], rows);
}

export function chartTable(report: StudyReport, id: ChartId, f: Formats, labels: ReportChartLabels): string {
  switch (id) {
    case "boxes":
      return boxesTable(report, f);
    case "timeline":
      return timelineTable(report, f);
    case "radar":
      return radarTable(report, f, labels);
    case "consensus":
      return consensusTable(report, f, labels);
    case "stability":
      return stabilityTable(report, f, labels);
  }
}

/** Height of each chart for the number of its rows. */
export function chartHeight(charts: StudyReport["charts"], id: ChartId): number {
  const c = charts;
  switch (id) {
    case "boxes":
      return rowsHeight(c.boxes.filter((b) => b.box).length);
    case "timeline":
      return rowsHeight(c.timeline.length, 30, 110);
    case "radar":
      return rowsHeight(new Set(c.radar.map((p) => p.areaId)).size, 70, 120);
    case "consensus":
      return 320;
    case "stability":
      return rowsHeight(c.stability.length);
  }
}

/** A chart as the file shows it: title, description, the SVG, and its table. */
export function chartFigure(report: StudyReport, id: ChartId, f: Formats, labels: ReportChartLabels): string {
  const text = labels[id];
  const source = chartSource(report);
  const drawn = chartHasData(source, id);
  const svg = drawn ? chartSvg(reportChartOption(source, id, labels), { width: 900, height: chartHeight(report.charts, id) }) : "";
  return h(
    "figure",
    { class: "chart", "data-chart": id },
    h("figcaption", null, h("h3", null, esc(text.title)), h("p", { class: "muted" }, esc(text.description))),
    drawn ? h("div", { class: "chart-svg", role: "img", "aria-label": `${text.title}. ${text.description}` }, svg) : h("p", { class: "muted" }, esc(text.empty)),
    drawn ? chartTable(report, id, f, labels) : "",
  );
}
