// What a question of the item block may be configured to, per kind. Question.config is JSON in the
// database; these schemas are the one place that says what it holds, and every reader parses it here.
import { z } from "zod";
import type { QuestionKind } from "@/lib/generated/prisma/enums";
import { formMessage, keyedIssue, type ErrorKey } from "@/lib/errors";

const ZText = z.string().trim().min(1).max(300);
const ZBand = z.tuple([z.number().int(), z.number().int()]);

export const ZOption = z
  .object({
    key: z.string().regex(/^[A-Za-z0-9_]{1,40}$/, formMessage("optionKey")),
    label: ZText,
    labelZh: ZText,
    /** Ordinal level of the option (familiarity: 4 very familiar … 1 unfamiliar). */
    level: z.number().int().min(0).max(100).optional(),
  })
  .strict();
export type QuestionOption = z.infer<typeof ZOption>;

export const ZScaleConfig = z
  .object({
    min: z.number().int().min(0).max(10),
    max: z.number().int().min(1).max(11),
    allowDontKnow: z.boolean(),
    agreeBand: ZBand,
    disagreeBand: ZBand,
    labels: z.record(z.string(), z.string().max(100)),
    labelsZh: z.record(z.string(), z.string().max(100)),
  })
  .strict()
  .superRefine((c, ctx) => {
    const problem = scaleProblem(c);
    if (problem) ctx.addIssue({ ...keyedIssue(problem.key, problem.values), path: [problem.path] });
  });
export type ScaleConfig = z.infer<typeof ZScaleConfig>;

type ScaleProblem = { path: string; key: ErrorKey; values: Record<string, number> };

function scaleProblem(c: { min: number; max: number; agreeBand: [number, number]; disagreeBand: [number, number] }): ScaleProblem | null {
  const { min, max } = c;
  if (min >= max) return { path: "max", key: "itemBlock.scaleUpwards", values: { min, max } };
  for (const [path, [low, high]] of [["agreeBand", c.agreeBand], ["disagreeBand", c.disagreeBand]] as const) {
    if (low > high) return { path, key: "itemBlock.bandOrder", values: { low, high } };
    if (low < min || high > max) return { path, key: "itemBlock.bandOutside", values: { low, high, min, max } };
  }
  const [a, d] = [c.agreeBand, c.disagreeBand];
  if (a[0] <= d[1] && d[0] <= a[1]) return { path: "disagreeBand", key: "itemBlock.bandsOverlap", values: { agreeLow: a[0], agreeHigh: a[1], disagreeLow: d[0], disagreeHigh: d[1] } };
  return null;
}

export const ZChoiceConfig = z
  .object({
    options: z.array(ZOption).min(2).max(60),
    allowDontKnow: z.boolean(),
    /** MULTI_CHOICE only: at most this many options may be ticked. */
    maxSelect: z.number().int().min(1).max(60).optional(),
  })
  .strict()
  .refine((c) => new Set(c.options.map((o) => o.key)).size === c.options.length, { message: formMessage("optionKeysUnique"), path: ["options"] });
export type ChoiceConfig = z.infer<typeof ZChoiceConfig>;

export const ZYearConfig = z
  .object({
    minYear: z.number().int().min(1900).max(2300),
    maxYear: z.number().int().min(1900).max(2300),
    allowAlready: z.boolean(),
    allowNever: z.boolean(),
    allowDontKnow: z.boolean(),
  })
  .strict()
  .refine((c) => c.minYear < c.maxYear, { message: formMessage("yearOrder"), path: ["maxYear"] });
export type YearConfig = z.infer<typeof ZYearConfig>;

export const ZTextConfig = z
  .object({
    maxLength: z.number().int().min(1).max(5000),
    /** Asked for (and on submission required) when an answer lies outside the previous round's IQR. */
    requiredOutsideIqr: z.boolean(),
  })
  .strict();
export type TextConfig = z.infer<typeof ZTextConfig>;

/** A ranking round's one question: select between min and max items and rank them. */
export const ZRankingConfig = z
  .object({ minSelect: z.number().int().min(1).max(100), maxSelect: z.number().int().min(1).max(100) })
  .strict()
  .refine((c) => c.minSelect <= c.maxSelect, { message: formMessage("selectionOrder"), path: ["maxSelect"] });
export type RankingConfig = z.infer<typeof ZRankingConfig>;

export const RANKING_QUESTION_KEY = "ranking";

export type QuestionConfig = ScaleConfig | ChoiceConfig | YearConfig | TextConfig | RankingConfig;

/** A question as stored, with its config parsed for its kind. */
export type ParsedQuestion =
  | { id: string; key: string; kind: "SCALE"; label: string; labelZh: string | null; required: boolean; config: ScaleConfig }
  | { id: string; key: string; kind: "CHOICE" | "MULTI_CHOICE"; label: string; labelZh: string | null; required: boolean; config: ChoiceConfig }
  | { id: string; key: string; kind: "YEAR"; label: string; labelZh: string | null; required: boolean; config: YearConfig }
  | { id: string; key: string; kind: "TEXT"; label: string; labelZh: string | null; required: boolean; config: TextConfig }
  | { id: string; key: typeof RANKING_QUESTION_KEY; kind: "RANKING"; label: string; labelZh: string | null; required: boolean; config: RankingConfig };

type StoredQuestion = { id: string; key: string; kind: QuestionKind; label: string; labelZh: string | null; required: boolean; config: unknown };

/** The zod schema of a question's config (a ranking round's question is keyed "ranking"). */
export function configSchemaFor(kind: QuestionKind, key: string) {
  if (key === RANKING_QUESTION_KEY && kind === "MULTI_CHOICE") return ZRankingConfig;
  switch (kind) {
    case "SCALE":
      return ZScaleConfig;
    case "CHOICE":
    case "MULTI_CHOICE":
      return ZChoiceConfig;
    case "YEAR":
      return ZYearConfig;
    case "TEXT":
      return ZTextConfig;
  }
}

/** Parses a stored question; a config that does not fit its kind is a defect, so this throws. */
export function parseQuestion(q: StoredQuestion): ParsedQuestion {
  const config = configSchemaFor(q.kind, q.key).parse(q.config);
  const base = { id: q.id, key: q.key, label: q.label, labelZh: q.labelZh, required: q.required };
  if (q.key === RANKING_QUESTION_KEY && q.kind === "MULTI_CHOICE") return { ...base, key: RANKING_QUESTION_KEY, kind: "RANKING", config: config as RankingConfig };
  return { ...base, kind: q.kind, config } as ParsedQuestion;
}
