// The statistics a closed rating round stores per item, question and subgroup (delphi-methods.md
// §3.1): scale questions through summariseScale (the `foresight delphi stats` numbers), years through
// summariseYears, choices as counts per option. Subgroups are the experts' sectors and their
// familiarity with the item; withheld rows follow suppression.ts. Pure: the caller reads and writes.
import { mean, quantile, sampleSd, summariseScale, type ScaleSummary } from "./statistics";
import { summariseYears, type YearAnswer } from "./year-summary";
import { compareRounds, type RoundComparison } from "./stability";
import { evaluateRules, type ConsensusRule, type RuleVerdict } from "./consensus";
import { suppressedGroups } from "./suppression";
import type { ChoiceConfig, ParsedQuestion, ScaleConfig } from "./question-config";
import { FAMILIARITY_KEY } from "./default-item-block";

export type StatAnswer = { itemId: string; questionId: string; expertId: string; numeric: number | null; choice: string | null; choices: string[]; dontKnow: boolean };
type Stat = number | null;
export type StatRow = {
  itemId: string;
  questionId: string;
  subgroup: string;
  n: number;
  dontKnow: number;
  distribution: Record<string, number>;
  mean: Stat; sd: Stat; median: Stat; q1: Stat; q3: Stat; iqr: Stat; cv: Stat;
  agreement: Stat;
  importanceIndex: Stat;
  consensus: { rules: RuleVerdict[]; stability: RoundComparison | null };
  suppressed: boolean;
};
export type RoundStatisticsInput = {
  items: readonly { id: string }[];
  questions: readonly ParsedQuestion[];
  answers: readonly StatAnswer[];
  /** Each expert's sector (ACADEMIA, INDUSTRY, …). */
  sectorOf: ReadonlyMap<string, string>;
  minN: number;
  rules: readonly (ConsensusRule & { questionKey: string })[];
  /** Previous-round scale answers per current item and question key, by expert (for stability). */
  previous: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;
};

type Values = Omit<StatRow, "itemId" | "questionId" | "subgroup" | "suppressed" | "consensus"> & { scale?: ScaleSummary };
const NONE = { mean: null, sd: null, median: null, q1: null, q3: null, iqr: null, cv: null, agreement: null, importanceIndex: null };

function scaleValues(answers: readonly StatAnswer[], config: ScaleConfig): Values {
  const values = answers.filter((a) => !a.dontKnow && a.numeric !== null).map((a) => a.numeric as number);
  const s = summariseScale(values, { min: config.min, max: config.max, agreeBand: config.agreeBand, disagreeBand: config.disagreeBand, dontKnow: answers.filter((a) => a.dontKnow).length });
  const { n, dontKnow, mean, sd, median, q1, q3, iqr, cv, agreement, importanceIndex } = s;
  return { n, dontKnow, distribution: s.distribution, mean, sd, median, q1, q3, iqr, cv, agreement, importanceIndex, scale: s };
}

/** Quartiles, mean and SD of numbers that need not be scale categories (years, choice levels). */
function spread(values: readonly number[]): Pick<Values, "mean" | "sd" | "median" | "q1" | "q3" | "iqr"> {
  if (values.length === 0) return { mean: null, sd: null, median: null, q1: null, q3: null, iqr: null };
  const [q1, median, q3] = [0.25, 0.5, 0.75].map((p) => quantile(values, p));
  return { mean: mean(values), sd: values.length >= 2 ? sampleSd(values) : null, median, q1, q3, iqr: q3 - q1 };
}

/** Years: n counts every answer but "don't know"; the quartiles are of the years given (summariseYears). */
function yearValues(answers: readonly StatAnswer[]): Values {
  const given: YearAnswer[] = answers.map((a) => (a.dontKnow ? "dont_know" : a.choice === "already" || a.choice === "never" ? a.choice : (a.numeric as number)));
  const y = summariseYears(given);
  const distribution: Record<string, number> = { already: y.already, never: y.never };
  for (const a of given) if (typeof a === "number") distribution[a] = (distribution[a] ?? 0) + 1;
  const years = given.filter((a): a is number => typeof a === "number");
  return { ...NONE, ...spread(years), median: y.median, q1: y.q1, q3: y.q3, n: y.n + y.already + y.never, dontKnow: y.dontKnow, distribution };
}

