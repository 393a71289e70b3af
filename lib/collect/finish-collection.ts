// The end of a collection run and its report of what is new. Counts come from what is stored, as for
// file imports: a document is new in this run when its first provenance row comes from this import.
import { db } from "@/lib/db";
import { DbNull } from "@/lib/generated/prisma/internal/prismaNamespace";

const ERRORS_REPORTED = 100;
const NEW_DOCUMENTS_REPORTED = 20;

export type CollectionSummary = {
  importId: string;
  source: string;
  query: string;
  /** "end": the API had no more pages; "limit": the run kept as many records as it may; "interrupted": stopped, resumable. */
  outcome: "end" | "limit" | "interrupted";
  /** Whether this run continued an earlier, unfinished collection. */
  resumed: boolean;
  /** Pages this run fetched and stored. */
  pages: number;
  records: number;
  imported: number;
  duplicates: number;
  rejected: number;
  errors: { record: number; line?: number; message: string }[];
  /** The first documents this run added (at most 20). */
  newDocuments: { id: string; title: string; year: number | null }[];
};

export type FinishInput = Omit<CollectionSummary, "imported" | "duplicates" | "errors" | "newDocuments" | "records"> & {
  sourceId: string;
  read: number;
};

export async function finishCollection(input: FinishInput): Promise<CollectionSummary> {
  const { importId } = input;
  const fresh = await db().$queryRaw<{ id: string; title: string; year: number | null }[]>`
    SELECT d.id, d.title, d.year FROM (
      SELECT DISTINCT ON (document_id) document_id, import_id, position FROM document_source
      WHERE document_id IN (SELECT document_id FROM document_source WHERE import_id = ${importId})
      ORDER BY document_id, created_at, id
    ) first JOIN document d ON d.id = first.document_id
    WHERE first.import_id = ${importId}
    ORDER BY first.position, d.id`;
  const imported = fresh.length;
  const duplicates = input.read - input.rejected - imported;
  const counts = { recordsRead: input.read, recordsImported: imported, recordsDuplicate: duplicates, recordsRejected: input.rejected };
  if (input.outcome === "interrupted") {
    await db().import.update({ where: { id: importId }, data: counts });
  } else {
    await db().$transaction([
      db().import.update({ where: { id: importId }, data: { ...counts, status: "SUCCEEDED", error: null, progress: 1, finishedAt: new Date() } }),
      // The next collection starts at the first page — unless another run has taken the source over.
      db().source.updateMany({ where: { id: input.sourceId, cursor: { path: ["importId"], equals: importId } }, data: { cursor: DbNull, lastCollectedAt: new Date() } }),
    ]);
  }
  const errors = await db().importError.findMany({ where: { importId }, orderBy: { record: "asc" }, take: ERRORS_REPORTED, select: { record: true, line: true, message: true } });
  return {
    importId,
    source: input.source,
    query: input.query,
    outcome: input.outcome,
    resumed: input.resumed,
    pages: input.pages,
    records: input.read,
    imported,
    duplicates,
    rejected: input.rejected,
    errors: errors.map((e) => ({ record: e.record, ...(e.line ? { line: e.line } : {}), message: e.message })),
    newDocuments: fresh.slice(0, NEW_DOCUMENTS_REPORTED),
  };
}
