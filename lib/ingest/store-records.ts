// Writes a batch of parsed records: records that are the same document (by any identity key, see
// merge-records.ts) become one document, across files and sources; every source record keeps a
// provenance row. Idempotent: a redelivered batch or a re-imported file adds nothing.
import { uuidv7 } from "@/lib/db/uuid7";
import type { PoolClient } from "pg";
import { withConnection } from "@/lib/db";
import { escapedCell, jsonCell, numberCell, storableJson, storableText, textArrayCell, textCell, timestampCell, type CopyCell, copyRows } from "@/lib/db/copy";
import type { Affiliation, Author, NormalisedRecord } from "@/lib/ingest/record";
import { resolveBatch, type Target } from "@/lib/ingest/merge-records";
import {
  DOCUMENT_RECORD_COLUMNS, SOURCE_RECORD_COLUMNS, documentCells, documentHash, qualityFlags, type PreparedRecord,
} from "@/lib/ingest/prepare-record";

export type StoreOutcome = { created: number; merged: number };

// Serialises writers of one study's documents (two imports at once must not both create a document
// for the same DOI). Namespace number for the two-key advisory lock: "DOCS" in ASCII.
const DOCUMENT_LOCK = 0x444f4353;

/**
 * Stores the batch in one transaction. Returns how many documents it created and how many records joined
 * existing ones. New rows go in with COPY (lib/db/copy.ts), from cells the reading thread already encoded
 * (prepare-record.ts): per batch of 1,000 records, about half the database time of inserting them from a
 * JSON parameter, and a small fraction of this thread's.
 */
