// The consensus report's first sections as HTML: summary, method and results by area (the findings
// follow in render-findings.ts). One renderer for the report page, the downloadable file and the
// stored issues of template reports, so the three always agree; all text is escaped (html.ts).
import { esc, h, table } from "./html";
import { bilingualTitle, outcomeBadge, roundTitle, title, valueCell, withheldText, type Formats } from "./report-format";
import { shown } from "./figures";
import { ruleText } from "@/lib/delphi/rule-text";
import type { Area, StudyReport, Technology } from "./report-types";
import { OUTCOMES } from "./report-types";

export function summarySection(report: StudyReport, f: Formats): string {
  const { t } = f;
  const s = report.summary;
  const kpi = (label: string, value: string, testid: string) => h("div", null, h("dt", null, esc(label)), h("dd", { "data-testid": testid }, esc(value)));
  const outcomes = OUTCOMES.filter((o) => (s.outcomes[o] ?? 0) > 0).map((o) => kpi(t(`outcome.${o}`), f.num(s.outcomes[o] ?? 0, 0), `summary-${o}`));
  return [
    report.study.question ? h("p", { class: "lead" }, esc(report.study.question)) : "",
    h(
      "dl",
      { class: "kpis", "data-testid": "summary-kpis" },
      kpi(t("summary.technologies"), f.num(s.technologies, 0), "summary-technologies"),
      kpi(t("summary.rounds"), f.num(s.closedRounds, 0), "summary-rounds"),
      kpi(t("summary.respondents"), f.num(s.respondents, 0), "summary-respondents"),
      ...outcomes,
    ),
    h("p", null, esc(t("summary.text", { technologies: s.technologies, respondents: s.respondents, rounds: s.closedRounds }))),
    s.top.length ? h("p", { "data-testid": "summary-top" }, esc(t("summary.top")), " ", s.top.map((k, i) => `${i + 1}. ${esc(title(k, f))}`).join("; ")) : "",
    s.kendallW !== null ? h("p", null, esc(t("summary.kendallW", { w: f.num(s.kendallW, 3) }))) : "",
    report.study.horizonYear ? h("p", { class: "muted" }, esc(t("summary.horizon", { year: report.study.horizonYear }))) : "",
  ].join("");
}

export function methodSection(report: StudyReport, f: Formats): string {
  const { t } = f;
  const m = report.method;
  const sectors = m.panel.bySector.filter((s) => s.invited > 0);
  const rounds = m.rounds.map((r) =>
    h(
      "tr",
      { "data-testid": "method-round", "data-round": r.number },
      h("td", null, esc(roundTitle(r, t))),
      h("td", null, esc(t(`method.kinds.${r.kind}`))),
      h("td", null, esc(t(`method.statuses.${r.status}`))),
      h("td", null, esc(f.date(r.openedAt))),
      h("td", null, esc(f.date(r.closedAt))),
      valueCell(f.num(r.items, 0), r.items),
      valueCell(f.num(r.invited, 0), r.invited, "round-invited"),
      valueCell(f.num(r.responded, 0), r.responded, "round-responded"),
      valueCell(f.pct(r.responseRate), r.responseRate, "response-rate"),
      valueCell(f.num(r.minN, 0), r.minN),
    ),
  );
  const q = m.headlineQuestion;
  return [
    h("h3", null, esc(t("method.panel"))),
    h("p", { "data-testid": "panel-size", "data-invited": m.panel.invited, "data-responded": m.panel.responded }, esc(t("method.panelText", { invited: m.panel.invited, responded: m.panel.responded }))),
    sectors.length
      ? table([t("method.sector"), t("method.invited"), t("method.responded")], sectors.map((s) => h("tr", { "data-sector": s.sector }, h("td", null, esc(t(`method.sectors.${s.sector}`))), valueCell(f.num(s.invited, 0), s.invited), valueCell(f.num(s.responded, 0), s.responded))), { "data-testid": "panel-sectors" })
      : "",
    h("h3", null, esc(t("method.rounds"))),
    table([t("method.round"), t("method.kind"), t("method.status"), t("method.opened"), t("method.closed"), t("method.items"), t("method.invited"), t("method.responded"), t("method.responseRate"), t("method.minN")], rounds, { "data-testid": "method-rounds" }),
    h("h3", null, esc(t("method.rules"))),
    h("p", { "data-testid": "method-rules" }, esc(m.rules.length ? t("method.rulesText", { rules: m.rules.map((r) => ruleText(r, f.locale)).join(f.locale === "zh" ? "；" : "; ") }) : t("method.noRules"))),
    q ? h("p", null, esc(t("method.headline", { label: f.locale === "zh" && q.labelZh ? q.labelZh : q.label, min: q.min, max: q.max }))) : "",
    h("p", { class: "muted" }, esc(t("method.statistics"))),
    h("p", { class: "muted" }, esc(t("method.stability", { percent: `${Math.round(m.stablePercentChange * 100)}%`, alpha: m.wilcoxonAlpha }))),
    h("p", { class: "muted" }, esc(t("method.withheld", { minN: m.minN.join(", ") || "—" }))),
    h("p", { class: "muted" }, esc(t("method.anonymity"))),
  ].join("");
}

