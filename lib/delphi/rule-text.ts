// A consensus rule in the reader's language, through next-intl's translator over the consensusRules
// namespace of the catalogues: "IQR ≤ 1 (Importance for …)" or "四分位距 ≤ 1（对国家科技与社会发展的重要程度）".
// Synchronous, so the pages, the report renderer and the worker's stored issues all use it alike.
import { createTranslator } from "use-intl/core";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import type { Locale } from "@/lib/i18n/config";
import type { RuleDescription } from "@/lib/delphi/consensus-rules";

const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "consensusRules" }),
  zh: createTranslator({ locale: "zh", messages: zh, namespace: "consensusRules" }),
};

/** A string is a rule as report issues stored it before descriptions were structured: shown as it is. */
export function ruleText(rule: RuleDescription | string, locale: Locale): string {
  if (typeof rule === "string") return rule;
  const { question } = rule;
  const label = question ? (locale === "zh" && question.labelZh ? question.labelZh : question.label) : rule.questionKey;
  return translators[locale](rule.kind, { ...rule.values, question: label });
}
