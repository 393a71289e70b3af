// One JSON object → RecordDraft: the keys common exports use (incl. Crossref and OpenAlex dumps), or the
// keys and dotted paths a user mapping names for some fields.
import type { RecordDraft } from "./build-record";
import { splitAuthorCell, splitKeywordsLoosely, type CsvMapping, type MappableField } from "./csv-mapping";
import { kindFromLabel } from "./csv-row";
import type { DocumentKind } from "./record";

export type JsonObject = Record<string, unknown>;

/** Keys tried per field, best first; the first key present with a value wins. */
export const DEFAULT_JSON_KEYS: Record<MappableField, string[]> = {
  title: ["title", "display_name", "Title", "name"],
  abstract: ["abstract", "text", "summary", "description", "Abstract"],
  publishedOn: ["date", "publication_date", "published_date", "publishedOn", "pubdate", "published", "issued"],
  year: ["year", "publication_year", "py", "Year"],
  authors: ["authors", "author", "creators", "inventors", "authorships", "editor"],
  affiliations: ["affiliations", "affiliation", "institutions"],
  countries: ["countries", "country"],
  keywords: ["keywords", "keyword", "tags", "subjects", "subject", "topics"],
  classifications: ["classifications", "cpc", "ipc"],
  assignees: ["assignees", "assignee", "applicants"],
  kind: ["kind", "type", "document_type", "doc_type"],
  language: ["language", "lang"],
  venue: ["venue", "journal", "container-title", "source", "booktitle"],
  citationCount: ["citation_count", "citations", "cited_by_count", "is-referenced-by-count", "citationCount"],
  doi: ["doi", "DOI"],
  patentNumber: ["patent_number", "patentNumber", "publication_number"],
  arxivId: ["arxiv_id", "arxivId", "arxiv"],
  pmid: ["pmid", "PMID", "pubmed_id"],
  externalId: ["id", "identifier", "_id"],
};

/** Values at a key or dotted path; arrays on the way are walked element by element. A key may itself hold dots. */
export function valuesAt(value: unknown, path: string): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (typeof value !== "object") return [];
  const object = value as JsonObject;
  if (path in object) {
    const found = object[path];
    if (Array.isArray(found)) return found.filter(isPresent);
    return isPresent(found) ? [found] : [];
  }
  const dot = path.indexOf(".");
  return dot < 0 ? [] : valuesAt(object[path.slice(0, dot)], path.slice(dot + 1));
}

const isPresent = (v: unknown) => v !== null && v !== undefined && v !== "";

const NAME_KEYS = ["display_name", "name", "full", "value", "term", "keyword", "label", "title"];

/** A scalar as text; a named object by its name; a person by "Family, Given"; Crossref date-parts as a date. */
function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const object = value as JsonObject;
  const parts = (object["date-parts"] as unknown[][] | undefined)?.[0];
  if (Array.isArray(parts)) return parts.map((part) => String(part).padStart(2, "0")).join("-");
  const family = object.family ?? object.last ?? object.last_name ?? object.lastName;
  const given = object.given ?? object.first ?? object.first_name ?? object.firstName;
  if (typeof family === "string") return typeof given === "string" && given ? `${family}, ${given}` : family;
  if (object.author && typeof object.author === "object") return textOf(object.author); // OpenAlex authorships
  return NAME_KEYS.map((key) => object[key]).find((v): v is string => typeof v === "string");
}

function texts(values: unknown[]): string[] {
  return values.map(textOf).filter((text): text is string => Boolean(text?.trim()));
}

/** Crossref and OpenAlex keep affiliations on the author objects. */
function authorAffiliations(authors: unknown[]): string[] {
  return texts(authors.flatMap((author) => [...valuesAt(author, "affiliation"), ...valuesAt(author, "institutions")]));
}

export function jsonToDraft(object: JsonObject, mapping: CsvMapping = {}, defaultKind: DocumentKind = "OTHER"): RecordDraft {
  const raw = (field: MappableField): unknown[] => {
    const keys = mapping[field] ?? DEFAULT_JSON_KEYS[field];
    if (typeof keys === "string") return valuesAt(object, keys);
    for (const key of keys) {
      const found = valuesAt(object, key);
      if (found.length > 0) return found;
    }
    return [];
  };
  const first = (field: MappableField) => {
    for (const value of raw(field)) {
      const text = textOf(value);
      if (text?.trim()) return text;
    }
    return undefined;
  };
  // A single string holds several values ("A; B"); an array holds one per element.
  const list = (field: MappableField, split: (cell: string) => string[] = splitKeywordsLoosely) => {
    const values = raw(field);
    return values.length === 1 && typeof values[0] === "string" ? split(values[0]) : texts(values);
  };
  const authorValues = raw("authors");
  return {
    kind: kindFromLabel(first("kind"), defaultKind),
    title: first("title"),
    abstract: first("abstract"),
    language: first("language"),
    dates: [first("publishedOn"), first("year")].filter((date): date is string => Boolean(date)),
    authors: list("authors", splitAuthorCell),
    affiliations: [...list("affiliations", (cell) => cell.split(";")), ...authorAffiliations(authorValues)],
    countries: list("countries"),
    keywords: list("keywords"),
    classifications: list("classifications"),
    assignees: list("assignees", (cell) => cell.split(";")),
    venue: first("venue"),
    citationCount: first("citationCount"),
    doi: first("doi"),
    patentNumber: first("patentNumber"),
    arxivId: first("arxivId"),
    pmid: first("pmid"),
    externalId: first("externalId"),
    raw: object,
  };
}
