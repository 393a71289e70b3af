// Job `ingest.collect`: claim the import row and run the collection. A redelivered job finds its own
// cursor on the source and continues after the last stored page.
import { db } from "@/lib/db";
import { runCollection } from "./run-collection";

export async function processCollection(importId: string): Promise<void> {
  // Claim: a finished collection is never run again; a RUNNING one was interrupted and continues.
  const claimed = await db().import.updateMany({
    where: { id: importId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", startedAt: new Date(), error: null },
  });
  if (claimed.count === 0) return;
  const summary = await runCollection({ importId, log: (line) => console.log(line) });
  console.log(`[collect] ${summary.source} "${summary.query}": ${summary.records} records, ${summary.imported} new, ${summary.duplicates} already known, ${summary.rejected} rejected`);
}

export async function failCollection(importId: string, message: string): Promise<void> {
  await db().import.updateMany({
    where: { id: importId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: message, finishedAt: new Date() },
  });
}
