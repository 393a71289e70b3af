// Job name → domain function. Each handler gets the row id; failures after the last attempt mark
// the row failed with a message a person can read.
import type { Job } from "bullmq";
import { ZJobPayload, type JobName } from "@/lib/jobs/queues";
import { AppError } from "@/lib/errors";
import { failImport, processImport } from "@/lib/ingest/process-import";
import { failCollection, processCollection } from "@/lib/collect/process-collection";
import { failScheduledCollection, runScheduledCollection } from "@/lib/collect/schedule-source";
import { failScan, processScan } from "@/lib/scans/process-scan";
import { failInferSlice, inferSlice } from "@/lib/scans/infer-slice";
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
  "experts.remind": { run: runReminderJob, fail: failReminderJob },
  "reports.generate": { run: generateReport, fail: failReport },
  "reports.schedule": { run: runReportSchedule, fail: failReportSchedule },
};

export async function handleJob(job: Job): Promise<void> {
  const handler = HANDLERS[job.name as JobName];
  if (!handler) throw new Error(`No handler for job "${job.name}"`);
  const { id } = ZJobPayload.parse(job.data);
  try {
    await handler.run(id);
  } catch (error) {
    const expected = error instanceof AppError;
    const lastAttempt = expected || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (lastAttempt) await handler.fail(id, expected ? error.message : `Failed: ${(error as Error).message}`);
    if (expected) return; // A clear, final answer (e.g. too few documents): retrying cannot help.
    throw error;
  }
}
