// The interface languages and how a request's language is chosen: the language cookie set by the
// switch, else the browser's Accept-Language, else English. No URL prefix, so every route keeps its path.
import { z } from "zod";

export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "foresight_locale";
/** A year: the choice outlives the session and is the same on every study. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export const ZLocale = z.enum(LOCALES);

/** BCP 47 tags for Intl and for `<html lang>`: Simplified Chinese as written in mainland China. */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", zh: "zh-CN" };

/** Each language named in itself, as a language switch shows it. */
export const LOCALE_NAME: Record<Locale, string> = { en: "English", zh: "中文" };

export function isLocale(value: unknown): value is Locale {
  return ZLocale.safeParse(value).success;
}

/**
 * The best supported language of an Accept-Language header, by quality then order; null when none fits.
 * @example localeFromAcceptLanguage("fr;q=0.9, zh-TW;q=0.8, en;q=0.5") // => "zh"
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  for (const range of ranges) if (isLocale(range.primary)) return range.primary;
  return null;
}

/** The request's language: a valid cookie wins, then the header, then the default. */
export function resolveLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
