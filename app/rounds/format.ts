// Number, date and label formats of the Delphi pages, in the reader's language (lib/i18n/format):
// the bilingual item block and items show their Chinese text in Chinese, the English one otherwise.
import { INTL_LOCALE, type Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "@/lib/i18n/format";

export const fmt = (locale: Locale, x: number | null | undefined, digits = 2) => formatNumber(locale, x, digits);
export const pct = (locale: Locale, x: number | null | undefined) => formatPercent(locale, x);

/** A median or quartile of years: never grouped ("2035.5", not "2,035.5"). */
export function fmtYear(locale: Locale, x: number | null | undefined, digits = 1): string {
  if (typeof x !== "number" || !Number.isFinite(x)) return "—";
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits, useGrouping: false }).format(x);
}

/** A deadline or opening time to the minute; stored times are UTC and the pages say so. */
export const utc = (locale: Locale, d: Date | null | undefined) => (d ? `${formatDateTime(locale, d)} UTC` : "—");
/** A day ("2026-03-05" as the Delphi queries give comment dates, or a Date). */
export const day = (locale: Locale, d: Date | string | null | undefined) => formatDate(locale, d);

/** The text in the reader's language: the Chinese one in Chinese when there is one, else the English. */
export const localised = (locale: Locale, en: string, zh: string | null | undefined) => (locale === "zh" && zh ? zh : en);
