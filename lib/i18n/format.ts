// Numbers, shares and dates in the reader's language, for server and client code alike (pure: the
// locale is passed in). A missing or non-finite value reads as an em dash in every language.
import { INTL_LOCALE, type Locale } from "./config";

const DASH = "—";
const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * A number with the locale's digits grouping and decimal sign, at most `digits` decimals.
 * @example formatNumber("en", 1234.567, 1) // => "1,234.6"
 */
export function formatNumber(locale: Locale, x: number | null | undefined, digits = 2): string {
  if (!finite(x)) return DASH;
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits }).format(x);
}

/**
 * A count with the locale's short form: "12k" in English, "1.2万" in Chinese (myriads).
 * @example formatCompact("zh", 12000) // => "1.2万"
 */
export function formatCompact(locale: Locale, x: number | null | undefined): string {
  if (!finite(x)) return DASH;
  return new Intl.NumberFormat(INTL_LOCALE[locale], { notation: "compact", maximumFractionDigits: 1 }).format(x);
}

/**
 * A share (0.25) as a percentage ("25%").
 * @example formatPercent("en", 0.256) // => "26%"
 */
export function formatPercent(locale: Locale, x: number | null | undefined, digits = 0): string {
  if (!finite(x)) return DASH;
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: "percent", maximumFractionDigits: digits }).format(x);
}

/**
 * A signed percentage for growth rates ("+35%", "-4%").
 * @example formatSignedPercent("en", 0.35) // => "+35%"
 */
export function formatSignedPercent(locale: Locale, x: number | null | undefined, digits = 0): string {
  if (!finite(x)) return DASH;
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: "percent", maximumFractionDigits: digits, signDisplay: "exceptZero" }).format(x);
}

/**
 * A calendar date in the locale's medium style, in UTC (the zone stored dates are in).
 * @example formatDate("zh", new Date("2026-03-05T12:00:00Z")) // => "2026年3月5日"
 */
export function formatDate(locale: Locale, date: Date | string | null | undefined): string {
  if (date === null || date === undefined) return DASH;
  const value = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return DASH;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeZone: "UTC" }).format(value);
}

/**
 * A date and time to the minute, in UTC.
 * @example formatDateTime("en", new Date("2026-03-05T12:07:00Z")) // => "5 Mar 2026, 12:07"
 */
export function formatDateTime(locale: Locale, date: Date | string | null | undefined): string {
  if (date === null || date === undefined) return DASH;
  const value = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return DASH;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(value);
}

/** Year numbers are never grouped ("2026", not "2,026"). */
export const formatYear = (year: number | null | undefined): string => (finite(year) ? String(year) : DASH);
