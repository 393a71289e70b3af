// One answer checked against its question: what may be stored in the answer row for each kind of
// question. Scale values and years are whole numbers; a choice's level (familiarity 4 … 1) is kept in
// `numeric` so statistics and subgroups read one column.
import { z } from "zod";
import { invalid, type Localised } from "@/lib/errors";
import type { ParsedQuestion } from "@/lib/delphi/question-config";

export const YEAR_CHOICES = ["already", "never"] as const;

export const ZAnswerInput = z
  .object({
    itemId: z.string().min(1),
    questionKey: z.string().min(1).max(64),
    value: z.number().finite().nullable().default(null),
    choice: z.string().max(40).optional(),
    choices: z.array(z.string().max(40)).max(60).optional(),
    text: z.string().max(5000).optional(),
    dontKnow: z.boolean().default(false),
    /** Removes the stored answer (an emptied year, text or set of ticks). */
    clear: z.boolean().default(false),
  })
  .strict();
export type AnswerInput = z.infer<typeof ZAnswerInput>;

export type AnswerValue = { numeric: number | null; choice: string | null; choices: string[]; text: string | null; dontKnow: boolean };

const DONT_KNOW: AnswerValue = { numeric: null, choice: null, choices: [], text: null, dontKnow: true };
const empty = (v: Partial<AnswerValue>): AnswerValue => ({ numeric: null, choice: null, choices: [], text: null, dontKnow: false, ...v });

/** The question's label for a message, Chinese where the item block has one. */
const labelOf = (question: ParsedQuestion): Localised => ({ en: question.label, zh: question.labelZh });

function dontKnow(question: ParsedQuestion & { config: { allowDontKnow: boolean } }): AnswerValue {
  if (!question.config.allowDontKnow) throw invalid("answers.noDontKnow", { question: labelOf(question) });
  return DONT_KNOW;
}

const isWhole = (v: number | null, lo: number, hi: number): v is number => v !== null && Number.isInteger(v) && v >= lo && v <= hi;

/** The row values for one answer, or "clear"; throws `invalid` with the question's label otherwise. */
export function answerValue(question: ParsedQuestion, input: AnswerInput): AnswerValue | "clear" {
  if (input.clear) return "clear";
  switch (question.kind) {
    case "SCALE": {
      if (input.dontKnow) return dontKnow(question);
      const { min, max } = question.config;
      if (!isWhole(input.value, min, max)) throw invalid("answers.wholeNumber", { question: labelOf(question), min, max });
      return empty({ numeric: input.value });
    }
    case "CHOICE": {
      if (input.dontKnow) return dontKnow(question);
      const chosen = question.config.options.find((o) => o.key === input.choice);
      if (!chosen) throw invalid("answers.chooseOption", { question: labelOf(question) });
      return empty({ choice: chosen.key, numeric: chosen.level ?? null });
    }
    case "MULTI_CHOICE": {
      if (input.dontKnow) return dontKnow(question);
      const choices = input.choices ?? [];
      const keys = new Set(question.config.options.map((o) => o.key));
      if (choices.length === 0) throw invalid("answers.tickOne", { question: labelOf(question) });
      if (new Set(choices).size !== choices.length || choices.some((c) => !keys.has(c))) throw invalid("answers.tickListed", { question: labelOf(question) });
      const max = question.config.maxSelect;
      if (max !== undefined && choices.length > max) throw invalid("answers.tickAtMost", { question: labelOf(question), max });
      return empty({ choices: question.config.options.map((o) => o.key).filter((k) => choices.includes(k)) });
    }
    case "YEAR": {
      if (input.dontKnow) return dontKnow(question);
      const { minYear, maxYear, allowAlready, allowNever } = question.config;
      if (input.choice === "already" && allowAlready) return empty({ choice: "already" });
      if (input.choice === "never" && allowNever) return empty({ choice: "never" });
      if (input.choice !== undefined) throw invalid("answers.noSuchAnswer", { question: labelOf(question), choice: input.choice });
      if (!isWhole(input.value, minYear, maxYear)) throw invalid("answers.year", { question: labelOf(question), min: minYear, max: maxYear });
      return empty({ numeric: input.value });
    }
    case "TEXT": {
      const text = (input.text ?? "").trim();
      if (text === "") return "clear";
      if (text.length > question.config.maxLength) throw invalid("answers.tooLong", { question: labelOf(question), max: question.config.maxLength });
      return empty({ text });
    }
    case "RANKING":
      throw invalid("answers.rankingAsRanking");
  }
}

/** Whether a stored answer answers its question (a value, a choice, ticks, text or "don't know"). */
export function isAnswered(a: AnswerValue): boolean {
  return a.dontKnow || a.numeric !== null || a.choice !== null || a.choices.length > 0 || (a.text !== null && a.text !== "");
}
