// Writes a batch of parsed records: records that are the same document (by any identity key, see
// merge-records.ts) become one document, across files and sources; every source record keeps a
// provenance row. Idempotent: a redelivered batch or a re-imported file adds nothing.
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import type { Affiliation, Author, NormalisedRecord } from "@/lib/ingest/record";
import { dedupKey, identityKeys, recordHash } from "@/lib/ingest/dedup-key";
import { resolveBatch, type Target } from "@/lib/ingest/merge-records";

export type StoredRecord = { position: number; record: NormalisedRecord };

export type StoreOutcome = { created: number; merged: number };

// Serialises writers of one study's documents (two imports at once must not both create a document
// for the same DOI). Namespace number for the two-key advisory lock: "DOCS" in ASCII.
const DOCUMENT_LOCK = 0x444f4353;

/** Stores the batch in one transaction. Returns how many documents it created and how many records joined existing ones. */
export async function storeRecords(options: { studyId: string; importId: string | null; format: string; batch: StoredRecord[] }): Promise<StoreOutcome> {
  const { studyId, importId, format, batch } = options;
  if (batch.length === 0) return { created: 0, merged: 0 };
  return db().$transaction(
    async (tx) => {
      // A batch need not wait for its WAL flush: if the server crashes, the import is re-run and its
      // idempotent batches are stored again; the import's final status is written with a normal,
      // flushed commit, which also flushes every batch committed before it.
      await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK}::int, hashtext(${studyId}))`;
      const records = batch.map((b) => b.record);
      const known = await knownDocuments(tx, studyId, records);
      const before = new Map([...known.values()].map((t) => [t.id, documentHash(t.record)]));
      const { targets, newKeys } = resolveBatch(records, known, randomUUID);

      const created = [...new Set(targets.filter((t) => t.isNew))];
      const changed = [...new Set(targets.filter((t) => !t.isNew))].filter((t) => documentHash(t.record) !== before.get(t.id));
      await insertDocuments(tx, created.map((t) => documentRow(studyId, t)));
      for (const target of changed) {
        const { studyId: _s, id: _i, dedupKey: _d, ...fields } = documentRow(studyId, target);
        await tx.document.update({ where: { id: target.id }, data: fields });
      }
      await insertKeys(tx, newKeys.map((k) => ({ study_id: studyId, key: k.key, document_id: k.documentId })));
      await insertSources(
        tx,
        batch.map(({ position, record }, i) => ({
          id: randomUUID(),
          document_id: targets[i].id,
          import_id: importId,
          format,
          position,
          external_id: record.externalId,
          raw: record.raw,
          record_hash: recordHash(format, record),
        })),
      );
      return { created: created.length, merged: batch.length - created.length };
    },
    { timeout: 60_000 },
  );
}

// Bulk inserts as one JSON parameter expanded by jsonb_to_recordset: a single statement per table and
// batch, several times faster than row-by-row parameter binding for rows with JSON and array columns.

/** JSON for PostgreSQL: it rejects U+0000 in text and jsonb, which broken exports do contain. */
function pgJson(rows: unknown[]): string {
  const json = JSON.stringify(rows);
  if (!json.includes("\\u0000")) return json; // the usual case, without a replacer's per-value cost
  return JSON.stringify(rows, (_key, value) => (typeof value === "string" ? value.replaceAll("\u0000", "") : value));
}

async function insertDocuments(tx: Tx, rows: Prisma.DocumentCreateManyInput[]): Promise<void> {
  if (rows.length === 0) return;
  const json = pgJson(rows.map((r) => ({ ...r, publishedOn: r.publishedOn instanceof Date ? r.publishedOn.toISOString().slice(0, 10) : null })));
  await tx.$executeRaw`
    INSERT INTO document (id, study_id, kind, title, abstract, language, published_on, year, authors, affiliations, countries,
      keywords, classifications, assignees, venue, citation_count, doi, patent_number, arxiv_id, pmid, dedup_key, content_hash, flags, updated_at)
    SELECT id, "studyId", kind::"DocumentKind", title, abstract, language, "publishedOn", year, authors, affiliations, countries,
      keywords, classifications, assignees, venue, "citationCount", doi, "patentNumber", "arxivId", pmid, "dedupKey", "contentHash", flags, now()
    FROM jsonb_to_recordset(${json}::jsonb) AS r(id text, "studyId" text, kind text, title text, abstract text, language text,
      "publishedOn" date, year int, authors jsonb, affiliations jsonb, countries text[], keywords text[], classifications text[],
      assignees text[], venue text, "citationCount" int, doi text, "patentNumber" text, "arxivId" text, pmid text, "dedupKey" text,
      "contentHash" text, flags text[])`;
}

async function insertKeys(tx: Tx, rows: { study_id: string; key: string; document_id: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO document_key (study_id, key, document_id)
    SELECT study_id, key, document_id FROM jsonb_to_recordset(${pgJson(rows)}::jsonb) AS r(study_id text, key text, document_id text)
    ON CONFLICT DO NOTHING`;
}

