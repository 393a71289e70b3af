// The consensus report's findings as HTML: the prioritised key technologies (with their evidence and
// dissent), the minority views and the data evidence behind each technology. All text is escaped.
import { esc, h, table } from "./html";
import { bilingualTitle, outcomeBadge, pseudonym, valueCell, withheldText, type Formats } from "./report-format";
import { shown } from "./figures";
import type { KeyTechnologies, KeyTechnology, MinorityView, StudyReport } from "./report-types";

function keyIntro(key: KeyTechnologies, f: Formats): string {
  const { t } = f;
  switch (key.basis) {
    case "ranking": {
      const w = key.kendallW;
      const strength = w ? t(`key.strength.${w.w >= 0.9 ? "unusuallyStrong" : w.w >= 0.7 ? "strong" : w.w >= 0.5 ? "moderate" : w.w >= 0.3 ? "weak" : "veryWeak"}`) : "";
      return h(
        "p",
        { "data-testid": "kendall-w", "data-value": w?.w },
        esc(t("key.fromRanking", { round: key.roundNumber, rankings: key.rankings })),
        " ",
        esc(w ? t("key.kendall", { w: f.num(w.w, 3), strength, chi: f.num(w.chiSquare, 2), df: w.df, p: f.num(w.p, 4) }) : t("key.noKendall")),
      );
    }
    case "ranking_withheld":
      return h("p", { class: "muted", "data-testid": "ranking-withheld" }, esc(t("key.withheld", { round: key.roundNumber, rankings: key.rankings ?? "—", minN: key.minN })));
    case "importance":
      return h("p", { class: "muted" }, esc(t("key.fromImportance")));
    default:
      return h("p", { class: "muted" }, esc(t("key.none")));
  }
}

function keyRow(k: KeyTechnology, f: Formats): string {
  const e = k.evidence;
  const evidence = e ? [e.documentCount !== null ? f.t("key.documents", { count: e.documentCount }) : null, e.growth !== null ? f.t("key.growth", { growth: f.pct(e.growth) }) : null].filter(Boolean).join(" · ") : "—";
  const dissent = [k.disagreement !== null ? f.t("key.disagree", { share: f.pct(k.disagreement) }) : null, k.dissentNotes ? f.t("key.notes", { count: k.dissentNotes }) : null].filter(Boolean).join(" · ") || "—";
  return h(
    "tr",
    { "data-testid": "key-technology", "data-key": k.key, "data-place": k.place },
    h("td", null, esc(String(k.place))),
    h("td", null, bilingualTitle(k, f)),
    valueCell(k.selected === null ? "—" : f.num(k.selected, 0), k.selected, "selected"),
    valueCell(f.num(k.meanRank), k.meanRank, "mean-rank"),
    valueCell(f.num(k.importanceIndex, 0), k.importanceIndex, "key-importance-index"),
    valueCell(f.pct(k.agreement), k.agreement),
    valueCell(f.year(k.realisationMedian), k.realisationMedian),
    h("td", null, outcomeBadge(k.outcome, f)),
    h("td", null, esc(evidence)),
    h("td", null, esc(dissent)),
  );
}

export function keyTechnologiesSection(report: StudyReport, f: Formats): string {
  const { t } = f;
  const key = report.keyTechnologies;
  const rows = key.basis === "ranking" || key.basis === "importance" ? key.items : [];
  const head = [t("key.place"), t("results.technology"), t("key.selected"), t("key.meanRank"), t("results.importanceIndex"), t("results.agreement"), t("key.realisation"), t("results.status"), t("key.evidence"), t("key.dissent")];
  return keyIntro(key, f) + (rows.length ? table(head, rows.map((k) => keyRow(k, f)), { "data-testid": "key-technologies" }) : "");
}

function minorityView(v: MinorityView, f: Formats): string {
  const { t } = f;
  const s = shown(v.headline);
  const figures = s ? t("minority.figures", { median: f.num(s.median), iqr: f.num(s.iqr), agreement: f.pct(s.agreement), disagreement: f.pct(s.disagreement), n: s.n }) : withheldText(v.headline, f);
  const notes = v.notes.length
    ? h("ul", { class: "notes" }, ...v.notes.map((n) => h("li", { "data-testid": "minority-note" }, h("span", { class: "muted" }, esc(t("minority.by", { author: pseudonym(n.author, t), round: n.roundNumber, kind: t(`minority.${n.kind}`) }))), " ", esc(n.body))))
    : h("p", { class: "muted" }, esc(t("minority.noNotes")));
  return h("div", { class: "minority", "data-testid": "minority-view", "data-key": v.key }, h("h3", null, bilingualTitle(v, f)), h("p", null, esc(t("minority.closed", { round: v.roundNumber })), " ", esc(figures)), notes);
}

export function minoritySection(report: StudyReport, f: Formats): string {
  const { t } = f;
  if (report.minorityViews.length === 0) return h("p", { class: "muted" }, esc(t("minority.none")));
  return h("p", { class: "muted" }, esc(t("minority.intro"))) + report.minorityViews.map((v) => minorityView(v, f)).join("");
}

export function evidenceSection(report: StudyReport, f: Formats): string {
  const { t } = f;
  const technologies = report.areas.flatMap((a) => a.technologies).filter((x) => x.evidence);
  if (technologies.length === 0) return h("p", { class: "muted" }, esc(t("evidence.none")));
  const rows = technologies.map((x) => {
    const e = x.evidence!;
    const documents = e.documents.slice(0, 3).map((d) => `${esc(d.title)} ${h("span", { class: "muted" }, `(${esc(d.year ?? "—")})`)}`);
    return h(
      "tr",
      { "data-testid": "evidence-row", "data-key": x.key },
      h("td", null, bilingualTitle(x, f)),
      valueCell(f.num(e.documentCount, 0), e.documentCount),
      valueCell(f.pct(e.growth), e.growth),
      h("td", null, esc(e.topTerms.slice(0, 8).join(", ") || "—")),
      h("td", null, documents.length ? h("ul", { class: "plain" }, ...documents.map((d) => h("li", null, d))) : "—"),
    );
  });
  return h("p", { class: "muted" }, esc(t("evidence.intro"))) + table([t("results.technology"), t("evidence.documents"), t("evidence.growth"), t("evidence.terms"), t("evidence.representative")], rows, { "data-testid": "evidence-table" });
}
