// `npm run worker`: the BullMQ workers of every queue. Run as many of these, on as many machines, as
// the load needs; they share work through the queue and claim rows in PostgreSQL.
import type { Worker } from "bullmq";
import { env } from "@/lib/env";
import { disconnectDb } from "@/lib/db";
import { createWorker, queueBackend } from "@/lib/jobs/connection";
import { QUEUES } from "@/lib/jobs/queues";
import { runJob } from "@/workers/handlers";
import { logComputeBackend } from "@/workers/compute-backend";
import { workerName } from "@/workers/health";
import { scheduleReminders } from "@/lib/experts/schedule-reminders";
import { syncSchedules } from "@/lib/collect/schedule-source";
import { syncReportSchedules } from "@/lib/reports/schedule-report-template";

export async function startWorkers(log: (line: string) => void = console.log): Promise<{ close(): Promise<void> }> {
  const concurrency = env().WORKER_CONCURRENCY;
  const workers: Worker[] = Object.values(QUEUES).map((name) => {
    const worker = createWorker(name, (job) => runJob(job, { log }), { concurrency, lockDuration: 60_000, name: workerName() });
    worker.on("failed", (job, error) => log(`[worker] ${job?.name ?? name} ${job?.id ?? ""} failed: ${error.message}`));
    worker.on("error", (error) => log(`[worker] ${name}: ${error.message}`));
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  // Job schedulers live in the queue store; re-create them from the rows that define them, so a
  // reset or new queue store (e.g. moving from PostgreSQL queues to Redis) keeps every schedule.
  await scheduleReminders();
  await syncSchedules();
  await syncReportSchedules();
  log(`[worker] ${workers.length} queues on ${queueBackend() === "redis" ? "Redis" : "PostgreSQL"}, concurrency ${concurrency}`);
  void logComputeBackend(log);
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await disconnectDb();
    },
  };
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isEntry) {
  const running = await startWorkers();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing current jobs`);
    await running.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}
