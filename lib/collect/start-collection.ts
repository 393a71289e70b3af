// A collection from a source becomes an import row, and a job is queued to run it.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { invalid, notFound } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/queues";
import { connectorForKind } from "@/lib/connectors/registry";

export type StartCollectionOptions = { sourceId: string; actorId: string | null; via?: "schedule" | "user" };

export async function startCollection(options: StartCollectionOptions) {
  const source = await db().source.findUnique({ where: { id: options.sourceId } });
  if (!source) throw notFound("source");
  const connector = connectorForKind(source.kind);
  if (!connector) throw invalid(`${source.kind} sources are imported from files, not collected`);
  const row = await db().import.create({
    data: { studyId: source.studyId, sourceId: source.id, format: connector.id, status: "QUEUED", createdById: options.actorId },
  });
  await recordAudit({
    actorId: options.actorId,
    action: "collection.start",
    entity: "import",
    entityId: row.id,
    studyId: source.studyId,
    data: { sourceId: source.id, kind: source.kind, via: options.via ?? "user" },
  });
  await enqueue("ingest.collect", row.id);
  return row;
}
