// What storing a record needs beyond the record itself, computed where the record is parsed: on the
// reading thread for imports (read-in-thread.ts), so the thread that talks to the database spends its
// time on deduplication and COPY, not on hashing, serialising and escaping.
import { createHash } from "node:crypto";
import { jsonCell, numberCell, textArrayCell, textCell, escapedCell, storableJson } from "@/lib/db/copy";
import { dedupKey, identityKeys, recordHash } from "./dedup-key";
import type { NormalisedRecord } from "./record";

export type PreparedRecord = {
  position: number;
  /** The record with an empty `raw` (the raw form is in `sourceCells`). */
  record: NormalisedRecord;
  /** recordHash of the record, raw form included: the provenance row's identity. */
  hash: string;
  /** identityKeys, then the dedup key when it is not one of them. */
  keys: string[];
  dedupKey: string;
  /** documentHash of the record as a document of its own. */
  documentHash: string;
  /** COPY cells of DOCUMENT_RECORD_COLUMNS for a document made of this record alone. */
  documentCells: string;
  /** COPY cells of SOURCE_RECORD_COLUMNS. */
  sourceCells: string;
};

/**
 * A PreparedRecord as a reading thread posts it: the record as JSON text. Copying one string between
 * threads costs a fraction of copying the record's objects, and the storing thread parses the record
 * (fromWire) only when it meets a document under one of its keys; a record that makes a new document
 * of its own is stored from its prepared cells alone.
 */
export type WirePreparedRecord = Omit<PreparedRecord, "record"> & { recordJson: string };

export function toWire({ record, ...rest }: PreparedRecord): WirePreparedRecord {
  return { ...rest, recordJson: JSON.stringify(record) };
}

/** The PreparedRecord again; its record is parsed on first use. */
export function fromWire({ recordJson, ...rest }: WirePreparedRecord): PreparedRecord {
  let record: NormalisedRecord | undefined;
  return {
    ...rest,
    get record() {
      return (record ??= JSON.parse(recordJson) as NormalisedRecord);
    },
  };
}

/** The document columns a record decides alone (the id, study, dedup key and time come from the store). */
export const DOCUMENT_RECORD_COLUMNS = [
  "kind", "title", "abstract", "language", "published_on", "year", "authors", "affiliations", "countries", "keywords",
  "classifications", "assignees", "venue", "citation_count", "doi", "patent_number", "arxiv_id", "pmid", "flags", "content_hash",
] as const;

/** The provenance columns a record decides alone (the id, document and import come from the store). */
export const SOURCE_RECORD_COLUMNS = ["format", "position", "external_id", "raw", "record_hash"] as const;

export function prepareRecord(format: string, position: number, record: NormalisedRecord): PreparedRecord {
  const primary = dedupKey(record);
  const keys = identityKeys(record);
  if (!keys.includes(primary)) keys.push(primary);
  const hash = recordHash(format, record);
  const ownHash = documentHash(record);
  return {
    position,
    record: { ...record, raw: {} },
    hash,
    keys,
    dedupKey: primary,
    documentHash: ownHash,
    documentCells: documentCells(record, ownHash),
    sourceCells: [textCell(format), numberCell(position), textCell(record.externalId), escapedCell(storableJson(record.raw)), textCell(hash)].join("\t"),
  };
}

/** COPY cells of DOCUMENT_RECORD_COLUMNS, joined by tabs. */
export function documentCells(r: NormalisedRecord, contentHash: string): string {
  return [
    textCell(r.kind), textCell(r.title), textCell(r.abstract), textCell(r.language), textCell(r.publishedOn), numberCell(r.year),
    jsonCell(r.authors), jsonCell(r.affiliations), textArrayCell(r.countries), textArrayCell(r.keywords),
    textArrayCell(r.classifications), textArrayCell(r.assignees), textCell(r.venue), numberCell(r.citationCount), textCell(r.doi),
    textCell(r.patentNumber), textCell(r.arxivId), textCell(r.pmid), textArrayCell(qualityFlags(r)), textCell(contentHash),
  ].join("\t");
}

/**
 * The hash of what the document table holds (no source id, no raw form), so a stored row and its record
 * agree. Fields go in a fixed order and nested objects as arrays, because jsonb does not keep key order.
 */
export function documentHash(r: NormalisedRecord): string {
  const canonical = [
    r.kind, r.title, r.abstract, r.language, r.publishedOn, r.year,
    r.authors.map((a) => [a.full, a.family ?? null, a.given ?? null]),
    r.affiliations.map((a) => [a.raw, a.institution ?? null, a.country ?? null, a.sector ?? null]),
    r.countries, r.keywords, r.classifications, r.assignees, r.venue, r.citationCount, r.doi, r.patentNumber, r.arxivId, r.pmid,
  ];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

/** Flags for suspect records, kept on the document so analysts can filter them. */
export function qualityFlags(r: NormalisedRecord): string[] {
  const flags: string[] = [];
  if (!r.abstract) flags.push("missing_abstract");
  if (r.year === null) flags.push("missing_year");
  else if (r.year > new Date().getUTCFullYear() + 1) flags.push("future_year");
  return flags;
}
