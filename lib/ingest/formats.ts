// The format registry. A new format is one file exporting a Format, plus one line here.
import type { CsvMapping } from "./csv-mapping";
import { csvFormat } from "./csv";
import type { ReadResult } from "./record";
import { risFormat } from "./ris";

export type ReadOptions = { mapping?: CsvMapping };

export type Format = {
  id: string;
  label: string;
  /** Decides by content (the first chunk of decoded, LF-normalised text), never by file name. */
  detect(head: string): boolean;
  read(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ReadResult>;
};

// Order matters: the first format whose detector accepts the head wins, so specific formats go
// before loose ones (CSV accepts any delimited header with a title column).
export const FORMATS = [risFormat, csvFormat] as const;

export type FormatId = (typeof FORMATS)[number]["id"];

/** The registered format with this id; null for ids from untyped input (CLI flags, forms) that name none. */
export function getFormat(id: string): Format | null {
  return FORMATS.find((format) => format.id === id) ?? null;
}
