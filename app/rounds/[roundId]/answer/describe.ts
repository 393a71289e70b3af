// An answer in words, in the question's own labels and the reader's language (for "your previous answer").
import type { Locale } from "@/lib/i18n/config";
import type { ParsedQuestion } from "@/lib/delphi/question-config";
import type { OwnAnswer } from "@/lib/delphi/get-expert-round";
import { localised } from "@/app/rounds/format";

/** The words this needs, already in the reader's language. */
export type AnswerWords = { dontKnow: string; already: string; never: string; listSeparator: string };

export function describeAnswer(question: ParsedQuestion, a: OwnAnswer | undefined, locale: Locale, words: AnswerWords): string {
  if (!a) return "—";
  if (a.dontKnow) return words.dontKnow;
  switch (question.kind) {
    case "SCALE": {
      const key = String(a.value);
      const label = localised(locale, question.config.labels[key] ?? "", question.config.labelsZh[key]);
      return `${a.value}${label ? ` (${label})` : ""}`;
    }
    case "CHOICE": {
      const option = question.config.options.find((o) => o.key === a.choice);
      return option ? localised(locale, option.label, option.labelZh) : "—";
    }
    case "MULTI_CHOICE":
      return a.choices.map((c) => {
        const option = question.config.options.find((o) => o.key === c);
        return option ? localised(locale, option.label, option.labelZh) : c;
      }).join(words.listSeparator) || "—";
    case "YEAR":
      return a.choice === "already" ? words.already : a.choice === "never" ? words.never : String(a.value ?? "—");
    case "TEXT":
      return a.text ?? "—";
    default:
      return "—";
  }
}