export async function storeRecords(options: { studyId: string; importId: string | null; batch: PreparedRecord[] }): Promise<StoreOutcome> {
  const { studyId, importId, batch } = options;
  if (batch.length === 0) return { created: 0, merged: 0 };
  return withConnection(async (client) => {
    await client.query("BEGIN");
    // A batch need not wait for its WAL flush: if the server crashes, the import is re-run and its
    // idempotent batches are stored again; the import's final status is written with a normal,
    // flushed commit, which also flushes every batch committed before it.
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SELECT pg_advisory_xact_lock($1::int, hashtext($2))", [DOCUMENT_LOCK, studyId]);
    const known = await knownDocuments(client, studyId, [...new Set(batch.flatMap((b) => b.keys))]);
    const before = new Map([...known.values()].map((t) => [t.id, documentHash(t.record)]));
    const { targets, newKeys } = resolveBatch(batch, known, uuidv7, (i) => ({ keys: batch[i].keys, primary: batch[i].dedupKey }));
    // A new document made of one record is that record's prepared row; one that merged several is encoded anew.
    const prepared = ownRecords(targets, batch);
    const hashOf = (t: Target) => prepared.get(t)?.documentHash ?? documentHash(t.record);

    const created = [...new Set(targets.filter((t) => t.isNew))];
    const createdIds = new Set(created.map((t) => t.id));
    const changed = [...new Set(targets.filter((t) => !t.isNew))].filter((t) => hashOf(t) !== before.get(t.id));
    const now = timestampCell(new Date());
    const study = textCell(studyId);
    await copyRows(
      client,
      "document",
      DOCUMENT_COLUMNS,
      created.map((t) => `${prepared.get(t)?.documentCells ?? documentCells(t.record, hashOf(t))}\t${textCell(t.id)}\t${study}\t${textCell(t.dedupKey)}\t${now}`),
    );
    for (const target of changed) await updateDocument(client, target, hashOf(target), now);
    // A new document's keys are new: the lookup above saw every key of the batch's records.
    await copyRows(client, "document_key", KEY_COLUMNS, newKeys.filter((k) => createdIds.has(k.documentId)).map((k) => `${study}\t${textCell(k.key)}\t${textCell(k.documentId)}`));
    await insertKeys(client, studyId, newKeys.filter((k) => !createdIds.has(k.documentId)));
    const sources = batch.map(({ hash, sourceCells }, i) => ({ hash, sourceCells, target: targets[i] }));
    // A source record is kept once per document: not again when it is stored already (a re-imported
    // file), nor twice when a file holds it twice.
    const seen = await storedSources(client, sources.filter((s) => !s.target.isNew));
    const fresh = sources.filter((s) => {
      const key = `${s.target.id} ${s.hash}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const importCell = textCell(importId);
    await copyRows(client, "document_source", SOURCE_COLUMNS, fresh.map((s) => `${s.sourceCells}\t${textCell(uuidv7())}\t${textCell(s.target.id)}\t${importCell}`));
    await client.query("COMMIT");
    return { created: created.length, merged: batch.length - created.length };
  });
}

/** The new documents made of one record each, with that record. */
function ownRecords(targets: readonly Target[], batch: readonly PreparedRecord[]): Map<Target, PreparedRecord> {
  const own = new Map<Target, PreparedRecord>();
  const merged = new Set<Target>();
  targets.forEach((target, i) => {
    if (!target.isNew || merged.has(target)) return;
    if (own.has(target)) {
      own.delete(target);
      merged.add(target);
    } else own.set(target, batch[i]);
  });
  return own;
}

const DOCUMENT_COLUMNS = [...DOCUMENT_RECORD_COLUMNS, "id", "study_id", "dedup_key", "updated_at"];
const KEY_COLUMNS = ["study_id", "key", "document_id"];
const SOURCE_COLUMNS = [...SOURCE_RECORD_COLUMNS, "id", "document_id", "import_id"];

/** A document a record merged into: every column but its id, study and dedup key is rewritten. */
async function updateDocument(client: PoolClient, { id, record: r }: Target, hash: string, updatedAt: CopyCell): Promise<void> {
  await client.query(
    `UPDATE document SET kind = $2::"DocumentKind", title = $3, abstract = $4, language = $5, published_on = $6::date, year = $7,
       authors = $8::jsonb, affiliations = $9::jsonb, countries = $10, keywords = $11, classifications = $12, assignees = $13,
       venue = $14, citation_count = $15, doi = $16, patent_number = $17, arxiv_id = $18, pmid = $19, content_hash = $20,
       flags = $21, updated_at = $22::timestamp
     WHERE id = $1`,
    [
      id, r.kind, storableText(r.title), storableText(r.abstract), storableText(r.language), r.publishedOn, r.year,
      storableJson(r.authors), storableJson(r.affiliations), storableText(r.countries), storableText(r.keywords),
      storableText(r.classifications), storableText(r.assignees), storableText(r.venue), r.citationCount, storableText(r.doi),
      storableText(r.patentNumber), storableText(r.arxivId), storableText(r.pmid), hash, qualityFlags(r), updatedAt,
    ],
  );
}

/**
 * Keys go in with ON CONFLICT DO NOTHING: a merged document can bring back a key of its own that the
 * batch's lookup did not ask for (found by title, it gains the DOI it was registered under).
 */
async function insertKeys(client: PoolClient, studyId: string, keys: { key: string; documentId: string }[]): Promise<void> {
  if (keys.length === 0) return;
  await client.query(
    `INSERT INTO document_key (study_id, key, document_id)
     SELECT $1, key, document_id FROM unnest($2::text[], $3::text[]) AS k(key, document_id)
     ON CONFLICT DO NOTHING`,
    [studyId, keys.map((k) => storableText(k.key)), keys.map((k) => k.documentId)],
  );
}

/**
 * $1 document ids, $2 record hashes, pairwise: the pairs document_source holds already. One probe of
 * its unique index per pair, for the reason given at KNOWN_DOCUMENTS_SQL.
 */
export const STORED_SOURCES_SQL = `SELECT s.document_id, s.record_hash
     FROM unnest($1::text[], $2::text[]) AS q(document_id, record_hash)
     CROSS JOIN LATERAL (
       SELECT s.document_id, s.record_hash FROM document_source s
       WHERE s.document_id = q.document_id AND s.record_hash = q.record_hash
       LIMIT 1
     ) s`;

/** "<document id> <record hash>" of the given sources already stored: a re-imported file adds no provenance twice. */
async function storedSources(client: PoolClient, sources: { target: Target; hash: string }[]): Promise<Set<string>> {
  if (sources.length === 0) return new Set();
  const { rows } = await client.query<{ document_id: string; record_hash: string }>(STORED_SOURCES_SQL, [
    sources.map((s) => s.target.id),
    sources.map((s) => s.hash),
  ]);
  return new Set(rows.map((r) => `${r.document_id} ${r.record_hash}`));
}

/**
 * $1 the study, $2 keys: the stored documents under those keys, each with the key that found it. Each
 * key is one probe of document_key's primary key: the LATERAL subquery with LIMIT 1 cannot be flattened
 * into a join, so the planner cannot choose to read the study's whole key range and filter it. It did
 * that for `key = ANY($2)` while a study grew faster than its statistics, and an import slowed down
 * with every batch: over a 200,000-record file the lookups took 13.6 of the database's 41 seconds.
 */
export const KNOWN_DOCUMENTS_SQL = `SELECT q.key, d.*
     FROM unnest($2::text[]) AS q(key)
     CROSS JOIN LATERAL (
       SELECT d.id, d.kind, d.title, d.abstract, d.language, d.published_on::text AS published_on, d.year, d.authors,
         d.affiliations, d.countries, d.keywords, d.classifications, d.assignees, d.venue, d.citation_count, d.doi,
         d.patent_number, d.arxiv_id, d.pmid, d.dedup_key
       FROM document_key k JOIN document d ON d.id = k.document_id
       WHERE k.study_id = $1 AND k.key = q.key
       LIMIT 1
     ) d`;

/** The documents already stored under any key of the batch's records, by key. */
async function knownDocuments(client: PoolClient, studyId: string, keys: string[]): Promise<Map<string, Target>> {
  const { rows } = await client.query<DocumentRow & { key: string }>(KNOWN_DOCUMENTS_SQL, [studyId, keys]);
  const targets = new Map<string, Target>(); // one Target per document, however many keys find it
  const known = new Map<string, Target>();
  for (const row of rows) {
    let target = targets.get(row.id);
    if (!target) {
      target = { id: row.id, isNew: false, record: recordOf(row), dedupKey: row.dedup_key };
      targets.set(row.id, target);
    }
    known.set(row.key, target);
  }
  return known;
}

/** A document row as knownDocuments selects it (snake_case, the date as text). */
type DocumentRow = {
  id: string; kind: NormalisedRecord["kind"]; title: string; abstract: string; language: string | null; published_on: string | null;
  year: number | null; authors: Author[]; affiliations: Affiliation[]; countries: string[] | null; keywords: string[] | null;
  classifications: string[] | null; assignees: string[] | null; venue: string | null; citation_count: number | null;
  doi: string | null; patent_number: string | null; arxiv_id: string | null; pmid: string | null; dedup_key: string;
};

/** A stored document in the record shape, for merging (the raw form lives in document_source). */
function recordOf(d: DocumentRow): NormalisedRecord {
  return {
    kind: d.kind,
    title: d.title,
    abstract: d.abstract,
    language: d.language,
    publishedOn: d.published_on,
    year: d.year,
    authors: d.authors,
    affiliations: d.affiliations,
    countries: d.countries ?? [],
    keywords: d.keywords ?? [],
    classifications: d.classifications ?? [],
    assignees: d.assignees ?? [],
    venue: d.venue,
    citationCount: d.citation_count,
    doi: d.doi,
    patentNumber: d.patent_number,
    arxivId: d.arxiv_id,
    pmid: d.pmid,
    externalId: null,
    raw: {},
  };
}
