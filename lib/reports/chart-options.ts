// ECharts options of the Delphi charts, shared by the report page (drawn in the browser) and the
// downloadable report file (drawn to SVG on the server, chart-svg.ts), so both show the same figures.
// Only chart types the dashboard registers are used: boxplot, bar and scatter, with mark lines.
import type { EChartsOption } from "echarts";
import type { BoxRow, ConsensusRound, Outcome, RadarPoint, StabilityRow, TimelineRow } from "./report-types";
import { OUTCOMES } from "./report-types";

export const OUTCOME_COLOUR: Record<Outcome, string> = {
  ACCEPTED: "#2b8a3e",
  REJECTED: "#c92a2a",
  DISSENT: "#e8590c",
  CARRIED_OVER: "#1d5fbf",
  PENDING: "#868e96",
};

type Titled = { title: string; titleZh: string | null };
export type OutcomeNames = Record<Outcome, string>;

/** The title in the reader's language where there is one. */
export const localTitle = (row: Titled, locale: string): string => (locale === "zh" && row.titleZh ? row.titleZh : row.title);

/** Year axis bounds on whole five-year marks around the years shown (and the horizon). */
export function yearBounds(years: readonly number[]): { min: number; max: number } {
  if (years.length === 0) return { min: 2025, max: 2050 };
  return { min: Math.floor((Math.min(...years) - 1) / 5) * 5, max: Math.ceil((Math.max(...years) + 1) / 5) * 5 };
}

const category = (names: string[], width = 190) => ({ type: "category" as const, data: names, axisLabel: { width, overflow: "truncate" as const } });

export type BoxOptionLabels = { locale: string; axis: string; series: string; outcomes: OutcomeNames };

/** One horizontal box per technology whose figures are shown, first technology on top. */
export function boxPlotOption(rows: readonly BoxRow[], scale: [number, number], labels: BoxOptionLabels): EChartsOption {
  const drawn = rows.filter((r) => r.box).reverse();
  return {
    animation: false,
    tooltip: { trigger: "item" },
    grid: { left: 210, right: 30, top: 20, bottom: 44 },
    xAxis: { type: "value", min: scale[0], max: scale[1], interval: 1, name: labels.axis, nameLocation: "middle", nameGap: 28 },
    yAxis: category(drawn.map((r) => localTitle(r, labels.locale))),
    series: [
      {
        type: "boxplot",
        name: labels.series,
        data: drawn.map((r) => ({ value: r.box as number[], name: labels.outcomes[r.outcome], key: r.key, itemStyle: { borderColor: OUTCOME_COLOUR[r.outcome], color: `${OUTCOME_COLOUR[r.outcome]}33` } })),
      },
    ],
  };
}

export type TimelineLabels = { locale: string; axis: string; realisation: string; application: string; horizon: string };

/** Q1–Q3 years as a box with the median, technological realisation and wide application side by side. */
export function timelineOption(rows: readonly TimelineRow[], horizonYear: number | null, labels: TimelineLabels): EChartsOption {
  const ordered = [...rows].reverse();
  const years = rows.flatMap((r) => [...(r.realisation ?? []), ...(r.application ?? [])]);
  if (horizonYear !== null) years.push(horizonYear);
  const { min, max } = yearBounds(years);
  // Q1 to Q3 as the box, the median inside; the whiskers collapse onto the quartiles.
  const box = (key: string, q: [number, number, number] | null) => ({ value: q ? [q[0], q[0], q[1], q[2], q[2]] : "-", key });
  return {
    animation: false,
    tooltip: { trigger: "item" },
    legend: { top: 0 },
    grid: { left: 210, right: 30, top: 48, bottom: 44 },
    xAxis: { type: "value", min, max, name: labels.axis, nameLocation: "middle", nameGap: 28, axisLabel: { formatter: (v: number) => String(v) } },
    yAxis: category(ordered.map((r) => localTitle(r, labels.locale))),
    series: [
      {
        type: "boxplot",
        name: labels.realisation,
        itemStyle: { color: "#d0ebff", borderColor: "#1d5fbf" },
        data: ordered.map((r) => box(r.key, r.realisation)),
        ...(horizonYear !== null ? { markLine: { symbol: "none", label: { formatter: labels.horizon, position: "insideEndTop" }, lineStyle: { type: "dashed", color: "#495057" }, data: [{ xAxis: horizonYear }] } } : {}),
      },
      { type: "boxplot", name: labels.application, itemStyle: { color: "#ffe8cc", borderColor: "#d9480f" }, data: ordered.map((r) => box(r.key, r.application)) },
    ] as EChartsOption["series"],
  };
}

