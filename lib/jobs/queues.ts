// Queue names, job names and payloads. A job carries only the id of the row that holds the work,
// and that id is the job id, so a double click or a redelivery enqueues nothing new.
import type { Queue } from "bullmq";
import { z } from "zod";
import { createQueue } from "@/lib/jobs/connection";

export const QUEUES = { ingest: "ingest", analysis: "analysis" } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ZJobPayload = z.object({ id: z.string().min(1) }).strict();
export type JobPayload = z.infer<typeof ZJobPayload>;

export const JOBS = {
  "ingest.import": QUEUES.ingest,
  "analysis.scan": QUEUES.analysis,
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

export async function closeQueues(): Promise<void> {
  const queues = globalForQueues.foresightQueues;
  if (!queues) return;
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
