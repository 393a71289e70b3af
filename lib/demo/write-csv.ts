// Demo records as RFC 4180 CSV: CRLF rows, fields quoted only when they must be.
import type { DemoRecord } from "./types";

export const CSV_COLUMNS = [
  "id", "kind", "title", "abstract", "year", "date", "authors", "keywords", "doi",
  "patent_number", "countries",
] as const;

const LIST_SEPARATOR = "; ";

/**
 * A field quoted when it holds a comma, a quote or a line break; quotes doubled (RFC 4180 §2.6–2.7).
 * @example csvField('say "hi", twice') // => '"say ""hi"", twice"'
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvRow(record: DemoRecord): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: record.id,
    kind: record.kind,
    title: record.title,
    abstract: record.abstract,
    year: String(record.year),
    date: record.date,
    authors: record.authors.join(LIST_SEPARATOR),
    keywords: record.keywords.join(LIST_SEPARATOR),
    doi: record.doi ?? "",
    patent_number: record.patentNumber ?? "",
    countries: record.countries.join(LIST_SEPARATOR),
  };
  return CSV_COLUMNS.map((column) => csvField(values[column])).join(",");
}

export function toCsv(records: readonly DemoRecord[]): string {
  return [CSV_COLUMNS.join(","), ...records.map(csvRow)].map((row) => `${row}\r\n`).join("");
}
