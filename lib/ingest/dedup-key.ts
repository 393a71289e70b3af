// Keys that tell when two imported records are the same document, strongest identifier first.
import { createHash } from "node:crypto";
import type { NormalisedRecord } from "./record";

/**
 * NFKC, lowercase, letters and digits of any script separated by single spaces.
 * Combining marks stay: without them Devanagari or Thai words would fall apart.
 * @example normaliseTitle("Deep  Learning: A Review!") // => "deep learning a review"
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();
}

/** doi: > patent: > arxiv: (version dropped) > pmid: > title:<normalised title>|<year>. */
export function dedupKey(record: NormalisedRecord): string {
  if (record.doi) return `doi:${record.doi}`;
  if (record.patentNumber) return `patent:${record.patentNumber}`;
  if (record.arxivId) return `arxiv:${record.arxivId.replace(/v\d+$/, "")}`;
  if (record.pmid) return `pmid:${record.pmid}`;
  return `title:${normaliseTitle(record.title)}|${record.year ?? ""}`;
}

/** JSON with object keys sorted at every level, so equal content always serialises the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** SHA-256 hex of the normalised fields (not `raw`): changes exactly when what we would store changes. */
export function contentHash(record: NormalisedRecord): string {
  const { raw: _raw, ...fields } = record;
  return createHash("sha256").update(stableJson(fields)).digest("hex");
}
