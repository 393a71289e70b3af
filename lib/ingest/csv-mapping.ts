// Which CSV column feeds which record field: built-in layouts (Scopus, IEEE Xplore, SpringerLink here;
// OpenAlex, Lens and Google Patents in csv-layouts.ts), a generic one that guesses from common header names,
// and user-defined mappings.
import { z } from "zod";
import { GOOGLE_PATENTS, LENS, LENS_PATENT, OPENALEX } from "./csv-layouts";
import { splitList } from "./normalise";
import type { DocumentKind, NormalisedRecord } from "./record";

export type MappableField = Exclude<keyof NormalisedRecord, "raw">;

const MAPPABLE_FIELDS = [
  "kind", "title", "abstract", "language", "publishedOn", "year", "authors", "affiliations", "countries",
  "keywords", "classifications", "assignees", "venue", "citationCount", "doi", "patentNumber", "arxivId",
  "pmid", "externalId",
] as const satisfies readonly MappableField[];

/**
 * A user-defined mapping: record field → CSV header name(s), or JSON Lines key(s) / dotted path(s).
 * Parse user input with this at the edge.
 */
export const ZCsvMapping = z.partialRecord(z.enum(MAPPABLE_FIELDS), z.union([z.string(), z.array(z.string())]));
export type CsvMapping = z.infer<typeof ZCsvMapping>;

export type CsvLayout = {
  id: "scopus" | "ieee" | "springer" | "openalex" | "lens" | "lens-patent" | "google-patents" | "generic" | "custom";
  /** Header names per field, best first. List fields take every column present; others the first non-empty. */
  columns: Partial<Record<MappableField, string[]>>;
  splitAuthors: (cell: string) => string[];
  splitKeywords: (cell: string) => string[];
  /** One affiliation per part; ";" when not given. */
  splitAffiliations?: (cell: string) => string[];
  /** Rewrites a date cell the record builder would not read (US "M/D/YY") to ISO. */
  readDate?: (cell: string) => string;
  defaultKind: DocumentKind;
  /** Where a row's surplus cells belong when it is longer than the header (Scopus: unnamed extra funding texts). */
  surplusAfter?: RegExp;
};

/** Header text as a lookup key: no BOM, no stray quotes, lowercase, single spaces. */
export function headerKey(header: string): string {
  return header.replace(/^\uFEFF/, "").trim().replace(/^"(.*)"$/, "$1").trim().toLowerCase().replace(/[\s_]+/g, " ");
}

const bySemicolon = (cell: string) => splitList(cell, ";");
/** ";" when present; otherwise "," — re-joining "Pan, Y., Yu, C." into "Pan, Y." and "Yu, C." */
export function splitAuthorCell(cell: string): string[] {
  if (cell.includes(";")) return bySemicolon(cell);
  const parts = splitList(cell, ",");
  const authors: string[] = [];
  for (const part of parts) {
    const isInitialsOnly = /^(?:\p{Lu}\.?\s?-?)+$/u.test(part) && authors.length > 0;
    if (isInitialsOnly && !authors[authors.length - 1].includes(",")) authors[authors.length - 1] += `, ${part}`;
    else authors.push(part);
  }
  return authors;
}

/** SpringerLink runs names together ("Araz R. AlievNigar T. Ismayilova"): split where a lowercase letter meets a capital. */
export function splitRunTogetherNames(cell: string): string[] {
  const pieces = cell.split(/(?<=\p{Ll})(?=\p{Lu})/u);
  const names: string[] = [];
  for (const piece of pieces) {
    // A piece without a space is the tail of a name like "McDonald", not a new person.
    if (names.length > 0 && !piece.includes(" ")) names[names.length - 1] += piece;
    else names.push(piece);
  }
  return names.map((name) => name.replace(/^(?:(?:Prof|Dr)\.\s*)+/, "").trim()).filter(Boolean);
}

/** Generic files separate keywords with ";" or "|", and failing both, with ",". */
export function splitKeywordsLoosely(cell: string): string[] {
  const separator = [";", "|"].find((s) => cell.includes(s)) ?? ",";
  return splitList(cell, separator);
}

