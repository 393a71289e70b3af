// One parsed CSV row → a RecordDraft, through a layout's column mapping.
import type { RecordDraft } from "./build-record";
import { headerKey, type CsvLayout, type MappableField } from "./csv-mapping";
import type { DocumentKind } from "./record";

export type ResolvedColumns = {
  layout: CsvLayout;
  headers: string[]; // cleaned header names, made unique, used as raw keys
  indexes: Partial<Record<MappableField, number[]>>;
  surplusAfter: number; // index after which a long row's surplus cells sit; -1 = at the end
};

/** Cleaned, unique header names: duplicates get " (2)", " (3)" so raw keeps every cell. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const name = header.replace(/^\uFEFF/, "").trim().replace(/^"(.*)"$/, "$1").trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

export function resolveColumns(headerRow: string[], layout: CsvLayout): ResolvedColumns {
  const keys = headerRow.map(headerKey);
  // Header key → its column positions, built once: a hostile header of a million empty cells must not
  // cost a comparison per column for every name in the layout.
  const positions = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  });
  const indexes: ResolvedColumns["indexes"] = {};
  for (const [field, names] of Object.entries(layout.columns) as [MappableField, string[]][]) {
    const found = names.flatMap((name) => positions.get(headerKey(name)) ?? []);
    if (found.length > 0) indexes[field] = found;
  }
  const surplusAfter = layout.surplusAfter ? keys.findLastIndex((key) => layout.surplusAfter?.test(key)) : -1;
  return { layout, headers: uniqueHeaders(headerRow), indexes, surplusAfter };
}

/** Puts a long row's surplus cells aside, so the named columns line up with the header again. */
function alignRow(cells: string[], columns: ResolvedColumns): { cells: string[]; surplus: string[] } {
  const extra = cells.length - columns.headers.length;
  if (extra <= 0) return { cells, surplus: [] };
  const at = columns.surplusAfter >= 0 ? columns.surplusAfter + 1 : columns.headers.length;
  const aligned = [...cells];
  const surplus = aligned.splice(at, extra);
  return { cells: aligned, surplus };
}

const KIND_LABELS: [RegExp, DocumentKind][] = [
  [/conference|proceeding|symposium|workshop/i, "CONFERENCE_PAPER"],
  [/\bjournals?\b|ieee magazines|early access/i, "PAPER"], // before "magazine": IEEE magazines are peer reviewed
  [/patent/i, "PATENT"],
  [/news|magazine/i, "NEWS"],
  [/grant|project|award/i, "PROJECT"],
  [/policy|government|legislation|\bbill\b|statute/i, "POLICY"],
  [/article|review|journal|letter|note|survey|chapter|paper|editorial|erratum|preprint/i, "PAPER"],
];

/** Maps a document-type label ("Conference Paper", "IEEE Conferences", "Chapter") to a DocumentKind. */
export function kindFromLabel(label: string | undefined, fallback: DocumentKind): DocumentKind {
  if (!label?.trim()) return fallback;
  const upper = label.trim().toUpperCase();
  if (["PAPER", "CONFERENCE_PAPER", "PATENT", "PROJECT", "NEWS", "POLICY", "OTHER"].includes(upper)) {
    return upper as DocumentKind;
  }
  return KIND_LABELS.find(([pattern]) => pattern.test(label))?.[1] ?? "OTHER";
}

export function rowToDraft(row: string[], columns: ResolvedColumns, defaultKind?: DocumentKind): RecordDraft {
  const { cells, surplus } = alignRow(row, columns);
  const { layout, indexes } = columns;
  const values = (field: MappableField) => (indexes[field] ?? []).map((i) => cells[i]?.trim() ?? "").filter(Boolean);
  const first = (field: MappableField) => values(field)[0];
  const list = (field: MappableField) => values(field).flatMap(layout.splitKeywords);

  const raw: Record<string, unknown> = Object.fromEntries(columns.headers.map((h, i) => [h, cells[i] ?? ""]));
  if (surplus.length > 0) raw._surplus = surplus;

  const authors = first("authors");
  const date = (field: MappableField) => {
    const cell = first(field);
    return cell && layout.readDate ? layout.readDate(cell) : cell;
  };
  const splitAffiliations = layout.splitAffiliations ?? ((cell: string) => cell.split(";"));
  return {
    kind: kindFromLabel(first("kind"), defaultKind ?? layout.defaultKind),
    title: first("title"),
    abstract: first("abstract"),
    language: first("language"),
    dates: [date("publishedOn"), first("year")].filter((d): d is string => Boolean(d)),
    authors: authors ? layout.splitAuthors(authors) : [],
    affiliations: values("affiliations").flatMap(splitAffiliations),
    countries: list("countries"),
    keywords: list("keywords"),
    classifications: list("classifications"),
    assignees: list("assignees"),
    venue: first("venue"),
    citationCount: first("citationCount"),
    doi: first("doi"),
    patentNumber: first("patentNumber"),
    arxivId: first("arxivId"),
    pmid: first("pmid"),
    externalId: first("externalId"),
    raw,
  };
}
