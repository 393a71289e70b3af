// Cleaning shared by every importer, so that a title or a DOI looks the same whichever file it came from.
import type { Author } from "./record";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, body: string) => {
    if (body[0] !== "#") return ENTITIES[body.toLowerCase()] ?? match;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

// Block-level tags separate words; inline ones (<sub>, <inf>, <i>) sit inside a word ("YBa<inf>2</inf>").
const BLOCK_TAG = /<\/?(?:[\w-]+:)?(?:p|br|div|sec|title|abstract|li|ul|ol|para|list-item)\b[^<>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/g;

/** Strips HTML/JATS markup and entities and collapses all whitespace (incl. U+00A0) to single spaces. */
export function cleanText(text: string | null | undefined): string {
  if (!text) return "";
  // Most values have no markup, no entity and single spaces only: each step runs only when it has work.
  const plain = text.includes("<") ? text.replace(BLOCK_TAG, " ").replace(ANY_TAG, "") : text;
  const decoded = plain.includes("&") ? decodeEntities(plain) : plain;
  return (UNUSUAL_SPACE.test(decoded) ? decoded.replace(/\s+/gu, " ") : decoded).trim();
}

// Whitespace other than a single space between words: what the collapse to single spaces changes.
const UNUSUAL_SPACE = /[^\S ]| {2}/u;

/** Lowercase bare DOI ("10.x/y"), or null when the text holds none. Accepts doi.org URLs and "doi:" prefixes. */
export function normaliseDoi(text: string | null | undefined): string | null {
  if (!text) return null;
  let doi = text.trim();
  if (/%2f/i.test(doi)) doi = safeDecodeUri(doi);
  doi = doi.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, "").replace(/^doi:?\s*/i, "");
  doi = doi.replace(/[.,;]+$/, "").toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null;
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The first plausible publication year in any date-like text.
 * @example yearFromDate("1-3 Sept. 2021") // => 2021
 */
export function yearFromDate(text: string | null | undefined): number | null {
  const iso = isoDateFrom(text); // catches compact dates ("20190702") the digit-run search cannot
  if (iso) return Number(iso.slice(0, 4));
  const match = text?.match(/(?<!\d)(1[5-9]\d\d|20\d\d|2100)(?!\d)/);
  return match ? Number(match[1]) : null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * ISO yyyy-mm-dd when the text names a complete, valid date; null for partial dates and ranges.
 * @example isoDateFrom("2019/07/02/") // => "2019-07-02"
 */
export function isoDateFrom(text: string | null | undefined): string | null {
  const s = text?.trim() ?? "";
  let m = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s/])/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = s.match(/^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  m = s.match(/^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  return null;
}

// "P.", "R.D.", "J.-P.", "-P." (from "J. -P."), or up to two bare capitals (WoS "Toh ML").
const isInitials = (word: string) => /^-?(?:\p{Lu}\.-?)+$/u.test(word) || /^\p{Lu}{1,2}$/u.test(word);

/**
 * Splits a personal name into family and given parts when the form says which is which:
 * "Family, Given", "Family I.J." (Scopus) or "I. Family" (IEEE). Other forms keep only `full`,
 * since the order of e.g. Chinese or Hungarian names cannot be guessed.
 * @example parseAuthor("Smith, John A.") // => { full: "Smith, John A.", family: "Smith", given: "John A." }
 */
export function parseAuthor(text: string): Author {
  const full = cleanText(text);
  const comma = full.indexOf(",");
  if (comma > 0) {
    const family = full.slice(0, comma).trim();
    const given = full.slice(comma + 1).trim();
    return given ? { full, family, given } : { full, family };
  }
  const words = full.split(" ");
  if (words.length < 2) return { full };
  // Initials written after the family name ("Skeel R.D.") or before it ("J. -P. Nominé").
  const trailing = words.findIndex((_, i) => i > 0 && words.slice(i).every(isInitials));
  if (trailing > 0) return { full, family: words.slice(0, trailing).join(" "), given: words.slice(trailing).join(" ") };
  const leading = words.findLastIndex((_, i) => i < words.length - 1 && words.slice(0, i + 1).every(isInitials));
  if (leading >= 0) return { full, family: words.slice(leading + 1).join(" "), given: words.slice(0, leading + 1).join(" ") };
  return { full };
}

/** Splits a delimited cell, trims the parts and drops empty ones. */
export function splitList(text: string | null | undefined, separator: string | RegExp = ";"): string[] {
  if (!text) return [];
  return text.split(separator).map((part) => cleanText(part)).filter(Boolean);
}

/** Keeps the first of values that differ only in case or spacing (exports repeat authors and keywords). */
export function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value).toLowerCase().replace(/\s+/g, " ");
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A new-style (2301.01234v2) or old-style (hep-th/9901001) arXiv id found in an id, URL or arXiv DOI.
 * @example arxivIdFrom("https://arxiv.org/abs/1605.08386v1") // => "1605.08386v1"
 */
export function arxivIdFrom(text: string | null | undefined): string | null {
  const match = text?.match(/(?<!\d|\d\.)(\d{4}\.\d{4,5}(?:v\d+)?)(?![\d.])|([a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/i);
  return match ? (match[1] ?? match[2]) : null;
}
