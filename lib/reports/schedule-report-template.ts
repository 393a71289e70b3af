// A report template with a cron schedule has a BullMQ job scheduler whose every tick (job
// `reports.schedule`, carrying the template id) makes a new issue: a report row, generated at once.
// As with scheduled collection, a tick for a template that is gone or no longer scheduled removes its
// scheduler, and ticks that arrive while an issue is still being made are skipped.
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { schedule, unschedule } from "@/lib/jobs/queues";
import { createIssue } from "./request-report";
import { generateReport } from "./generate-report";

export const reportSchedulerId = (templateId: string) => `report:${templateId}`;

// cron-parser's complaints about a pattern (as opposed to a queue that cannot be reached).
const CRON_PROBLEM = /cron|constraint|validation|alias|field|out of range/i;

/** Upserts (pattern) or removes (null) the template's scheduler; a pattern that is not cron is `invalid`. */
export async function setTemplateScheduler(templateId: string, pattern: string | null): Promise<void> {
  if (!pattern) {
    await unschedule("reports.schedule", reportSchedulerId(templateId));
    return;
  }
  try {
    await schedule({ job: "reports.schedule", schedulerId: reportSchedulerId(templateId), pattern, rowId: templateId }); // BullMQ validates the pattern
  } catch (error) {
    if (error instanceof Error && CRON_PROBLEM.test(error.message)) throw invalid("reports.notCron", { pattern, reason: error.message });
    throw error;
  }
}

/** Job `reports.schedule`: one tick, one issue. */
export async function runReportSchedule(templateId: string): Promise<void> {
  const template = await db().reportTemplate.findUnique({ where: { id: templateId }, select: { schedule: true } });
  if (!template?.schedule) {
    await unschedule("reports.schedule", reportSchedulerId(templateId));
    return;
  }
  const issue = await createIssue(templateId, { skipIfBusy: true });
  if (!issue) {
    console.log(`[reports] template ${templateId}: the previous issue is still being made; this tick is skipped`);
    return;
  }
  await generateReport(issue.id);
}

export async function failReportSchedule(templateId: string, message: string): Promise<void> {
  console.error(`[reports] the scheduled issue of template ${templateId} could not be made: ${message}`);
}

/** Re-creates the scheduler of every scheduled template (a queue store that was reset loses them). */
export async function syncReportSchedules(): Promise<number> {
  const templates = await db().reportTemplate.findMany({ where: { schedule: { not: null } }, select: { id: true, schedule: true } });
  let synced = 0;
  for (const t of templates) {
    try {
      await setTemplateScheduler(t.id, t.schedule);
      synced++;
    } catch (error) {
      console.error(`[reports] template ${t.id} has an unusable schedule "${t.schedule}": ${(error as Error).message}`);
    }
  }
  return synced;
}