function choiceValues(answers: readonly StatAnswer[], config: ChoiceConfig, multi: boolean): Values {
  const given = answers.filter((a) => !a.dontKnow);
  const distribution = Object.fromEntries(config.options.map((o) => [o.key, 0]));
  for (const a of given) for (const key of multi ? a.choices : [a.choice]) if (key !== null && key in distribution) distribution[key]++;
  const levels = multi ? [] : given.filter((a) => a.numeric !== null).map((a) => a.numeric as number);
  return { ...NONE, ...spread(levels), n: given.length, dontKnow: answers.length - given.length, distribution };
}

function valuesFor(question: ParsedQuestion, answers: readonly StatAnswer[]): Values | null {
  switch (question.kind) {
    case "SCALE":
      return scaleValues(answers, question.config);
    case "YEAR":
      return yearValues(answers);
    case "CHOICE":
      return choiceValues(answers, question.config, false);
    case "MULTI_CHOICE":
      return choiceValues(answers, question.config, true);
    default:
      return null;
  }
}

/** Every statistic row of the round, in item order, then question order, "all" first. */
export function computeRoundStatistics(input: RoundStatisticsInput): StatRow[] {
  const familiarity = input.questions.find((q) => q.key === FAMILIARITY_KEY);
  return input.items.flatMap((item) => {
    const mine = input.answers.filter((a) => a.itemId === item.id);
    const levelOf = new Map(mine.filter((a) => a.questionId === familiarity?.id && a.numeric !== null).map((a) => [a.expertId, a.numeric as number]));
    return input.questions.flatMap((question) => questionRows(input, { itemId: item.id, question, answers: mine.filter((a) => a.questionId === question.id), levelOf }));
  });
}

type QuestionScope = { itemId: string; question: ParsedQuestion; answers: StatAnswer[]; levelOf: ReadonlyMap<string, number> };

function questionRows(input: RoundStatisticsInput, { itemId, question, answers, levelOf }: QuestionScope): StatRow[] {
  const all = valuesFor(question, answers);
  if (!all) return [];
  const families = [groupBy(answers, (a) => `sector:${input.sectorOf.get(a.expertId) ?? "OTHER"}`)];
  // Familiarity split by familiarity says nothing new.
  if (question.key !== FAMILIARITY_KEY) families.push(groupBy(answers, (a) => (levelOf.has(a.expertId) ? `familiarity:${levelOf.get(a.expertId)}` : null)));
  const rules = input.rules.filter((r) => r.questionKey === question.key);
  const row = (subgroup: string, v: Values, suppressed: boolean, stability: RoundComparison | null): StatRow => {
    const { scale, ...values } = v;
    return { itemId, questionId: question.id, subgroup, ...values, suppressed, consensus: { rules: scale ? evaluateRules(rules, scale) : [], stability } };
  };
  const rows = [row("all", all, all.n < input.minN, stabilityOf(input, { itemId, question, answers }))];
  for (const family of families) {
    const values = [...family].map(([key, group]) => ({ key, v: valuesFor(question, group) as Values }));
    const hidden = all.n < input.minN ? new Set(values.map((g) => g.key)) : suppressedGroups(values.map((g) => ({ key: g.key, n: g.v.n })), all.n, input.minN);
    for (const { key, v } of values.sort((a, b) => a.key.localeCompare(b.key))) rows.push(row(key, v, hidden.has(key), null));
  }
  return rows;
}

function groupBy(answers: readonly StatAnswer[], keyOf: (a: StatAnswer) => string | null): Map<string, StatAnswer[]> {
  const groups = new Map<string, StatAnswer[]>();
  for (const a of answers) {
    const key = keyOf(a);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return groups;
}

/** Scheibe's percentage change and Wilcoxon's p against the previous round (scale questions only). */
function stabilityOf(input: RoundStatisticsInput, { itemId, question, answers }: Omit<QuestionScope, "levelOf">): RoundComparison | null {
  if (question.kind !== "SCALE") return null;
  const previous = input.previous.get(itemId)?.get(question.key);
  const current = new Map(answers.filter((a) => !a.dontKnow && a.numeric !== null).map((a) => [a.expertId, a.numeric as number]));
  if (!previous || previous.size === 0 || current.size === 0) return null;
  return compareRounds({ previous, current, range: { min: question.config.min, max: question.config.max } });
}
