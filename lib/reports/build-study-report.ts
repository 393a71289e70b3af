// The consensus report of a study, or of one round, from the rows the loader read: summary, method,
// results per area, key technologies, minority views and the Delphi charts. Pure and deterministic:
// the same rows give the same report, which is what a stored issue freezes.
import type { ReportInput } from "./report-input";
import type { Area, KeyTechnologies, StudyReport, Summary, Technology } from "./report-types";
import { buildTechnologies, headlineQuestion, roundsInScope } from "./technologies";
import { buildMethod } from "./method";
import { buildKeyTechnologies } from "./key-technologies";
import { buildMinorityViews } from "./minority-views";
import { buildCharts } from "./delphi-charts";

/** Technologies grouped by their theme's area, areas by label, technologies without an area last. */
export function groupByArea(technologies: readonly Technology[], areas: ReportInput["areas"]): Area[] {
  const known = new Map(areas.map((a) => [a.id, a]));
  const groups = new Map<string | null, Technology[]>();
  for (const t of technologies) {
    const id = t.areaId && known.has(t.areaId) ? t.areaId : null;
    groups.set(id, [...(groups.get(id) ?? []), t]);
  }
  return [...groups]
    .map(([id, list]): Area => ({ id, label: id ? known.get(id)!.label : "", labelZh: id ? known.get(id)!.labelZh : null, technologies: list }))
    .sort((a, b) => (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0) || a.label.localeCompare(b.label));
}

function summaryOf(technologies: readonly Technology[], key: KeyTechnologies, closedRounds: number, respondents: number): Summary {
  const outcomes: Summary["outcomes"] = {};
  for (const t of technologies) outcomes[t.outcome] = (outcomes[t.outcome] ?? 0) + 1;
  const top = key.basis === "ranking" || key.basis === "importance" ? key.items.slice(0, 3).map((k) => ({ title: k.title, titleZh: k.titleZh })) : [];
  return { technologies: technologies.length, closedRounds, respondents, outcomes, top, kendallW: key.basis === "ranking" ? (key.kendallW?.w ?? null) : null };
}

export function buildStudyReport(input: ReportInput): StudyReport {
  const rounds = roundsInScope(input);
  const headline = headlineQuestion(rounds, input.rules);
  const technologies = buildTechnologies(input, headline);
  const method = buildMethod(input, rounds, headline);
  const keyTechnologies = buildKeyTechnologies(input, technologies);
  const scoped = rounds.find((r) => r.id === input.roundId) ?? null;
  return {
    version: 1,
    generatedAt: input.generatedAt.toISOString(),
    study: input.study,
    round: scoped && { id: scoped.id, number: scoped.number, title: scoped.title, kind: scoped.kind },
    summary: summaryOf(technologies, keyTechnologies, rounds.filter((r) => r.status === "CLOSED").length, method.panel.responded),
    method,
    areas: groupByArea(technologies, input.areas),
    keyTechnologies,
    minorityViews: buildMinorityViews(input, technologies),
    charts: buildCharts(technologies, rounds, headline),
  };
}
