// The words on the Delphi charts in the reader's language, as plain data: the report page hands them to
// its browser charts and the report file to its server-drawn ones, so both read the same.
import type { EChartsOption } from "echarts";
import type { DelphiCharts, StudyReport } from "./report-types";
import { OUTCOMES } from "./report-types";
import type { Translate } from "./report-translator";
import {
  boxPlotOption, consensusOption, radarOption, stabilityOption, timelineOption,
  type BoxOptionLabels, type ConsensusLabels, type OutcomeNames, type RadarLabels, type StabilityLabels, type TimelineLabels,
} from "./chart-options";

export const CHART_IDS = ["boxes", "timeline", "radar", "consensus", "stability"] as const;
export type ChartId = (typeof CHART_IDS)[number];
type Text = { title: string; description: string; empty: string };

export type ReportChartLabels = {
  boxes: BoxOptionLabels & Text;
  timeline: TimelineLabels & Text;
  radar: RadarLabels & Text;
  consensus: ConsensusLabels & Text;
  stability: StabilityLabels & Text;
};

export function outcomeNames(t: Translate): OutcomeNames {
  return Object.fromEntries(OUTCOMES.map((o) => [o, t(`outcome.${o}`)])) as OutcomeNames;
}

/** Area names by id ("" for technologies without an area), in the reader's language. */
export function areaNames(report: StudyReport, t: Translate, locale: string): Record<string, string> {
  const names: Record<string, string> = { "": t("results.noArea") };
  for (const a of report.areas) if (a.id) names[a.id] = locale === "zh" && a.labelZh ? a.labelZh : a.label;
  return names;
}

export function roundNames(report: StudyReport, t: Translate): Record<number, string> {
  return Object.fromEntries(report.method.rounds.map((r) => [r.number, t("roundNumber", { number: r.number })]));
}

export function reportChartLabels(report: StudyReport, t: Translate, locale: string): ReportChartLabels {
  const outcomes = outcomeNames(t);
  const rounds = roundNames(report, t);
  const question = report.method.headlineQuestion;
  const questionLabel = question ? (locale === "zh" && question.labelZh ? question.labelZh : question.label) : t("charts.boxes.question");
  const minN = report.method.minN.join(", ") || "—";
  const percent = `${Math.round(report.method.stablePercentChange * 100)}%`;
  return {
    boxes: { locale, outcomes, axis: questionLabel, series: questionLabel, title: t("charts.boxes.title"), description: t("charts.boxes.description", { question: questionLabel, minN }), empty: t("charts.boxes.empty") },
    timeline: {
      locale, axis: t("charts.timeline.axis"), realisation: t("results.realisation"), application: t("results.application"), horizon: t("charts.timeline.horizon"),
      title: t("charts.timeline.title"), description: t("charts.timeline.description"), empty: t("charts.timeline.empty"),
    },
    radar: { locale, outcomes, axis: t("charts.radar.axis"), areaNames: areaNames(report, t, locale), title: t("charts.radar.title"), description: t("charts.radar.description"), empty: t("charts.radar.empty") },
    consensus: { outcomes, rounds, axis: t("charts.consensus.axis"), title: t("charts.consensus.title"), description: t("charts.consensus.description"), empty: t("charts.consensus.empty") },
    stability: {
      locale, rounds, axis: t("charts.stability.axis"), series: t("charts.stability.series"), threshold: t("charts.stability.threshold", { percent }),
      title: t("charts.stability.title"), description: t("charts.stability.description", { percent }), empty: t("charts.stability.empty"),
    },
  };
}

/** What the charts draw from: the chart data and the two reference lines. */
export type ChartSource = { charts: DelphiCharts; horizonYear: number | null; stablePercentChange: number };

export const chartSource = (report: StudyReport): ChartSource => ({ charts: report.charts, horizonYear: report.study.horizonYear, stablePercentChange: report.method.stablePercentChange });

/** Whether a chart has anything to draw. */
export function chartHasData(source: ChartSource, id: ChartId): boolean {
  const c = source.charts;
  switch (id) {
    case "boxes":
      return c.boxes.some((b) => b.box);
    case "timeline":
      return c.timeline.length > 0;
    case "radar":
      return c.radar.length > 0;
    case "consensus":
      return c.consensus.length > 0;
    case "stability":
      return c.stability.length > 0;
  }
}

export function reportChartOption(source: ChartSource, id: ChartId, labels: ReportChartLabels): EChartsOption {
  const c = source.charts;
  switch (id) {
    case "boxes":
      return boxPlotOption(c.boxes, c.scale, labels.boxes);
    case "timeline":
      return timelineOption(c.timeline, source.horizonYear, labels.timeline);
    case "radar":
      return radarOption(c.radar, source.horizonYear, labels.radar);
    case "consensus":
      return consensusOption(c.consensus, labels.consensus);
    case "stability":
      return stabilityOption(c.stability, source.stablePercentChange, labels.stability);
  }
}
