// The `foresight delphi stats` contract: rounds of scale answers (and optionally rankings) in, the
// per-item statistics, round-to-round stability and Kendall's W out. The numbers come from the same
// functions that close a round (summariseScale, compareRounds, kendallW); this file only parses the
// file and arranges the answers.
//
// Edge cases, decided:
// - An item is listed in a round only if someone answered it there, so n ≥ 1 in the output (a
//   don't-know is an absent answer). n = 1 gives sd and cv null (no n − 1 spread); a mean of 0 (on
//   scales through zero) gives cv null.
// - Items are listed in the order of their first answer in the file; rounds by round number.
// - Stability pairs consecutive rounds *in which the item appears* (rounds 1 and 3 if it skipped 2).
//   wilcoxonP is 1 when every paired difference is zero and null when no expert answered both.
// - Rankings may tie items (an inner array); ties take average ranks and W is tie-corrected, so
//   χ² equals the Friedman statistic of scipy.stats.friedmanchisquare and R's friedman.test.
import { z } from "zod";
import { summariseScale, type Band, type ScaleSummary } from "./statistics";
import { compareRounds, kendallW } from "./stability";

/** Wider scales are not Delphi rating scales, and every category is looped over. */
const MAX_CATEGORIES = 101;
const id = z.string().min(1, "must not be empty");

const ZAnswer = z.strictObject({ expert: id, item: id, value: z.number() });
const ZRanking = z.strictObject({ expert: id, order: z.array(z.union([id, z.array(id).min(1)])) });

const ZShape = z.strictObject({
  scale: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  agreeBand: z.tuple([z.number(), z.number()]),
  disagreeBand: z.tuple([z.number(), z.number()]),
  rounds: z.array(z.strictObject({ round: z.number().int().positive(), answers: z.array(ZAnswer) })).min(1),
  rankings: z.array(ZRanking).optional(),
});
type Shape = z.infer<typeof ZShape>;
type Issue = { path: Array<string | number>; message: string };

export const ZDelphiStatsInput = ZShape.superRefine((input, ctx) => {
  for (const issue of consistencyIssues(input)) ctx.addIssue({ code: "custom", ...issue });
});
export type DelphiStatsInput = z.infer<typeof ZDelphiStatsInput>;

function consistencyIssues(input: Shape): Issue[] {
  const { min, max } = input.scale;
  if (min >= max) return [{ path: ["scale"], message: `min (${min}) must be below max (${max})` }];
  if (max - min + 1 > MAX_CATEGORIES) {
    return [{ path: ["scale"], message: `${min}–${max} has more than ${MAX_CATEGORIES} categories` }];
  }
  return [...bandIssues(input), ...answerIssues(input), ...rankingIssues(input.rankings ?? null)];
}

const bandText = ([lo, hi]: readonly number[]): string => `[${lo}, ${hi}]`;

function bandIssues({ scale, agreeBand, disagreeBand }: Shape): Issue[] {
  const issues: Issue[] = [];
  for (const [name, band] of Object.entries({ agreeBand, disagreeBand })) {
    if (band[0] > band[1]) issues.push({ path: [name], message: `${bandText(band)} must list its lower end first` });
    else if (band[0] < scale.min || band[1] > scale.max) {
      issues.push({ path: [name], message: `${bandText(band)} reaches outside the scale ${scale.min}–${scale.max}` });
    }
  }
  if (issues.length === 0 && agreeBand[0] <= disagreeBand[1] && disagreeBand[0] <= agreeBand[1]) {
    issues.push({ path: ["disagreeBand"], message: `${bandText(disagreeBand)} overlaps agreeBand ${bandText(agreeBand)}` });
  }
  return issues;
}

function answerIssues({ scale, rounds }: Shape): Issue[] {
  const issues: Issue[] = [];
  const seenRounds = new Map<number, number>();
  rounds.forEach((round, r) => {
    const earlier = seenRounds.get(round.round);
    if (earlier !== undefined) {
      issues.push({ path: ["rounds", r, "round"], message: `round ${round.round} is already rounds[${earlier}]` });
    } else seenRounds.set(round.round, r);
    const answered = new Map<string, number>();
    round.answers.forEach(({ expert, item, value }, a) => {
      const path = ["rounds", r, "answers", a];
      if (!Number.isInteger(value) || value < scale.min || value > scale.max) {
        const why = Number.isInteger(value) ? "is outside" : "is not a whole-number category of";
        issues.push({ path: [...path, "value"], message: `${value} ${why} the scale ${scale.min}–${scale.max}` });
      }
      const key = JSON.stringify([expert, item]);
      const first = answered.get(key);
      if (first !== undefined) {
        issues.push({ path, message: `expert "${expert}" already answered item "${item}" in answers[${first}]` });
      } else answered.set(key, a);
    });
  });
  return issues;
}

type Rankings = NonNullable<Shape["rankings"]>;

