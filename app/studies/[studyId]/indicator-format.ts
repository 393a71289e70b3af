// Number formats shared by the study page's indicator views, in the reader's language. English keeps
// "12 %" (a space before the sign, as the indicator pages always wrote it); Chinese writes "12%".
import type { Locale } from "@/lib/i18n/config";

export type IndicatorFormat = {
  fmt: (x: number | null | undefined, digits?: number) => string;
  pct: (x: number | null | undefined, digits?: number) => string;
};

const missing = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || !Number.isFinite(x);

export function indicatorFormat(locale: Locale): IndicatorFormat {
  const tag = locale === "zh" ? "zh-CN" : "en";
  const sign = locale === "zh" ? "%" : " %";
  return {
    fmt: (x, digits = 2) => (missing(x) ? "—" : new Intl.NumberFormat(tag, { maximumFractionDigits: digits, useGrouping: false }).format(x)),
    pct: (x, digits = 0) => (missing(x) ? "—" : `${(x * 100).toFixed(digits)}${sign}`),
  };
}

export const { fmt, pct } = indicatorFormat("en");