type SourceRow = { id: string; document_id: string; import_id: string | null; format: string; position: number; external_id: string | null; raw: unknown; record_hash: string };

async function insertSources(tx: Tx, rows: SourceRow[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO document_source (id, document_id, import_id, format, position, external_id, raw, record_hash)
    SELECT id, document_id, import_id, format, position, external_id, raw, record_hash
    FROM jsonb_to_recordset(${pgJson(rows)}::jsonb)
      AS r(id text, document_id text, import_id text, format text, position int, external_id text, raw jsonb, record_hash text)
    ON CONFLICT DO NOTHING`;
}

/** The documents already stored under any key of the batch's records, by key. */
async function knownDocuments(tx: Tx, studyId: string, records: readonly NormalisedRecord[]): Promise<Map<string, Target>> {
  const keys = [...new Set(records.flatMap((r) => [...identityKeys(r), dedupKey(r)]))];
  const rows = await tx.documentKey.findMany({ where: { studyId, key: { in: keys } }, include: { document: true } });
  const targets = new Map<string, Target>(); // one Target per document, however many keys find it
  const known = new Map<string, Target>();
  for (const { key, document } of rows) {
    let target = targets.get(document.id);
    if (!target) {
      target = { id: document.id, isNew: false, record: recordOf(document), dedupKey: document.dedupKey };
      targets.set(document.id, target);
    }
    known.set(key, target);
  }
  return known;
}

type DocumentRow = Prisma.DocumentGetPayload<object>;

/** A stored document in the record shape, for merging (the raw form lives in document_source). */
function recordOf(d: DocumentRow): NormalisedRecord {
  return {
    kind: d.kind,
    title: d.title,
    abstract: d.abstract,
    language: d.language,
    publishedOn: d.publishedOn ? d.publishedOn.toISOString().slice(0, 10) : null,
    year: d.year,
    authors: d.authors as Author[],
    affiliations: d.affiliations as Affiliation[],
    countries: d.countries,
    keywords: d.keywords,
    classifications: d.classifications,
    assignees: d.assignees,
    venue: d.venue,
    citationCount: d.citationCount,
    doi: d.doi,
    patentNumber: d.patentNumber,
    arxivId: d.arxivId,
    pmid: d.pmid,
    externalId: null,
    raw: {},
  };
}

/**
 * The hash of what the document table holds (no source id, no raw form), so a stored row and its record
 * agree. Fields go in a fixed order and nested objects as arrays, because jsonb does not keep key order.
 */
function documentHash(r: NormalisedRecord): string {
  const canonical = [
    r.kind, r.title, r.abstract, r.language, r.publishedOn, r.year,
    r.authors.map((a) => [a.full, a.family ?? null, a.given ?? null]),
    r.affiliations.map((a) => [a.raw, a.institution ?? null, a.country ?? null, a.sector ?? null]),
    r.countries, r.keywords, r.classifications, r.assignees, r.venue, r.citationCount, r.doi, r.patentNumber, r.arxivId, r.pmid,
  ];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

function documentRow(studyId: string, { id, record: r, dedupKey }: Target): Prisma.DocumentCreateManyInput {
  return {
    id,
    studyId,
    kind: r.kind,
    title: r.title,
    abstract: r.abstract,
    language: r.language,
    publishedOn: r.publishedOn ? new Date(`${r.publishedOn}T00:00:00Z`) : null,
    year: r.year,
    authors: r.authors,
    affiliations: r.affiliations,
    countries: r.countries,
    keywords: r.keywords,
    classifications: r.classifications,
    assignees: r.assignees,
    venue: r.venue,
    citationCount: r.citationCount,
    doi: r.doi,
    patentNumber: r.patentNumber,
    arxivId: r.arxivId,
    pmid: r.pmid,
    dedupKey,
    contentHash: documentHash(r),
    flags: qualityFlags(r),
  };
}

/** Flags for suspect records, kept on the document so analysts can filter them. */
export function qualityFlags(r: NormalisedRecord): string[] {
  const flags: string[] = [];
  if (!r.abstract) flags.push("missing_abstract");
  if (r.year === null) flags.push("missing_year");
  else if (r.year > new Date().getUTCFullYear() + 1) flags.push("future_year");
  return flags;
}
