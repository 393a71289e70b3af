// The reminder check runs every 15 minutes from the worker's job scheduler (one scheduler for the
// whole installation; upserting it again on every worker start replaces it).
import { schedule } from "@/lib/jobs/queues";
import { sendDueReminders } from "@/lib/experts/send-reminders";

export const REMINDER_SCHEDULER = "experts.remind";
export const REMINDER_CRON = "*/15 * * * *";

export async function scheduleReminders(): Promise<void> {
  await schedule({ job: "experts.remind", schedulerId: REMINDER_SCHEDULER, pattern: REMINDER_CRON, rowId: "all" });
}

/** The job handler: the payload id is not needed, every due invitation is checked. */
export async function runReminderJob(_id: string): Promise<void> {
  await sendDueReminders();
}

/** A failed check needs no row marked: the next tick tries again. */
export async function failReminderJob(_id: string, message: string): Promise<void> {
  console.error(`[reminders] ${message}`);
}
