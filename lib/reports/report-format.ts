// Number, share, year and date formats of the report in the reader's language, plus the small cells
// that carry the stored value in data-value (the browser tests compare it with item_statistic).
import { formatDate, formatNumber, formatPercent } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { esc, h } from "./html";
import type { Figures, Outcome } from "./report-types";
import type { Translate } from "./report-translator";

export type Formats = {
  locale: Locale;
  t: Translate;
  num: (x: number | null | undefined, digits?: number) => string;
  pct: (x: number | null | undefined) => string;
  year: (x: number | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
};

export function formats(locale: Locale, t: Translate): Formats {
  return {
    locale,
    t,
    num: (x, digits = 2) => formatNumber(locale, x, digits),
    pct: (x) => formatPercent(locale, x, 0),
    // A median year may fall between years (2032.5); years are never grouped.
    year: (x) => (x === null || x === undefined || !Number.isFinite(x) ? "—" : Number.isInteger(x) ? String(x) : x.toFixed(1)),
    date: (iso) => formatDate(locale, iso),
  };
}

/** A cell showing `text`, with the raw value for machines. */
export const valueCell = (text: string, value: number | null | undefined, testid?: string): string =>
  h("td", { "data-testid": testid, "data-value": value === null || value === undefined ? undefined : String(value) }, esc(text));

export const title = (row: { title: string; titleZh: string | null }, f: Formats): string => (f.locale === "zh" && row.titleZh ? row.titleZh : row.title);

/** The title with the other language's title beside it, as the round report shows it. */
export const bilingualTitle = (row: { title: string; titleZh: string | null }, f: Formats): string => {
  const main = title(row, f);
  const other = f.locale === "zh" ? (row.titleZh ? row.title : null) : row.titleZh;
  return esc(main) + (other ? ` ${h("span", { class: "muted", lang: f.locale === "zh" ? "en" : "zh" }, esc(other))}` : "");
};

export const outcomeBadge = (outcome: Outcome | null, f: Formats): string =>
  outcome ? h("span", { class: `badge ${outcome}`, "data-testid": "outcome", "data-outcome": outcome }, esc(f.t(`outcome.${outcome}`))) : "—";

// The titles createRound gives when the admin gives none (lib/delphi/create-round.ts), which the
// report shows in the reader's language; a title an admin wrote is shown as written.
const DEFAULT_TITLE = /^Round \d+(: key technologies)?$/;

/** A round's name: its own title, or the default title in the reader's language. */
export function roundTitle(round: { number: number; title: string; kind: string }, t: Translate): string {
  if (round.title && !DEFAULT_TITLE.test(round.title)) return round.title;
  return t(round.kind === "RANKING" ? "rankingRoundTitle" : "roundNumber", { number: round.number });
}

/** "Expert 3" (the rounds' pseudonyms, lib/delphi/pseudonyms) in the reader's language. */
export const pseudonym = (author: string, t: Translate): string => {
  const n = /^Expert (\d+)$/.exec(author)?.[1];
  return n ? t("minority.expert", { number: n }) : author;
};

/** "withheld (n = 3)" for an aggregate below the round's minimum n. */
export const withheldText = (figures: Figures<{ withheld: false }>, f: Formats): string =>
  figures?.withheld ? f.t("withheld", { n: figures.n ?? "—" }) : f.t("noAnswers");
