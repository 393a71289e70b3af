// The import of one file: stream, parse (on a reading thread), store in batches, report progress,
// record per-record errors.
// Used by the worker (bytes from upload_chunk) and by the CLI (bytes from disk).
import { db } from "@/lib/db";
import { UnknownFormatError } from "@/lib/ingest/read-errors";
import { readInThread, type ThreadRead } from "@/lib/ingest/read-in-thread";
import type { PreparedRecord } from "@/lib/ingest/prepare-record";
import type { CsvMapping } from "@/lib/ingest/csv-mapping";
import type { FormatId } from "@/lib/ingest/formats";
import { storeRecords } from "@/lib/ingest/store-records";

const BATCH = 1000;
const MAX_ERRORS_STORED = 10_000;

export type ImportSummary = {
  format: string | null;
  records: number;
  imported: number;
  duplicates: number;
  errors: { record: number; line?: number; message: string }[];
};

/** Running figures: records read, documents created, records merged into existing documents, records rejected. */
export type ImportProgress = { records: number; stored: number; merged: number; rejected: number };

export type RunImportOptions = {
  importId: string;
  bytes: AsyncIterable<Uint8Array>;
  format?: FormatId | "auto";
  mapping?: CsvMapping;
  onProgress?: (p: ImportProgress) => void;
};

export async function runImport(options: RunImportOptions): Promise<ImportSummary> {
  const { importId } = options;
  const row = await db().import.findUniqueOrThrow({ where: { id: importId } });
  // A redelivered job starts over; records already stored are recognised as this import's own.
  await db().importError.deleteMany({ where: { importId } });
  let bytesRead = 0;
  const counted = (async function* () {
    for await (const chunk of options.bytes) {
      bytesRead += chunk.byteLength;
      yield chunk;
    }
  })();
  let read: ThreadRead;
  try {
    read = await readInThread(counted, { format: options.format ?? "auto", mapping: options.mapping, defaultKind: row.defaultKind ?? undefined, batchSize: BATCH });
  } catch (error) {
    if (error instanceof UnknownFormatError) {
      await db().import.update({ where: { id: importId }, data: { status: "FAILED", error: error.message, finishedAt: new Date() } });
      return { format: null, records: 0, imported: 0, duplicates: 0, errors: [{ record: 0, message: error.message }] };
    }
    throw error;
  }
  try {
    await db().import.update({ where: { id: importId }, data: { format: read.format } });
    let records = 0;
    let rejected = 0;
    let created = 0; // running figures for the progress display; the final ones are counted from what is stored
    let merged = 0;
    let errorsStored = 0;
    // The reading thread parses the next batches while this one is stored.
    for await (const results of read.batches) {
      const batch: PreparedRecord[] = [];
      const errors: { record: number; line?: number; message: string }[] = [];
      for (const result of results) {
        records++;
        if (result.ok) batch.push(result.prepared);
        else {
          rejected++;
          errors.push({ record: result.position, line: result.line, message: result.message });
        }
      }
      const stored = await storeRecords({ studyId: row.studyId, importId, batch });
      created += stored.created;
      merged += stored.merged;
      const keep = errors.slice(0, Math.max(0, MAX_ERRORS_STORED - errorsStored));
      if (keep.length) await db().importError.createMany({ data: keep.map((e) => ({ importId, ...e })) });
      errorsStored += keep.length;
      const progress = row.fileSize ? Math.min(0.99, bytesRead / row.fileSize) : 0;
      const counts = { recordsRead: records, recordsImported: created, recordsDuplicate: merged, recordsRejected: rejected };
      await db().import.update({ where: { id: importId }, data: { ...counts, progress } });
      options.onProgress?.({ records, stored: created, merged, rejected });
    }
    return await finishImport(importId, read.format, records, rejected);
  } finally {
    await read.close();
  }
}

/**
 * Counts are computed from what is stored, not from counters, so a job that ran twice reports the
 * same figures: a document is this import's when its first provenance row comes from this import.
 */
async function finishImport(importId: string, format: string, records: number, rejected: number): Promise<ImportSummary> {
  const [{ imported }] = await db().$queryRaw<{ imported: bigint }[]>`
    SELECT count(*) AS imported FROM (
      SELECT DISTINCT ON (document_id) document_id, import_id FROM document_source
      WHERE document_id IN (SELECT document_id FROM document_source WHERE import_id = ${importId})
      ORDER BY document_id, created_at, id
    ) first WHERE first.import_id = ${importId}`;
  const importedCount = Number(imported);
  const duplicates = records - rejected - importedCount;
  await db().import.update({
    where: { id: importId },
    data: {
      status: "SUCCEEDED",
      recordsRead: records,
      recordsImported: importedCount,
      recordsDuplicate: duplicates,
      recordsRejected: rejected,
      progress: 1,
      finishedAt: new Date(),
    },
  });
  const errors = await db().importError.findMany({ where: { importId }, orderBy: { record: "asc" }, select: { record: true, line: true, message: true } });
  return { format, records, imported: importedCount, duplicates, errors: errors.map((e) => ({ record: e.record, ...(e.line ? { line: e.line } : {}), message: e.message })) };
}
