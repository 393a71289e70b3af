// A small Delphi study as the report loader would read it, with statistics computed by the same
// functions closeRound uses (computeRoundStatistics, itemOutcome), so the stored rows are real ones.
import { computeRoundStatistics, type StatAnswer, type StatRow } from "@/lib/delphi/round-statistics";
import { parseQuestion } from "@/lib/delphi/question-config";
import { DEFAULT_CONSENSUS_RULES, DEFAULT_ITEM_BLOCK } from "@/lib/delphi/default-item-block";
import { toConsensusRule } from "@/lib/delphi/consensus-rules";
import { itemOutcome } from "@/lib/delphi/item-outcome";
import { summariseRankings } from "@/lib/delphi/ranking-statistics";
import type { StoredStatistic } from "@/lib/delphi/feedback";
import type { InputItem, InputNote, InputRound, ReportInput } from "@/lib/reports/report-input";

export const EXPERTS = ["e1", "e2", "e3", "e4", "e5"];
export const SECTOR: Record<string, string> = { e1: "ACADEMIA", e2: "ACADEMIA", e3: "INDUSTRY", e4: "GOVERNMENT", e5: "INDUSTRY" };
const RULES = DEFAULT_CONSENSUS_RULES.map((r) => ({ kind: r.kind, questionKey: r.questionKey, params: r.params }));

/** Answers per item: importance by expert (null: did not answer), realisation years by expert. */
export type ItemSpec = { id: string; title: string; titleZh?: string; themeId?: string | null; previousId?: string | null; importance: (number | null)[]; years?: (number | "never" | null)[] };

const questionsOf = (roundId: string) =>
  DEFAULT_ITEM_BLOCK.map((q, position) => ({ id: `${roundId}:${q.key}`, key: q.key, kind: q.kind as string, label: q.label, labelZh: q.labelZh, config: q.config, position }));

function answersOf(roundId: string, specs: ItemSpec[]): StatAnswer[] {
  return specs.flatMap((item) => [
    ...item.importance.flatMap((v, e) => (v === null ? [] : [{ itemId: item.id, questionId: `${roundId}:importance`, expertId: EXPERTS[e], numeric: v, choice: null, choices: [], dontKnow: false }])),
    ...(item.years ?? []).flatMap((y, e) =>
      y === null ? [] : [{ itemId: item.id, questionId: `${roundId}:realisation_year`, expertId: EXPERTS[e], numeric: y === "never" ? null : y, choice: y === "never" ? "never" : null, choices: [], dontKnow: false }],
    ),
  ]);
}

const stored = (rows: StatRow[]): StoredStatistic[] => rows.map((r) => ({ ...r, quantileMethod: "hyndman-fan-7", consensus: r.consensus as unknown }));

/** A closed rating round: statistics as closeRound computes them and each item's outcome. */
export function ratingRound(options: { id: string; number: number; minN?: number; items: ItemSpec[]; previous?: { round: InputRound; statistics: StoredStatistic[]; answers: StatAnswer[] } }) {
  const { id, number, items } = options;
  const minN = options.minN ?? 3;
  const questions = questionsOf(id);
  const parsed = questions.filter((q) => q.kind !== "TEXT").map((q) => parseQuestion({ ...q, kind: q.kind as never, required: false }));
  const answers = answersOf(id, items);
  const previous = new Map<string, Map<string, Map<string, number>>>();
  for (const item of items.filter((i) => i.previousId)) {
    const before = (options.previous?.answers ?? []).filter((a) => a.itemId === item.previousId && a.questionId.endsWith(":importance") && a.numeric !== null);
    previous.set(item.id, new Map([["importance", new Map(before.map((a) => [a.expertId, a.numeric as number]))]]));
  }
  const rows = computeRoundStatistics({ items, questions: parsed, answers, sectorOf: new Map(Object.entries(SECTOR)), minN, rules: RULES.map(toConsensusRule), previous });
  const inputItems: InputItem[] = items.map((spec, position) => {
    const overall = rows.filter((r) => r.itemId === spec.id && r.subgroup === "all");
    const outcome = itemOutcome(overall.map((r) => ({ n: r.n, verdicts: r.consensus.rules, stability: r.consensus.stability })), minN);
    return {
      id: spec.id, position, title: spec.title, titleZh: spec.titleZh ?? null, themeId: spec.themeId ?? null, outcome, previousId: spec.previousId ?? null,
      evidence: spec.themeId ? { topTerms: [{ term: `${spec.id}_term`, weight: 0.2 }], documentCount: 12, growth: 0.3, documents: [{ title: `Paper on ${spec.title}`, year: 2024, kind: "PAPER" }] } : {},
    };
  });
  const round: InputRound = { id, number, kind: "RATING", title: `Round ${number}`, status: "CLOSED", minN, openedAt: new Date(Date.UTC(2026, number, 1)), closedAt: new Date(Date.UTC(2026, number, 20)), items: inputItems, questions };
  return { round, statistics: stored(rows), answers };
}

