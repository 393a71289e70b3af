// Technologies across rounds. An item carried into the next round points back to its previous item
// (item.previousId), so each chain of items is one technology; the report shows it at its last
// closed rating round in scope, with the headline figures of every round before (stability across
// rounds). Pure: the loader reads the rows.
import { parseQuestion, type ParsedQuestion } from "@/lib/delphi/question-config";
import type { StoredStatistic } from "@/lib/delphi/feedback";
import { scaleFigures, yearFigures, type Band } from "./figures";
import type { InputItem, InputRound, ReportInput } from "./report-input";
import type { Evidence, Technology } from "./report-types";

export const REALISATION_KEY = "realisation_year";
export const APPLICATION_KEY = "application_year";

export type Headline = { key: string; label: string; labelZh: string | null; min: number; max: number; disagreeBand: Band | null };

/** The rounds a report covers: all, or those up to and including the round it is about. */
export function roundsInScope(input: Pick<ReportInput, "rounds" | "roundId">): InputRound[] {
  const rounds = [...input.rounds].sort((a, b) => a.number - b.number);
  if (!input.roundId) return rounds;
  const scoped = rounds.find((r) => r.id === input.roundId);
  return scoped ? rounds.filter((r) => r.number <= scoped.number) : [];
}

const closedRating = (rounds: readonly InputRound[]) => rounds.filter((r) => r.kind === "RATING" && r.status === "CLOSED");

/**
 * The scale question the report leads with: the first one the consensus rules judge, else
 * "importance", else the first scale question asked.
 */
export function headlineQuestion(rounds: readonly InputRound[], rules: readonly { questionKey: string }[]): Headline | null {
  const scales = rounds.flatMap((r) => r.questions).filter((q) => q.kind === "SCALE");
  const pick = rules.map((r) => scales.find((q) => q.key === r.questionKey)).find(Boolean) ?? scales.find((q) => q.key === "importance") ?? scales[0];
  if (!pick) return null;
  const parsed = parseQuestion({ ...pick, kind: "SCALE", required: false }) as Extract<ParsedQuestion, { kind: "SCALE" }>;
  return { key: pick.key, label: pick.label, labelZh: pick.labelZh, min: parsed.config.min, max: parsed.config.max, disagreeBand: parsed.config.disagreeBand };
}

/** Lookup of the overall statistic of an item for a question key in its round. */
export function statisticFinder(rounds: readonly InputRound[], statistics: readonly StoredStatistic[]) {
  const questionId = new Map(rounds.flatMap((r) => r.questions.map((q) => [`${r.id}|${q.key}`, q.id] as const)));
  const roundOf = new Map(rounds.flatMap((r) => r.items.map((i) => [i.id, r.id] as const)));
  const rows = new Map(statistics.filter((s) => s.subgroup === "all").map((s) => [`${s.itemId}|${s.questionId}`, s]));
  return (itemId: string, key: string): StoredStatistic | undefined => {
    const q = questionId.get(`${roundOf.get(itemId)}|${key}`);
    return q ? rows.get(`${itemId}|${q}`) : undefined;
  };
}

/** The first item of each item's chain, following previousId through the given rounds. */
export function chainRoots(rounds: readonly InputRound[]): Map<string, string> {
  const previous = new Map(rounds.flatMap((r) => r.items.map((i) => [i.id, i.previousId] as const)));
  const roots = new Map<string, string>();
  for (const id of previous.keys()) {
    let root = id;
    const seen = new Set<string>();
    while (previous.get(root) && previous.has(previous.get(root) as string) && !seen.has(root)) {
      seen.add(root);
      root = previous.get(root) as string;
    }
    roots.set(id, root);
  }
  return roots;
}

export function evidenceOf(value: unknown): Evidence | null {
  const e = value as { topTerms?: { term?: unknown }[]; documentCount?: unknown; growth?: unknown; documents?: { title?: unknown; year?: unknown; kind?: unknown }[] } | null;
  if (!e || typeof e !== "object" || (!Array.isArray(e.topTerms) && !Array.isArray(e.documents))) return null;
  return {
    topTerms: (e.topTerms ?? []).map((t) => String(t.term ?? "").replace(/_/g, " ")).filter(Boolean),
    documentCount: typeof e.documentCount === "number" ? e.documentCount : null,
    growth: typeof e.growth === "number" ? e.growth : null,
    documents: (e.documents ?? []).map((d) => ({ title: String(d.title ?? ""), year: typeof d.year === "number" ? d.year : null, kind: String(d.kind ?? "") })),
  };
}

type Located = { item: InputItem; round: InputRound };

/**
 * Every technology in scope at its last closed rating round; for a report about one rating round,
 * exactly that round's items.
 */
export function buildTechnologies(input: ReportInput, headline: Headline | null): Technology[] {
  const rounds = roundsInScope(input);
  const rated = closedRating(rounds);
  const roots = chainRoots(input.rounds);
  const find = statisticFinder(input.rounds, input.statistics);
  const chains = new Map<string, Located[]>();
  for (const round of rated) for (const item of round.items) chains.set(roots.get(item.id) as string, [...(chains.get(roots.get(item.id) as string) ?? []), { item, round }]);
  const scoped = rounds.find((r) => r.id === input.roundId);
  const onlyRound = scoped?.kind === "RATING" ? scoped.id : null;

  const technologies: Technology[] = [];
  for (const [key, located] of chains) {
    const chain = [...located].sort((a, b) => a.round.number - b.round.number);
    const last = chain[chain.length - 1];
    if (onlyRound && last.round.id !== onlyRound) continue;
    const headlineOf = (item: InputItem) => (headline ? scaleFigures(find(item.id, headline.key), headline.disagreeBand) : null);
    technologies.push({
      key,
      itemId: last.item.id,
      title: last.item.title,
      titleZh: last.item.titleZh,
      areaId: last.item.themeId ? (input.themeAreas.get(last.item.themeId) ?? null) : null,
      roundNumber: last.round.number,
      outcome: last.item.outcome,
      headline: headlineOf(last.item),
      realisation: yearFigures(find(last.item.id, REALISATION_KEY)),
      application: yearFigures(find(last.item.id, APPLICATION_KEY)),
      history: chain.map(({ item, round }) => ({ roundNumber: round.number, itemId: item.id, outcome: item.outcome, headline: headlineOf(item) })),
      evidence: evidenceOf(last.item.evidence),
    });
  }
  return technologies;
}
