// Job `ingest.import`: claim the row, parse the uploaded bytes, and free them when done.
import { db } from "@/lib/db";
import { runImport } from "@/lib/ingest/run-import";
import { uploadedBytes } from "@/lib/ingest/start-import";

export async function processImport(importId: string): Promise<void> {
  // Claim: a finished import is never run again; a RUNNING one was interrupted and starts over.
  const claimed = await db().import.updateMany({
    where: { id: importId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", startedAt: new Date(), error: null },
  });
  if (claimed.count === 0) return;
  const summary = await runImport({ importId, bytes: uploadedBytes(importId) });
  if (summary.format !== null) await db().uploadChunk.deleteMany({ where: { importId } });
}

export async function failImport(importId: string, message: string): Promise<void> {
  await db().import.updateMany({
    where: { id: importId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: message, finishedAt: new Date() },
  });
}
