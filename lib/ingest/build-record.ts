// The one place where a format's loosely-typed fields become a clean NormalisedRecord.
import { normaliseClassification } from "./classifications";
import { countryCode, parseAffiliation } from "./countries";
import { arxivIdFrom, cleanText, isoDateFrom, normaliseDoi, parseAuthor, uniqueBy, yearFromDate } from "./normalise";
import { detectLanguage } from "./language";
import type { Affiliation, DocumentKind, NormalisedRecord, ReadResult } from "./record";
import { inferSector } from "./sector";

/** What a format reader extracts from one source record, before any cleaning. */
export type RecordDraft = {
  kind: DocumentKind;
  title?: string;
  abstract?: string;
  language?: string;
  dates?: string[]; // candidates, most precise source first
  authors?: string[];
  affiliations?: string[];
  countries?: string[]; // names or codes given in a column of their own
  keywords?: string[];
  classifications?: string[];
  assignees?: string[];
  venue?: string;
  citationCount?: string;
  doi?: string;
  patentNumber?: string;
  arxivId?: string;
  pmid?: string;
  externalId?: string;
  raw: Record<string, unknown>;
};

const LANGUAGES: Record<string, string> = {
  english: "en", eng: "en", chinese: "zh", chi: "zh", zho: "zh", german: "de", ger: "de", deu: "de",
  french: "fr", fre: "fr", fra: "fr", spanish: "es", spa: "es", japanese: "ja", jpn: "ja", russian: "ru",
  rus: "ru", portuguese: "pt", por: "pt", italian: "it", ita: "it", korean: "ko", kor: "ko",
};

/** ISO 639-1 for the common spellings ("English", "eng"); other values are kept as given. */
function normaliseLanguage(text: string | undefined): string | null {
  const value = cleanText(text);
  if (!value) return null;
  const key = value.toLowerCase();
  return LANGUAGES[key] ?? (/^[a-z]{2}$/.test(key) ? key : value);
}

// Scopus writes placeholders where a value is missing; they must not become an abstract or an author.
const PLACEHOLDER = /^\[no [a-z ]+ available\]$/i;

function present(text: string | undefined): string {
  const clean = cleanText(text);
  return PLACEHOLDER.test(clean) ? "" : clean;
}

function cleanList(values: string[] | undefined): string[] {
  return uniqueBy((values ?? []).map(present).filter(Boolean), (value) => value);
}

function orNull(text: string | undefined): string | null {
  return cleanText(text) || null;
}

// Enough text for the trigram model to be sure; more only costs time on million-record imports.
const LANGUAGE_SAMPLE = 400;

function withSector(text: string): Affiliation {
  const affiliation = parseAffiliation(text);
  const sector = inferSector(affiliation.institution ?? affiliation.raw) ?? inferSector(affiliation.raw);
  return sector ? { ...affiliation, sector } : affiliation;
}

function citationCount(text: string | undefined): number | null {
  const match = text?.match(/\d+/);
  return match ? Number(match[0]) : null;
}

/** A clean record, or an error result when the record has no title (nothing to analyse or deduplicate). */
export function buildRecord(draft: RecordDraft, at: { position: number; line?: number }): ReadResult {
  const title = present(draft.title);
  if (!title) {
    const where = at.line ? ` (line ${at.line})` : "";
    return { ok: false, ...at, message: `Record ${at.position}${where} has no title` };
  }
  const dates = draft.dates ?? [];
  const doi = normaliseDoi(draft.doi);
  const affiliations = cleanList(draft.affiliations).map(withSector);
  const listedCountries = (draft.countries ?? []).map((c) => (/^[A-Z]{2}$/.test(c) ? c : countryCode(c)));
  const countries = [...new Set([...affiliations.map((a) => a.country), ...listedCountries])];
  const record: NormalisedRecord = {
    kind: draft.kind,
    title,
    abstract: present(draft.abstract),
    language: normaliseLanguage(draft.language) ?? detectLanguage(`${title} ${present(draft.abstract)}`.slice(0, LANGUAGE_SAMPLE)),
    publishedOn: dates.map(isoDateFrom).find(Boolean) ?? null,
    year: dates.map(yearFromDate).find(Boolean) ?? null,
    authors: cleanList(draft.authors).map(parseAuthor),
    affiliations,
    countries: countries.filter((c): c is string => Boolean(c)),
    keywords: cleanList(draft.keywords),
    classifications: cleanList((draft.classifications ?? []).map((code) => normaliseClassification(code) ?? "")),
    assignees: cleanList(draft.assignees),
    venue: orNull(draft.venue),
    citationCount: citationCount(draft.citationCount),
    doi,
    patentNumber: orNull(draft.patentNumber)?.replace(/[\s,]/g, "").toUpperCase() ?? null,
    arxivId: arxivIdFrom(draft.arxivId) ?? (doi?.startsWith("10.48550/") ? arxivIdFrom(doi) : null),
    pmid: draft.pmid?.match(/\d+/)?.[0] ?? null,
    externalId: orNull(draft.externalId),
    raw: draft.raw,
  };
  return { ok: true, ...at, record };
}
