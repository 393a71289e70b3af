// The format registry. A new format is one file exporting a Format, plus one line here.
import { apiAnswerFormat } from "./api-answer";
import { bibtexFormat } from "./bibtex";
import { cnkiEstudyFormat } from "./cnki-estudy";
import type { CsvMapping } from "./csv-mapping";
import type { DocumentKind } from "./record";
import { csvFormat } from "./csv";
import { derwentFormat } from "./derwent";
import { endnoteFormat } from "./endnote";
import { epXmlFormat } from "./ep-xml";
import { jsonlFormat } from "./jsonl";
import { nbibFormat } from "./nbib";
import { nihReporterFormat } from "./nih-reporter";
import { noteExpressFormat } from "./noteexpress";
import { nsfAwardFormat } from "./nsf-award";
import { pubmedXmlFormat } from "./pubmed-xml";
import type { ReadResult } from "./record";
import { risFormat } from "./ris";
import { usptoApsFormat } from "./uspto-aps";
import { usptoXmlFormat } from "./uspto-xml";
import { wosFormat } from "./wos";
import { wosTabFormat } from "./wos-tab";

export type ReadOptions = {
  mapping?: CsvMapping;
  /** The kind of a CSV / JSON Lines record that does not state one (else OTHER, or the CSV layout's). */
  defaultKind?: DocumentKind;
};

export type Format = {
  id: string;
  label: string;
  /** Decides by content (the first chunk of decoded, LF-normalised text), never by file name. */
  detect(head: string): boolean;
  read(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ReadResult>;
};

// Order matters: the first format whose detector accepts the head wins, so specific formats go
// before loose ones (CSV accepts any delimited header with a title column).
export const FORMATS = [
  risFormat,
  // Tagged text: Derwent is WoS tagged text with patent tags, so it goes before WoS.
  derwentFormat, wosFormat, wosTabFormat, nbibFormat, cnkiEstudyFormat, endnoteFormat, noteExpressFormat,
  // XML and JSON answers, recognised by their root elements and keys; APS text by its PATN and WKU lines.
  pubmedXmlFormat, usptoXmlFormat, epXmlFormat, nsfAwardFormat, nihReporterFormat, usptoApsFormat,
  // Loose text formats: BibTeX needs an "@type{key," line, JSON Lines a first line that is a JSON object;
  // CSV takes any header with a title column, so it is last.
  // A saved API answer is one JSON document: before JSON Lines, which takes any line holding an object.
  apiAnswerFormat, bibtexFormat, jsonlFormat,
  csvFormat,
] as const;

export type FormatId = (typeof FORMATS)[number]["id"];

/** The registered format with this id; null for ids from untyped input (CLI flags, forms) that name none. */
export function getFormat(id: string): Format | null {
  return FORMATS.find((format) => format.id === id) ?? null;
}
