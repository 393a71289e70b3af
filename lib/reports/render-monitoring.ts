// A monitoring issue as HTML: the period, the themes with their indicators, the new alerts and the new
// documents per source and kind. The issue page shows these sections and the file wraps them
// in a self-contained document (render-report.ts htmlDocument).
import type { Locale } from "@/lib/i18n/config";
import { esc, h, table } from "./html";
import { formats, valueCell, type Formats } from "./report-format";
import { reportTranslator } from "./report-translator";
import { htmlDocument, sectionHtml, type RenderedSection } from "./render-report";
import type { MonitoringSnapshot } from "./monitoring";

const label = (row: { label: string; labelZh: string | null }, f: Formats) => (f.locale === "zh" && row.labelZh ? row.labelZh : row.label);
const known = (f: Formats, prefix: string, key: string | null) => (key ? f.t(`${prefix}.${key}`) : "—");

function summary(s: MonitoringSnapshot, f: Formats): string {
  const { t } = f;
  return [
    h("p", { "data-testid": "issue-period", "data-from": s.period.from, "data-to": s.period.to }, esc(t("monitoring.period", { from: f.date(s.period.from), to: f.date(s.period.to) }))),
    h(
      "dl",
      { class: "kpis" },
      h("div", null, h("dt", null, esc(t("monitoring.newDocuments"))), h("dd", { "data-testid": "issue-new-documents", "data-value": s.documents.newInPeriod }, esc(f.num(s.documents.newInPeriod, 0)))),
      h("div", null, h("dt", null, esc(t("monitoring.newAlerts"))), h("dd", { "data-testid": "issue-new-alerts", "data-value": s.alerts.length }, esc(f.num(s.alerts.length, 0)))),
      h("div", null, h("dt", null, esc(t("monitoring.documents"))), h("dd", null, esc(f.num(s.documents.total, 0)))),
      h("div", null, h("dt", null, esc(t("monitoring.themes"))), h("dd", null, esc(f.num(s.themeCount, 0)))),
    ),
    s.themeSet ? h("p", { class: "muted" }, esc(t("monitoring.basis", { version: s.themeSet.version, date: f.date(s.themeSet.createdAt) }))) : h("p", { class: "muted" }, esc(t("monitoring.noThemes"))),
  ].join("");
}

function themes(s: MonitoringSnapshot, f: Formats): string {
  const { t } = f;
  if (s.themes.length === 0) return h("p", { class: "muted" }, esc(t("monitoring.noThemes")));
  const rows = s.themes.map((x) =>
    h(
      "tr",
      { "data-testid": "issue-theme", "data-theme": x.id },
      h("th", { scope: "row" }, esc(label(x, f))),
      valueCell(f.num(x.documentCount, 0), x.documentCount),
      valueCell(f.num(x.volume, 1), x.volume),
      valueCell(f.pct(x.growth), x.growth),
      valueCell(f.num(x.emergingScore), x.emergingScore),
      h("td", null, esc(known(f, "stage", x.stage))),
      h("td", null, esc(x.leader ?? "—")),
    ),
  );
  const note = s.themes.length < s.themeCount ? h("p", { class: "muted" }, esc(t("monitoring.topThemes", { shown: s.themes.length, total: s.themeCount }))) : "";
  return table([t("monitoring.theme"), t("monitoring.documents"), t("monitoring.volume"), t("monitoring.growth"), t("monitoring.emerging"), t("monitoring.stage"), t("monitoring.leader")], rows, { "data-testid": "issue-themes" }) + note;
}

function alerts(s: MonitoringSnapshot, f: Formats): string {
  const { t } = f;
  if (s.alerts.length === 0) return h("p", { class: "muted" }, esc(t("monitoring.noAlerts")));
  const rows = s.alerts.map((a) =>
    h("tr", { "data-testid": "issue-alert", "data-alert": a.id }, h("td", null, esc(f.date(a.createdAt))), h("td", null, esc(a.themeLabel ? label({ label: a.themeLabel, labelZh: a.themeLabelZh }, f) : "—")), h("td", null, esc(a.message || a.title)), h("td", null, esc(known(f, "alertStatus", a.status)))),
  );
  return table([t("monitoring.raised"), t("monitoring.theme"), t("monitoring.alert"), t("monitoring.status")], rows, { "data-testid": "issue-alerts" });
}

function documents(s: MonitoringSnapshot, f: Formats): string {
  const { t } = f;
  if (s.documents.newInPeriod === 0) return h("p", { class: "muted" }, esc(t("monitoring.noDocuments")));
  const bySource = s.documents.bySource.map((x) => h("tr", { "data-testid": "issue-source" }, h("td", null, esc(x.source)), h("td", null, esc(known(f, "sourceKind", x.kind))), valueCell(f.num(x.documents, 0), x.documents)));
  const byKind = Object.entries(s.documents.byKind).map(([kind, n]) => h("tr", null, h("td", null, esc(known(f, "documentKind", kind))), valueCell(f.num(n, 0), n)));
  return (
    table([t("monitoring.source"), t("monitoring.sourceKind"), t("monitoring.newDocuments")], bySource, { "data-testid": "issue-sources" }) +
    table([t("monitoring.documentKind"), t("monitoring.newDocuments")], byKind, { "data-testid": "issue-kinds" })
  );
}

export function monitoringSections(s: MonitoringSnapshot, f: Formats): RenderedSection[] {
  const { t } = f;
  return [
    { id: "summary", title: t("monitoring.sections.summary"), html: summary(s, f) },
    { id: "themes", title: t("monitoring.sections.themes"), html: themes(s, f) },
    { id: "alerts", title: t("monitoring.sections.alerts"), html: alerts(s, f) },
    { id: "documents", title: t("monitoring.sections.documents"), html: documents(s, f) },
  ];
}

export async function renderMonitoringHtml(s: MonitoringSnapshot, title: string, locale: Locale): Promise<string> {
  const t = await reportTranslator(locale, "reports");
  const f = formats(locale, t);
  const head = h("header", { class: "report-head" }, h("h1", null, esc(title)), h("p", { class: "muted" }, esc(t("monitoring.of", { study: s.study.name })), " · ", esc(t("generated", { date: f.date(s.generatedAt) }))));
  return htmlDocument({ locale, title, body: head + monitoringSections(s, f).map(sectionHtml).join("") });
}
