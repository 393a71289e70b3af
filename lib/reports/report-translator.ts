// The report's words in either language, outside a request as well (the worker renders stored issues):
// next-intl's translator over the same catalogues the pages use (messages/<locale>.json).
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/config";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export async function reportTranslator(locale: Locale, namespace = "report"): Promise<Translate> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: namespace as never, timeZone: "UTC" });
  return (key, values) => t(key as never, values as never);
}
