// Job `ingest.import`: claim the row, parse the uploaded bytes, and free them when done.
import { db } from "@/lib/db";
import { ZCsvMapping } from "@/lib/ingest/csv-mapping";
import type { FormatId } from "@/lib/ingest/formats";
import { runImport } from "@/lib/ingest/run-import";
import { uploadedBytes } from "@/lib/ingest/start-import";

export async function processImport(importId: string): Promise<void> {
  // Claim: a finished import is never run again; a RUNNING one was interrupted and starts over.
  const claimed = await db().import.updateMany({
    where: { id: importId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", startedAt: new Date(), error: null },
  });
  if (claimed.count === 0) return;
  const row = await db().import.findUniqueOrThrow({ where: { id: importId }, select: { format: true, mapping: true } });
  const summary = await runImport({
    importId,
    bytes: uploadedBytes(importId),
    format: (row.format as FormatId | null) ?? "auto",
    mapping: row.mapping ? ZCsvMapping.parse(row.mapping) : undefined,
  });
  if (summary.format !== null) await db().uploadChunk.deleteMany({ where: { importId } });
}

export async function failImport(importId: string, message: string): Promise<void> {
  await db().import.updateMany({
    where: { id: importId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: message, finishedAt: new Date() },
  });
}
