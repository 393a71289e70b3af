// A large import for the fault tests, and the check that it finished exactly once: as many documents
// as records, one provenance row per document, no per-record errors, the row SUCCEEDED.
import { expect } from "vitest";
import { db } from "@/lib/db";

const TOPICS = ["solid electrolyte", "quantum sensing", "graphene membrane", "edge inference", "perovskite cell", "swarm robotics"];

/** `n` distinct RIS journal articles (own DOI and title each), generated as they are read. */
export async function* largeRis(n: number): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let buffer = "";
  for (let i = 0; i < n; i++) {
    const topic = TOPICS[i % TOPICS.length];
    buffer +=
      `TY  - JOUR\nAU  - Author ${i % 997}, A.\nTI  - ${topic} study number ${i}: methods and results\n` +
      `AB  - We report ${topic} experiments, batch ${i}, with measurements and a model of the effect.\n` +
      `PY  - ${2000 + (i % 25)}\nDO  - 10.5555/trust.${i}\nER  - \n\n`;
    if (buffer.length > 256 * 1024) {
      yield encoder.encode(buffer);
      buffer = "";
    }
  }
  yield encoder.encode(buffer);
}

export type ImportCheck = { documents: number; provenance: number; distinctDocuments: number; errors: number; status: string; recordsRead: number };

export async function importState(importId: string, studyId: string): Promise<ImportCheck> {
  const row = await db().import.findUniqueOrThrow({ where: { id: importId } });
  const [{ provenance, distinct }] = await db().$queryRaw<{ provenance: bigint; distinct: bigint }[]>`
    SELECT count(*) AS provenance, count(DISTINCT document_id) AS distinct FROM document_source WHERE import_id = ${importId}`;
  return {
    documents: await db().document.count({ where: { studyId } }),
    provenance: Number(provenance),
    distinctDocuments: Number(distinct),
    errors: await db().importError.count({ where: { importId } }),
    status: row.status,
    recordsRead: row.recordsRead,
  };
}

/** Finished exactly once: n documents, n provenance rows on n distinct documents, no errors, SUCCEEDED with n read and imported. */
export async function expectImportedOnce(importId: string, studyId: string, n: number): Promise<void> {
  const state = await importState(importId, studyId);
  expect(state).toEqual({ documents: n, provenance: n, distinctDocuments: n, errors: 0, status: "SUCCEEDED", recordsRead: n });
  const row = await db().import.findUniqueOrThrow({ where: { id: importId } });
  expect(row).toMatchObject({ recordsImported: n, recordsDuplicate: 0, recordsRejected: 0, progress: 1 });
  expect(await db().uploadChunk.count({ where: { importId } })).toBe(0);
}
