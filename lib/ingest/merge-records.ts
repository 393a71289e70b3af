// How records from different sources become one document: which document a record joins, and what
// the merged document holds. Pure functions; store-records.ts applies them inside a transaction.
import { dedupKey, identityKeys } from "./dedup-key";
import type { NormalisedRecord } from "./record";

/** The identifiers that name a document outright; two different values of one of them are two documents. */
const IDENTIFIERS = ["doi", "patentNumber", "arxivId", "pmid"] as const;

/** True when the two carry different values of the same identifier (a preprint's DOI vs the article's). */
export function conflicts(a: Pick<NormalisedRecord, (typeof IDENTIFIERS)[number]>, b: Pick<NormalisedRecord, (typeof IDENTIFIERS)[number]>): boolean {
  return IDENTIFIERS.some((field) => {
    const x = a[field];
    const y = b[field];
    if (!x || !y) return false;
    return field === "arxivId" ? x.replace(/v\d+$/, "") !== y.replace(/v\d+$/, "") : x !== y;
  });
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * The document after `incoming` joins `base`. The first source keeps its title, kind and text; what it
 * lacks is filled from the newcomer (abstract, identifiers, dates, authors); lists are united; the
 * citation count is the highest either source reports. The raw form stays the first source's (each
 * source's own raw record is kept as provenance).
 */
export function mergeRecord(base: NormalisedRecord, incoming: NormalisedRecord): NormalisedRecord {
  const citations = [base.citationCount, incoming.citationCount].filter((c): c is number => c !== null);
  return {
    ...base,
    abstract: base.abstract || incoming.abstract,
    language: base.language ?? incoming.language,
    publishedOn: base.publishedOn ?? incoming.publishedOn,
    year: base.year ?? incoming.year,
    authors: base.authors.length > 0 ? base.authors : incoming.authors,
    affiliations: base.affiliations.length > 0 ? base.affiliations : incoming.affiliations,
    countries: union(base.countries, incoming.countries),
    keywords: union(base.keywords, incoming.keywords),
    classifications: union(base.classifications, incoming.classifications),
    assignees: union(base.assignees, incoming.assignees),
    venue: base.venue ?? incoming.venue,
    citationCount: citations.length > 0 ? Math.max(...citations) : null,
    doi: base.doi ?? incoming.doi,
    patentNumber: base.patentNumber ?? incoming.patentNumber,
    arxivId: base.arxivId ?? incoming.arxivId,
    pmid: base.pmid ?? incoming.pmid,
  };
}

/** A document as the resolver sees it: existing in the database or created by this batch. */
export type Target = { id: string; isNew: boolean; record: NormalisedRecord; dedupKey: string };

export type Resolution = {
  /** Per input record, in order: the target it joined. */
  targets: Target[];
  /** Keys to register, each pointing at its document (never one already registered). */
  newKeys: { key: string; documentId: string }[];
};

/**
 * Assigns each record to a document: the first existing or earlier-in-batch document that holds one
 * of its keys (strongest key first) and carries no conflicting identifier; otherwise a new document.
 * Records merge into their target in order, so the batch's result does not depend on how it was cut.
 * A record is read only when it meets a document under one of its keys, so a record that arrived as
 * JSON from a reading thread (prepare-record.ts) and makes a document of its own is never parsed.
 * @param items the batch's records, each under `record`
 * @param known documents the database holds under any of the batch's keys, by key
 * @param keysOf the record's keys (identity keys and dedup key) when they are already known (prepare-record.ts)
 */
export function resolveBatch(
  items: readonly { readonly record: NormalisedRecord }[],
  known: ReadonlyMap<string, Target>,
  newId: () => string,
  keysOf: (index: number) => { keys: readonly string[]; primary: string } = (i) => ownKeys(items[i].record),
): Resolution {
  const byKey = new Map(known);
  const targets: Target[] = [];
  const newKeys: { key: string; documentId: string }[] = [];
  for (const [index, item] of items.entries()) {
    const { keys, primary } = keysOf(index);
    let target = keys.map((key) => byKey.get(key)).find((candidate) => candidate && !conflicts(candidate.record, item.record));
    let register: readonly string[] = keys;
    if (target) {
      target.record = mergeRecord(target.record, item.record);
      // The merged document may now carry identifiers the record alone did not: register them too.
      register = [...keys, ...identityKeys(target.record)];
    } else {
      const id = newId();
      // Only when the primary key belongs to a document with a conflicting identifier.
      target = newTarget(id, byKey.has(primary) ? `${primary}#${id}` : primary, item);
    }
    for (const key of new Set(register)) {
      if (byKey.has(key)) continue;
      byKey.set(key, target);
      newKeys.push({ key, documentId: target.id });
    }
    targets.push(target);
  }
  return { targets, newKeys };
}

/** A document made from `item`, whose record is read when first needed (by a merge, say). */
function newTarget(id: string, dedupKey: string, item: { readonly record: NormalisedRecord }): Target {
  let record: NormalisedRecord | undefined;
  return {
    id,
    isNew: true,
    dedupKey,
    get record() {
      return (record ??= item.record);
    },
    set record(value) {
      record = value;
    },
  };
}

function ownKeys(record: NormalisedRecord): { keys: string[]; primary: string } {
  const primary = dedupKey(record);
  return { keys: [...new Set([...identityKeys(record), primary])], primary };
}
