// Job name → domain function. Each handler gets the row id; failures after the last attempt mark
// the row failed with a message a person can read.
import type { Job } from "bullmq";
import { ZJobPayload, type JobName } from "@/lib/jobs/queues";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { isDatabaseUnavailable, waitForDatabase } from "@/lib/jobs/outage";
import { failImport, processImport } from "@/lib/ingest/process-import";
import { failCollection, processCollection } from "@/lib/collect/process-collection";
import { failScheduledCollection, runScheduledCollection } from "@/lib/collect/schedule-source";
import { failScan, processScan } from "@/lib/scans/process-scan";
import { failInferSlice, inferSlice } from "@/lib/scans/infer-slice";
import { failBacktest, processBacktest } from "@/lib/backtest/process-backtest";
import { failReminderJob, runReminderJob } from "@/lib/experts/schedule-reminders";
import { failReport, generateReport } from "@/lib/reports/generate-report";
import { failReportSchedule, runReportSchedule } from "@/lib/reports/schedule-report-template";

type Handler = { run(id: string): Promise<void>; fail(id: string, message: string): Promise<void> };

export const HANDLERS: Record<JobName, Handler> = {
  "ingest.import": { run: processImport, fail: failImport },
  "ingest.collect": { run: processCollection, fail: failCollection },
  "ingest.schedule": { run: runScheduledCollection, fail: failScheduledCollection },
  "analysis.scan": { run: processScan, fail: failScan },
  "analysis.infer": { run: inferSlice, fail: failInferSlice },
  "analysis.backtest": { run: processBacktest, fail: failBacktest },
  "experts.remind": { run: runReminderJob, fail: failReminderJob },
  "reports.generate": { run: generateReport, fail: failReport },
  "reports.schedule": { run: runReportSchedule, fail: failReportSchedule },
};

/** Outages a job waits out within one attempt; then the error counts as the attempt's failure. */
export const MAX_OUTAGE_RERUNS = 5;

export type HandleOptions = { log?: (line: string) => void; outageWaitMs?: number };

/** The processor of every queue; `startWorkers` makes one that logs where the worker logs. */
export const handleJob = (job: Job) => runJob(job);

export async function runJob(job: Job, { log = console.log, outageWaitMs = env().DATABASE_OUTAGE_WAIT_SECONDS * 1000 }: HandleOptions = {}): Promise<void> {
  const handler = HANDLERS[job.name as JobName];
  if (!handler) throw new Error(`No handler for job "${job.name}"`);
  const { id } = ZJobPayload.parse(job.data);
  // While PostgreSQL is unreachable the job waits for it and then runs again (handlers continue what a
  // previous run stored), so an outage of any length up to outageWaitMs costs no attempt.
  const outlast = async <T>(step: () => Promise<T>): Promise<T> => {
    for (let reruns = 0; ; reruns++) {
      try {
        return await step();
      } catch (error) {
        // A step that keeps meeting "unavailable" while the database answers our ping is not an outage.
        if (!isDatabaseUnavailable(error) || reruns === MAX_OUTAGE_RERUNS) throw error;
        log(`[worker] ${job.name} ${id}: database unavailable (${firstLine(error)}); waiting up to ${Math.round(outageWaitMs / 1000)} s for it`);
        if (!(await waitForDatabase({ timeoutMs: outageWaitMs }))) throw error;
        log(`[worker] ${job.name} ${id}: database back; running again`);
      }
    }
  };
  try {
    await outlast(() => handler.run(id));
  } catch (error) {
    const expected = error instanceof AppError;
    const lastAttempt = expected || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (lastAttempt) await outlast(() => handler.fail(id, expected ? error.message : `Failed: ${(error as Error).message}`));
    if (expected) return; // A clear, final answer (e.g. too few documents): retrying cannot help.
    throw error;
  }
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split("\n").find((l) => l.trim()) ?? "no message";