export const SCOPUS: CsvLayout = {
  id: "scopus",
  columns: {
    title: ["Title"], abstract: ["Abstract"], year: ["Year"], authors: ["Authors"],
    keywords: ["Author Keywords", "Index Keywords"], doi: ["DOI"], venue: ["Source title"], citationCount: ["Cited by"],
    externalId: ["EID"], affiliations: ["Affiliations"], kind: ["Document Type"], pmid: ["PubMed ID"],
    language: ["Language of Original Document"],
  },
  splitAuthors: splitAuthorCell,
  splitKeywords: bySemicolon,
  defaultKind: "PAPER",
  surplusAfter: /^funding text( \d+)?$/,
};

export const IEEE: CsvLayout = {
  id: "ieee",
  columns: {
    title: ["Document Title"], abstract: ["Abstract"], year: ["Publication Year"], authors: ["Authors"],
    keywords: ["Author Keywords", "IEEE Terms"], doi: ["DOI"], venue: ["Publication Title"],
    citationCount: ["Article Citation Count"], affiliations: ["Author Affiliations"], kind: ["Document Identifier"],
  },
  splitAuthors: bySemicolon,
  splitKeywords: bySemicolon,
  defaultKind: "PAPER",
};

export const SPRINGER: CsvLayout = {
  id: "springer",
  columns: {
    title: ["Item Title"], year: ["Publication Year"], doi: ["Item DOI"], authors: ["Authors"],
    venue: ["Publication Title"], kind: ["Content Type"],
  },
  splitAuthors: splitRunTogetherNames,
  splitKeywords: bySemicolon,
  defaultKind: "PAPER",
};

export const GENERIC: CsvLayout = {
  id: "generic",
  columns: {
    title: ["title", "document title", "article title", "item title", "paper title", "标题", "题名", "篇名"],
    abstract: ["abstract", "summary", "description", "摘要"],
    year: ["year", "publication year", "pub year", "py"],
    publishedOn: ["date", "publication date", "published", "published on", "pubdate"],
    authors: ["authors", "author", "creators", "inventors", "作者"],
    keywords: ["keywords", "keyword", "author keywords", "tags", "subjects", "关键词"],
    doi: ["doi"], kind: ["kind", "type", "document type", "content type"], countries: ["country", "countries"],
    externalId: ["id", "identifier", "record id"], venue: ["journal", "venue", "source", "source title"],
    language: ["language"], citationCount: ["cited by", "citations", "citation count"], pmid: ["pmid", "pubmed id"],
    affiliations: ["affiliations", "affiliation"], assignees: ["assignee", "assignees", "applicant"],
    patentNumber: ["patent number", "publication number"], arxivId: ["arxiv id", "arxiv"],
  },
  splitAuthors: splitAuthorCell,
  splitKeywords: splitKeywordsLoosely,
  defaultKind: "OTHER",
};

/** Picks the built-in layout whose signature columns are all present. */
export function layoutForHeaders(headers: string[]): CsvLayout {
  const keys = new Set(headers.map(headerKey));
  const has = (...names: string[]) => names.every((name) => keys.has(headerKey(name)));
  if (has("Title", "Source title", "EID") || has("Title", "Source title", "Authors with affiliations")) return SCOPUS;
  if (has("Document Title", "Publication Title")) return IEEE;
  if (has("Item Title", "Content Type")) return SPRINGER;
  if (has("id", "display_name", "publication_year")) return OPENALEX;
  if (has("Lens ID", "Jurisdiction", "Publication Number")) return LENS_PATENT;
  if (has("Lens ID", "Title", "Source Title")) return LENS;
  if (has("id", "title", "assignee", "inventor/author")) return GOOGLE_PATENTS;
  return GENERIC;
}

/** A user mapping behaves like the generic layout, but only with the columns it names. */
export function customLayout(mapping: CsvMapping): CsvLayout {
  const columns = Object.fromEntries(
    Object.entries(mapping).map(([field, names]) => [field, Array.isArray(names) ? names : [names]]),
  );
  return { ...GENERIC, id: "custom", columns };
}

