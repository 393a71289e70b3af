// The `errors` namespace of the message catalogues, formatted synchronously in either language: an
// AppError's English message comes from here, so the English text and its translation share one key.
import { createTranslator } from "use-intl/core";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import type { Locale } from "./config";

type Leaves<T, P extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];

/** A message of the `errors` namespace, e.g. "round.alreadyClosed". */
export type ErrorKey = Leaves<(typeof en)["errors"]>;
/** A text that has a Chinese version (a question label, an item title, a phrase of the catalogue); zh null shows the English. */
export type Localised = { en: string; zh: string | null };
export type ErrorValue = string | number | Localised;
export type ErrorValues = Record<string, ErrorValue>;

const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "errors" }),
  zh: createTranslator({ locale: "zh", messages: zh, namespace: "errors" }),
};

function leaves(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)));
}

const KEYS: ReadonlySet<string> = new Set(leaves(en.errors));

export const isErrorKey = (text: string): text is ErrorKey => KEYS.has(text);

const inLocale = (locale: Locale, value: ErrorValue): string | number =>
  typeof value === "object" ? (locale === "zh" && value.zh ? value.zh : value.en) : value;

/** The message of `key` in `locale`, with localised values picked for that language. */
export function formatError(locale: Locale, key: ErrorKey, values: ErrorValues = {}): string {
  const picked = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, inLocale(locale, value)]));
  return translators[locale](key as never, picked as never);
}

/** A message of the catalogue in both languages, to be used as a value of another message. */
export const phrase = (key: ErrorKey, values?: ErrorValues): Localised => ({ en: formatError("en", key, values), zh: formatError("zh", key, values) });

/** The form messages (errors.form.*) by their English text: zod keeps only the text of a message. */
const FORM_KEYS: ReadonlyMap<string, ErrorKey> = new Map(Object.keys(en.errors.form).map((k) => [formatError("en", `form.${k}` as ErrorKey), `form.${k}` as ErrorKey]));

/** The key of a zod message written with `formMessage`, or null for zod's own and other messages. */
export const formKeyOf = (message: string): ErrorKey | null => FORM_KEYS.get(message) ?? null;
