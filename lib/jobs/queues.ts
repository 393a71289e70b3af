// Queue names, job names and payloads. A job carries only the id of the row that holds the work,
// and that id is the job id, so a double click or a redelivery enqueues nothing new.
import type { Queue } from "bullmq";
import { z } from "zod";
import { createQueue } from "@/lib/jobs/connection";

export const QUEUES = { ingest: "ingest", analysis: "analysis", experts: "experts", reports: "reports" } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ZJobPayload = z.object({ id: z.string().min(1) }).strict();
export type JobPayload = z.infer<typeof ZJobPayload>;

export const JOBS = {
  "ingest.import": QUEUES.ingest,
  "ingest.collect": QUEUES.ingest,
  /** A source's cron tick (job id from BullMQ's scheduler; the payload id is the source's). */
  "ingest.schedule": QUEUES.ingest,
  "analysis.scan": QUEUES.analysis,
  /** θ for one slice of a sampled scan's documents (the payload id is the slice's TopicRun row). */
  "analysis.infer": QUEUES.analysis,
  /** A study's back-test of the emerging score (the payload id is the BacktestRun row's). */
  "analysis.backtest": QUEUES.analysis,
  /** The reminder check's cron tick (lib/experts/schedule-reminders.ts); the payload id is unused. */
  "experts.remind": QUEUES.experts,
  /** Generates one template-report issue (the payload id is the report row's). */
  "reports.generate": QUEUES.reports,
  /** A report template's cron tick (lib/reports/schedule-report-template.ts); the payload id is the template's. */
  "reports.schedule": QUEUES.reports,
} as const satisfies Record<string, QueueName>;
export type JobName = keyof typeof JOBS;

const globalForQueues = globalThis as unknown as { foresightQueues?: Map<QueueName, Queue> };

function queue(name: QueueName): Queue {
  globalForQueues.foresightQueues ??= new Map();
  let q = globalForQueues.foresightQueues.get(name);
  if (!q) {
    q = createQueue(name);
    globalForQueues.foresightQueues.set(name, q);
  }
  return q;
}

export async function enqueue(job: JobName, rowId: string): Promise<void> {
  await queue(JOBS[job]).add(job, { id: rowId } satisfies JobPayload, {
    jobId: rowId,
    attempts: 3,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  });
}

/**
 * A job scheduler that adds `job` for `rowId` at every tick of the cron `pattern`; upserting the same
 * id replaces it. Works on both backends (BullMQ's PostgreSQL backend implements job schedulers).
 */
export async function schedule({ job, schedulerId, pattern, rowId }: { job: JobName; schedulerId: string; pattern: string; rowId: string }): Promise<void> {
  await queue(JOBS[job]).upsertJobScheduler(schedulerId, { pattern }, {
    name: job,
    data: { id: rowId } satisfies JobPayload,
    opts: { attempts: 1, removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: { age: 30 * 24 * 3600 } },
  });
}

/** Removes a job scheduler; false when there was none. */
export async function unschedule(job: JobName, schedulerId: string): Promise<boolean> {
  return queue(JOBS[job]).removeJobScheduler(schedulerId);
}

export async function closeQueues(): Promise<void> {
  const queues = globalForQueues.foresightQueues;
  if (!queues) return;
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