/** A closed ranking round of the given candidates (items pointing back to rated items). */
export function rankingRound(options: { id: string; number: number; minN?: number; candidates: { id: string; previousId: string; title: string }[]; rankings: string[][] }) {
  const { id, number, candidates, rankings } = options;
  const minN = options.minN ?? 3;
  const summary = summariseRankings(candidates.map((c) => c.id), rankings);
  const kendallW = summary.kendallW && { ...summary.kendallW, rankings: summary.rankings, candidates: summary.candidates };
  const statistics: StoredStatistic[] = summary.items.map((s) => ({
    itemId: s.itemId, questionId: `${id}:ranking`, subgroup: "all", n: s.selected, dontKnow: 0, distribution: s.places, mean: s.meanRank, sd: null, median: null, q1: null, q3: null, iqr: null, cv: null,
    agreement: null, importanceIndex: null, quantileMethod: "none", consensus: { kendallW, rankings: summary.rankings }, suppressed: summary.rankings < minN,
  }));
  const round: InputRound = {
    id, number, kind: "RANKING", title: `Round ${number}: key technologies`, status: "CLOSED", minN, openedAt: null, closedAt: new Date(Date.UTC(2026, number, 20)),
    items: candidates.map((c, position) => ({ id: c.id, position, title: c.title, titleZh: null, themeId: null, outcome: "PENDING", previousId: c.previousId, evidence: {} })),
    questions: [{ id: `${id}:ranking`, key: "ranking", kind: "MULTI_CHOICE", label: "Select and rank the key technologies", labelZh: "选择关键技术并排序", config: { minSelect: 1, maxSelect: 3 } }],
  };
  return { round, statistics, summary };
}

/** Round 1: A accepted, B carried, C rejected, D below the minimum n; round 2: B settles as dissent, D accepted. */
export function twoRoundStudy(options: { notes?: InputNote[]; roundId?: string | null } = {}) {
  const r1 = ratingRound({
    id: "r1",
    number: 1,
    items: [
      { id: "a1", title: "Solid-state batteries", titleZh: "固态电池", themeId: "t1", importance: [4, 5, 5, 4, 5], years: [2030, 2032, 2035, 2030, "never"] },
      { id: "b1", title: "Fusion power", themeId: "t2", importance: [1, 3, 5, 2, 4], years: [2045, 2050, 2060, 2040, 2055] },
      { id: "c1", title: "Cold fusion", themeId: "t3", importance: [1, 2, 1, 2, 1] },
      { id: "d1", title: "Hydrogen steel", importance: [4, 5, null, null, null] },
    ],
  });
  const r2 = ratingRound({
    id: "r2",
    number: 2,
    previous: r1,
    items: [
      { id: "b2", title: "Fusion power", themeId: "t2", previousId: "b1", importance: [1, 3, 5, 2, 4], years: [2045, 2050, 2060, 2040, 2055] },
      { id: "d2", title: "Hydrogen steel", previousId: "d1", importance: [4, 5, 4, 4, 5], years: [2032, 2034, 2033, 2036, 2031] },
    ],
  });
  const input: ReportInput = {
    study: { id: "s", name: "Energy futures", question: "Which energy technologies matter by 2040?", scope: "", horizonYear: 2040, homeCountry: "CN" },
    rounds: [r1.round, r2.round],
    rules: RULES,
    themeAreas: new Map([["t1", "area-energy"], ["t2", "area-energy"], ["t3", "area-physics"]]),
    areas: [{ id: "area-energy", label: "Energy", labelZh: "能源" }, { id: "area-physics", label: "Physics", labelZh: null }],
    statistics: [...r1.statistics, ...r2.statistics],
    invitations: [
      ...EXPERTS.map((e, i) => ({ roundId: "r1", expert: i + 1, sector: SECTOR[e], submitted: true })),
      ...EXPERTS.map((e, i) => ({ roundId: "r2", expert: i + 1, sector: SECTOR[e], submitted: true })),
      { roundId: "r2", expert: 6, sector: "OTHER", submitted: false },
    ],
    notes: options.notes ?? [],
    roundId: options.roundId ?? null,
    generatedAt: new Date("2026-06-01T08:00:00Z"),
  };
  return { input, r1, r2 };
}
