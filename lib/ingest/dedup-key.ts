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

/**
 * A short title ("Editorial", "Reply", "综述") is shared by unrelated documents and never merges records
 * on its own. A Han character carries about as much as a short Latin word, hence its weight.
 */
function isDistinctiveTitle(normalised: string): boolean {
  const han = normalised.match(/\p{Script=Han}/gu)?.length ?? 0;
  return normalised.length - han + 3 * han >= 25;
}

/** Kind codes ("B2", "A1", "S1") differ between a grant and its listing elsewhere; the number is the identity. */
function patentIdentity(number: string): string {
  return number.replace(/(?<=\d)[A-Z]\d?$/, "");
}

/**
 * Every key under which this record is the same document as another, strongest first:
 * doi: > patent: > arxiv: (version dropped) > pmid: > title:<normalised title>|<year>.
 * Two records are one document when they share any key and no identifier of the same kind differs.
 */
export function identityKeys(record: NormalisedRecord): string[] {
  const keys: string[] = [];
  if (record.doi) keys.push(`doi:${record.doi}`);
  if (record.patentNumber) keys.push(`patent:${patentIdentity(record.patentNumber)}`);
  if (record.arxivId) keys.push(`arxiv:${record.arxivId.replace(/v\d+$/, "")}`);
  if (record.pmid) keys.push(`pmid:${record.pmid}`);
  const title = normaliseTitle(record.title);
  if (isDistinctiveTitle(title) && record.year !== null) keys.push(`title:${title}|${record.year}`);
  return keys;
}

/**
 * The key a new document is created under: its strongest identity key, or — for a short title with no
 * identifier — the title, year and content, so identical records still meet and different ones do not.
 */
export function dedupKey(record: NormalisedRecord): string {
  const [strongest] = identityKeys(record);
  if (strongest) return strongest;
  return `title:${normaliseTitle(record.title)}|${record.year ?? ""}|${contentHash(record).slice(0, 16)}`;
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

/**
 * SHA-256 hex of the format and the whole record, raw form included: one source record's identity.
 * Plain JSON (not key-sorted) is enough: a reader builds the same record with its keys in the same order.
 */
export function recordHash(format: string, record: NormalisedRecord): string {
  return createHash("sha256").update(`${format}:`).update(JSON.stringify(record)).digest("hex");
}