function historyText(tech: Technology, f: Formats): string {
  return tech.history
    .map((r) => {
      const s = shown(r.headline);
      const figures = s ? `${f.num(s.median)} (IQR ${f.num(s.iqr)})` : withheldText(r.headline, f);
      return `${f.t("roundShort", { number: r.roundNumber })}: ${figures}, ${f.t(`outcome.${r.outcome}`)}`;
    })
    .join(" → ");
}

function technologyRow(tech: Technology, f: Formats): string {
  const s = shown(tech.headline);
  const figures = s
    ? [
        valueCell(f.num(s.n, 0), s.n, "n"),
        valueCell(f.num(s.median), s.median, "median"),
        h("td", null, `${esc(f.num(s.q1))}–${esc(f.num(s.q3))}`),
        valueCell(f.num(s.iqr), s.iqr, "iqr"),
        valueCell(f.pct(s.agreement), s.agreement, "agreement"),
        valueCell(f.num(s.importanceIndex, 0), s.importanceIndex, "importance-index"),
        valueCell(f.pct(s.percentChange), s.percentChange, "percent-change"),
      ].join("")
    : valueCell(f.num(tech.headline?.n ?? null, 0), tech.headline?.n ?? null, "n") + h("td", { colspan: 6, class: "muted", "data-testid": "withheld" }, esc(withheldText(tech.headline, f)));
  return h(
    "tr",
    { "data-testid": "technology-row", "data-key": tech.key, "data-item": tech.itemId, "data-round": tech.roundNumber },
    h("td", null, bilingualTitle(tech, f)),
    h("td", null, esc(f.t("roundShort", { number: tech.roundNumber }))),
    figures,
    h("td", null, outcomeBadge(tech.outcome, f)),
    h("td", { class: "history" }, esc(historyText(tech, f))),
  );
}

function areaName(area: Area, f: Formats): string {
  if (!area.id) return f.t("results.noArea");
  return f.locale === "zh" && area.labelZh ? area.labelZh : area.label;
}

export function resultsSection(report: StudyReport, f: Formats): string {
  const { t } = f;
  if (report.areas.length === 0) return h("p", { class: "muted" }, esc(t("results.none")));
  const head = [t("results.technology"), t("results.round"), "n", t("results.median"), "Q1–Q3", "IQR", t("results.agreement"), t("results.importanceIndex"), t("results.change"), t("results.status"), t("results.history")];
  return report.areas
    .map((area) =>
      h(
        "div",
        { class: "area", "data-testid": "area", "data-area": area.id ?? "" },
        h("h3", null, esc(areaName(area, f)), " ", h("span", { class: "muted" }, esc(t("results.count", { count: area.technologies.length })))),
        table(head, area.technologies.map((tech) => technologyRow(tech, f)), { "data-testid": "results-table" }),
      ),
    )
    .join("");
}