/** Area names by area id; the key "" names technologies without an area. */
export type RadarLabels = { locale: string; axis: string; outcomes: OutcomeNames; areaNames: Record<string, string> };

/** Bubble size: 6 px at importance index 0, 36 px at 100. */
export const radarSize = (importanceIndex: number): number => 6 + (Math.max(0, Math.min(100, importanceIndex)) / 100) * 30;

/**
 * The technology radar laid out on a grid: one row per area, the median year of technological
 * realisation across, each bubble sized by the importance index and coloured by consensus status.
 */
export function radarOption(points: readonly RadarPoint[], horizonYear: number | null, labels: RadarLabels): EChartsOption {
  const areaName = (id: string | null) => labels.areaNames[id ?? ""] ?? labels.areaNames[""] ?? "—";
  const areas = [...new Set(points.map((p) => areaName(p.areaId)))];
  const years = points.map((p) => p.year);
  if (horizonYear !== null) years.push(horizonYear);
  const outcomes = OUTCOMES.filter((o) => points.some((p) => p.outcome === o));
  return {
    animation: false,
    tooltip: { trigger: "item" },
    legend: { top: 0 },
    grid: { left: 170, right: 40, top: 48, bottom: 44 },
    xAxis: { type: "value", ...yearBounds(years), name: labels.axis, nameLocation: "middle", nameGap: 28, axisLabel: { formatter: (v: number) => String(v) } },
    yAxis: { ...category(areas, 160), splitLine: { show: true } },
    series: outcomes.map((outcome, i) => ({
      type: "scatter",
      name: labels.outcomes[outcome],
      itemStyle: { color: OUTCOME_COLOUR[outcome], opacity: 0.8 },
      symbolSize: (value: unknown[]) => radarSize(Number(value[2])),
      data: points.filter((p) => p.outcome === outcome).map((p) => [p.year, areaName(p.areaId), p.importanceIndex, localTitle(p, labels.locale), p.key]),
      ...(i === 0 && horizonYear !== null ? { markLine: { symbol: "none", lineStyle: { type: "dashed", color: "#495057" }, data: [{ xAxis: horizonYear }] } } : {}),
    })) as EChartsOption["series"],
  };
}

/** Round names by round number. */
export type ConsensusLabels = { axis: string; outcomes: OutcomeNames; rounds: Record<number, string> };

/** Items per outcome in each closed rating round, stacked. */
export function consensusOption(rounds: readonly ConsensusRound[], labels: ConsensusLabels): EChartsOption {
  const outcomes = OUTCOMES.filter((o) => rounds.some((r) => (r.counts[o] ?? 0) > 0));
  return {
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 36, bottom: 40 },
    xAxis: { type: "category", data: rounds.map((r) => labels.rounds[r.number] ?? String(r.number)) },
    yAxis: { type: "value", name: labels.axis, minInterval: 1 },
    series: outcomes.map((o) => ({ type: "bar", stack: "outcomes", name: labels.outcomes[o], itemStyle: { color: OUTCOME_COLOUR[o] }, data: rounds.map((r) => r.counts[o] ?? 0) })),
  };
}

export type StabilityLabels = { locale: string; axis: string; series: string; threshold: string; rounds: Record<number, string> };

/** "Solid-state batteries · Round 2": a technology may be compared at several rounds. */
export const stabilityRowName = (r: StabilityRow, labels: Pick<StabilityLabels, "locale" | "rounds">): string => `${localTitle(r, labels.locale)} · ${labels.rounds[r.roundNumber] ?? r.roundNumber}`;

/** Scheibe's percentage change per technology and round, with the 15 % line under which it is stable. */
export function stabilityOption(rows: readonly StabilityRow[], stableBelow: number, labels: StabilityLabels): EChartsOption {
  const ordered = [...rows].reverse();
  return {
    animation: false,
    tooltip: { trigger: "item" },
    grid: { left: 230, right: 40, top: 20, bottom: 44 },
    xAxis: { type: "value", min: 0, max: Math.max(0.5, ...rows.map((r) => r.percentChange)), name: labels.axis, nameLocation: "middle", nameGap: 28, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: category(ordered.map((r) => stabilityRowName(r, labels)), 210),
    series: [
      {
        type: "bar",
        name: labels.series,
        data: ordered.map((r) => ({ value: r.percentChange, key: r.key, round: r.roundNumber, itemStyle: { color: r.percentChange < stableBelow ? "#2b8a3e" : "#e8590c" } })),
        markLine: { symbol: "none", label: { formatter: labels.threshold }, lineStyle: { type: "dashed", color: "#495057" }, data: [{ xAxis: stableBelow }] },
      },
    ],
  };
}
