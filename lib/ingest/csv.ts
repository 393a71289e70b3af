// Streaming CSV import (Scopus, IEEE Xplore, SpringerLink, OpenAlex, Lens, Google Patents and user files) on csv-parse.
import { Readable, pipeline } from "node:stream";
import { parse, type Info } from "csv-parse";
import { AppError } from "@/lib/errors";
import { buildRecord } from "./build-record";
import { GOOGLE_PATENTS, LENS, LENS_PATENT, OPENALEX } from "./csv-layouts";
import { GENERIC, IEEE, SCOPUS, SPRINGER, customLayout, headerKey, layoutForHeaders } from "./csv-mapping";
import { resolveColumns, rowToDraft, type ResolvedColumns } from "./csv-row";
import { peekText } from "./decode";
import type { Format, ReadOptions } from "./formats";
import type { ReadResult } from "./record";

const DELIMITERS = [",", ";", "\t"] as const;
// A broken quote would otherwise swallow the rest of the file into one field.
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
}

/** Tab when the header line has one; else the delimiter that occurs most often (outside quotes); "," on a tie. */
export function detectDelimiter(headerLine: string): string {
  // Text cells hold commas and semicolons, but almost never a bare tab: a tab means tab-separated.
  if (countOutsideQuotes(headerLine, "\t") > 0) return "\t";
  let best: string = ",";
  for (const d of DELIMITERS) if (countOutsideQuotes(headerLine, d) > countOutsideQuotes(headerLine, best)) best = d;
  return best;
}

function splitHeader(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  return [...cells, cell];
}

const TITLE_HEADERS = new Set(
  [GENERIC, SCOPUS, IEEE, SPRINGER, OPENALEX, LENS, LENS_PATENT, GOOGLE_PATENTS]
    .flatMap((layout) => layout.columns.title ?? [])
    .map(headerKey),
);

// Google Patents writes the search URL on a line of its own above the header.
const PREAMBLE = /^\uFEFF?search URL:/i;

/** The header line and its 1-based line number: the first non-blank line, or the one after a preamble line. */
function headerLine(head: string): { text: string; number: number } {
  const lines = head.split("\n");
  let index = lines.findIndex((line) => line.trim() !== "");
  if (index >= 0 && PREAMBLE.test(lines[index])) index++;
  return index < 0 ? { text: "", number: 1 } : { text: lines[index] ?? "", number: index + 1 };
}

/** A header row (comma, semicolon or tab separated) with a title-like column. */
export function looksLikeCsv(head: string): boolean {
  const { text } = headerLine(head);
  return splitHeader(text, detectDelimiter(text)).some((cell) => TITLE_HEADERS.has(headerKey(cell)));
}

/** True when the mapping names columns by 1-based position ("#3") rather than by header. */
function usesPositions(mapping: NonNullable<ReadOptions["mapping"]>): boolean {
  return Object.values(mapping).some((columns) => [columns].flat().some((column) => /^#\d+$/.test(column)));
}

type Row = { record: string[]; info: Info };
type SkippedRow = { line: number; message: string };

function createParser(delimiter: string, fromLine: number, onSyntaxError: (skipped: SkippedRow) => void) {
  return parse({
    delimiter,
    from_line: fromLine, // line numbers in `info` still count from the top of the file
    relax_column_count: true, // ragged rows (extra funding-text cells in Scopus) must not abort the import
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: MAX_RECORD_CHARS,
    // Skipping, not failing: a failed stream drops the rows it had already parsed but not yet delivered.
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) onSyntaxError({ line: Number(error.lines) || 0, message: `CSV syntax error: ${error.message}` });
    },
  });
}

/** Far above any export's width (Web of Science's tab-delimited has ~70); a wider header is not a table. */
const MAX_COLUMNS = 2_000;

async function* readCsv(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ReadResult> {
  // Two whole lines: the header may follow a preamble line.
  const { head, stream } = await peekText(text, (h) => h.indexOf("\n", h.indexOf("\n") + 1) >= 0);
  const header = headerLine(head);
  const fromLine = PREAMBLE.test(head.trimStart()) ? header.number : 1;
  const syntaxErrors: SkippedRow[] = [];
  const parser = createParser(detectDelimiter(header.text), fromLine, (error) => syntaxErrors.push(error));
  pipeline(Readable.from(stream), parser, () => {}); // a failing source surfaces through the iteration below

  let columns: ResolvedColumns | null = null;
  let position = 0;
  let lastLine = fromLine - 1; // where the previous row ended; a row starts after it and after skipped blank lines
  let lastEmpty = 0;
  // A skipped row is reported in file order: before the first row that starts after it.
  function* syntaxErrorsBefore(line: number): Generator<ReadResult> {
    while (syntaxErrors.length > 0 && syntaxErrors[0].line < line) {
      yield { ok: false, position: ++position, line: lastLine + 1, message: syntaxErrors.shift()!.message };
    }
  }
  for await (const { record, info } of parser as AsyncIterable<Row>) {
    const line = lastLine + 1 + (info.empty_lines - lastEmpty);
    yield* syntaxErrorsBefore(line);
    [lastLine, lastEmpty] = [info.lines, info.empty_lines];
    if (!columns) {
      if (record.length > MAX_COLUMNS) throw new AppError("invalid", `The CSV header has ${record.length} columns; a table export has at most ${MAX_COLUMNS}`);
      const layout = options.mapping ? customLayout(options.mapping) : layoutForHeaders(record);
      // A mapping by position ("#1", "#2", …) is for files without a header: the first row is data.
      const headerless = options.mapping !== undefined && usesPositions(options.mapping);
      columns = resolveColumns(headerless ? record.map((_, i) => `#${i + 1}`) : record, layout);
      if (!columns.indexes.title) throw new CsvHeaderError(layout.columns.title ?? []);
      if (!headerless) continue;
    }
    if (record.every((cell) => cell.trim() === "")) continue; // a row of bare delimiters is not a record
    position++;
    yield buildRecord(rowToDraft(record, columns, options.defaultKind), { position, line });
  }
  yield* syntaxErrorsBefore(Infinity);
}

/** The header has no column that could hold a title, so no row could become a record. */
export class CsvHeaderError extends AppError {
  constructor(expected: string[]) {
    super("invalid", `The CSV header has no title column (expected one of: ${expected.join(", ")})`);
    this.name = "CsvHeaderError";
  }
}

export const csvFormat = {
  id: "csv" as const,
  label: "CSV",
  detect: looksLikeCsv,
  read: readCsv,
} satisfies Format;