function rankingIssues(rankings: Rankings | null): Issue[] {
  if (rankings === null) return [];
  if (rankings.length < 2) {
    return [{ path: ["rankings"], message: `Kendall's W needs at least two rankings, got ${rankings.length}` }];
  }
  const issues: Issue[] = [];
  const experts = new Map<string, number>();
  const itemSets = rankings.map((ranking, r) => {
    const earlier = experts.get(ranking.expert);
    if (earlier !== undefined) {
      const message = `expert "${ranking.expert}" already ranked in rankings[${earlier}]`;
      issues.push({ path: ["rankings", r, "expert"], message });
    } else experts.set(ranking.expert, r);
    const items = new Set<string>();
    ranking.order.forEach((entry, position) => {
      for (const item of typeof entry === "string" ? [entry] : entry) {
        if (items.has(item)) issues.push({ path: ["rankings", r, "order", position], message: `item "${item}" is ranked twice` });
        items.add(item);
      }
    });
    return items;
  });
  if (itemSets[0].size < 2) issues.push({ path: ["rankings", 0, "order"], message: "must rank at least two items" });
  issues.push(...itemSets.flatMap((items, r) => itemSetIssue(items, itemSets[0], r)));
  if (issues.length === 0 && rankings.every((ranking) => ranking.order.length === 1)) {
    issues.push({ path: ["rankings"], message: "every ranking ties all its items, so W is undefined" });
  }
  return issues;
}

/** Kendall's W needs complete rankings: every expert ranks exactly the items of the first ranking. */
function itemSetIssue(items: Set<string>, first: Set<string>, r: number): Issue[] {
  const extra = [...items].filter((item) => !first.has(item));
  const missing = [...first].filter((item) => !items.has(item));
  if (extra.length === 0 && missing.length === 0) return [];
  const parts = [extra.length ? `ranks ${quoted(extra)} not in rankings[0]` : "", missing.length ? `leaves out ${quoted(missing)}` : ""];
  return [{ path: ["rankings", r, "order"], message: parts.filter(Boolean).join(" and ") }];
}

const quoted = (items: string[]): string => items.map((item) => `"${item}"`).join(", ");

/** `rounds[1].answers[3].value`: zero-based, as jq and JavaScript address the file. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return "input";
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

export type ParsedStatsInput = { ok: true; input: DelphiStatsInput } | { ok: false; errors: string[] };

/** Validates a parsed JSON document; every problem comes back as "path: message". */
export function parseDelphiStatsInput(raw: unknown): ParsedStatsInput {
  const parsed = ZDelphiStatsInput.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) };
}

type Stat = number | null;
export type ItemStats = {
  item: string;
  n: number;
  mean: Stat; sd: Stat; median: Stat; q1: Stat; q3: Stat; iqr: Stat; cv: Stat;
  agreement: Stat; disagreement: Stat;
  comet7015: ScaleSummary["comet7015"];
  /** Only on 1–9 scales. */
  ipr?: Stat; ipras?: Stat; randDisagreement?: boolean | null;
};
export type StabilityRow = { item: string; fromRound: number; toRound: number; percentChange: number; wilcoxonP: Stat };
export type DelphiStatsOutput = {
  rounds: Array<{ round: number; items: ItemStats[] }>;
  stability: StabilityRow[];
  kendallW?: { w: number; chiSquare: number; p: number };
};

function itemStats(item: string, values: number[], input: DelphiStatsInput): ItemStats {
  const { agreeBand, disagreeBand } = input;
  const s = summariseScale(values, { ...input.scale, agreeBand: agreeBand as Band, disagreeBand: disagreeBand as Band });
  const stats: ItemStats = {
    item, n: s.n, mean: s.mean, sd: s.sd, median: s.median, q1: s.q1, q3: s.q3, iqr: s.iqr, cv: s.cv,
    agreement: s.agreement, disagreement: s.disagreement, comet7015: s.comet7015,
  };
  if (s.ipr === undefined) return stats;
  return { ...stats, ipr: s.ipr, ipras: s.ipras ?? null, randDisagreement: s.randDisagreement ?? null };
}

type RoundAnswers = { round: number; byItem: Map<string, Map<string, number>> };

/** One round's answers as item → expert → value. */
function groupRound(round: DelphiStatsInput["rounds"][number]): RoundAnswers {
  const byItem = new Map<string, Map<string, number>>();
  for (const { expert, item, value } of round.answers) {
    byItem.set(item, (byItem.get(item) ?? new Map<string, number>()).set(expert, value));
  }
  return { round: round.round, byItem };
}

/** One row per pair of consecutive rounds in which the item was answered. */
function stabilityRows(item: string, rounds: RoundAnswers[], input: DelphiStatsInput): StabilityRow[] {
  const seen = rounds.filter(({ byItem }) => byItem.has(item));
  return seen.slice(1).map((to, k) => {
    const from = seen[k];
    const previous = from.byItem.get(item) as Map<string, number>;
    const current = to.byItem.get(item) as Map<string, number>;
    const { percentChange, wilcoxonP } = compareRounds({ previous, current, range: input.scale });
    return { item, fromRound: from.round, toRound: to.round, percentChange, wilcoxonP };
  });
}

/** Statistics for a validated input (see the header for the edge cases). Pure; the input is not changed. */
export function computeDelphiStats(input: DelphiStatsInput): DelphiStatsOutput {
  const itemOrder = [...new Set(input.rounds.flatMap((round) => round.answers.map((a) => a.item)))];
  const rounds = [...input.rounds].sort((a, b) => a.round - b.round).map(groupRound);
  const output: DelphiStatsOutput = {
    rounds: rounds.map(({ round, byItem }) => ({
      round,
      items: itemOrder.flatMap((item) => {
        const answers = byItem.get(item);
        return answers ? [itemStats(item, [...answers.values()], input)] : [];
      }),
    })),
    stability: itemOrder.flatMap((item) => stabilityRows(item, rounds, input)),
  };
  if (input.rankings) {
    const { w, chiSquare, p } = kendallW(input.rankings.map((ranking) => ranking.order));
    output.kendallW = { w, chiSquare, p };
  }
  return output;
}
