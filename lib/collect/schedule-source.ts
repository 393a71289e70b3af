// Scheduled re-collection. A source with a cron `schedule` has a BullMQ job scheduler whose every tick
// (job `ingest.schedule`, carrying the source id) starts a new collection run; clearing the schedule
// removes the scheduler. BullMQ 6 implements job schedulers on Redis and on its PostgreSQL backend
// alike, so this works on both. A tick for a source that is gone or unscheduled removes its scheduler.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { invalid, notFound } from "@/lib/errors";
import { schedule, unschedule } from "@/lib/jobs/queues";
import { connectorForKind } from "@/lib/connectors/registry";
import { isBeingCollected, STALE_MS } from "./collection-state";
import { startCollection } from "./start-collection";

export const schedulerId = (sourceId: string) => `collect:${sourceId}`;

// cron-parser's complaints about a pattern (as opposed to a queue that cannot be reached).
const CRON_PROBLEM = /cron|constraint|validation|alias|field|out of range/i;

export type SetScheduleOptions = { sourceId: string; schedule: string | null; actorId: string | null };

/** Sets (cron, e.g. "0 6 * * 1") or clears (null) a source's schedule, and its job scheduler with it. */
export async function setSourceSchedule(options: SetScheduleOptions): Promise<void> {
  const source = await db().source.findUnique({ where: { id: options.sourceId } });
  if (!source) throw notFound("source");
  if (!connectorForKind(source.kind)) throw invalid(`${source.kind} sources are imported from files and cannot be scheduled`);
  const pattern = options.schedule?.trim() || null;
  if (pattern) {
    try {
      await schedule({ job: "ingest.schedule", schedulerId: schedulerId(source.id), pattern, rowId: source.id }); // BullMQ validates the pattern
    } catch (error) {
      if (error instanceof Error && CRON_PROBLEM.test(error.message)) throw invalid(`"${pattern}" is not a cron schedule: ${error.message}`);
      throw error;
    }
  }
  try {
    await db().source.update({ where: { id: source.id }, data: { schedule: pattern } });
  } catch (error) {
    if (pattern && source.schedule === null) await unschedule("ingest.schedule", schedulerId(source.id));
    throw error;
  }
  if (!pattern) await unschedule("ingest.schedule", schedulerId(source.id));
  await recordAudit({ actorId: options.actorId, action: "source.schedule", entity: "source", entityId: source.id, studyId: source.studyId, data: { schedule: pattern } });
}

/** Job `ingest.schedule`: one tick starts a collection run, unless one is still under way. */
export async function runScheduledCollection(sourceId: string): Promise<void> {
  const source = await db().source.findUnique({ where: { id: sourceId }, select: { schedule: true } });
  if (!source?.schedule) {
    await unschedule("ingest.schedule", schedulerId(sourceId));
    return;
  }
  const queued = await db().import.count({ where: { sourceId, status: "QUEUED", createdAt: { gt: new Date(Date.now() - STALE_MS) } } });
  if (queued > 0 || (await isBeingCollected(sourceId))) {
    console.log(`[collect] source ${sourceId}: the previous collection is still under way; this tick is skipped`);
    return;
  }
  await startCollection({ sourceId, actorId: null, via: "schedule" });
}

export async function failScheduledCollection(sourceId: string, message: string): Promise<void> {
  console.error(`[collect] the scheduled collection of source ${sourceId} could not start: ${message}`);
}

/** Re-creates the scheduler of every scheduled source (a queue store that was reset loses them). */
export async function syncSchedules(): Promise<number> {
  const sources = await db().source.findMany({ where: { schedule: { not: null } }, select: { id: true, kind: true, schedule: true } });
  let synced = 0;
  for (const source of sources) {
    if (!source.schedule || !connectorForKind(source.kind)) continue;
    try {
      await schedule({ job: "ingest.schedule", schedulerId: schedulerId(source.id), pattern: source.schedule, rowId: source.id });
      synced++;
    } catch (error) {
      if (!(error instanceof Error && CRON_PROBLEM.test(error.message))) throw error;
      console.error(`[collect] source ${source.id} has an invalid schedule "${source.schedule}": ${error.message}`);
    }
  }
  return synced;
}
