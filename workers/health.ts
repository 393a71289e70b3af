// `npm run worker:health` (the compose health check): succeeds when a worker of this host is
// connected to every queue, and fails — within HEALTH_TIMEOUT_MS, never by hanging — when the queue
// store does not answer (its client would otherwise queue the command until the store came back).
import { hostname } from "node:os";
import { QUEUES } from "@/lib/jobs/queues";
import { createQueue } from "@/lib/jobs/connection";

export const workerName = () => `foresight-${hostname()}`;

/** Below docker-compose.yml's 5 s health-check timeout, so the check reports itself. */
export const HEALTH_TIMEOUT_MS = 4_000;

/**
 * The queues without a worker of this host; throws when the queue store cannot be asked — at its first
 * connection error, not after the client's reconnection attempts.
 */
export async function queuesWithoutWorker(): Promise<string[]> {
  const missing: string[] = [];
  for (const name of Object.values(QUEUES)) {
    const queue = createQueue(name);
    let failed: (error: Error) => void = () => undefined;
    const unreachable = new Promise<never>((_, reject) => (failed = reject));
    queue.on("error", (error) => failed(error));
    try {
      const workers = await Promise.race([queue.getWorkers(), unreachable]);
      if (!workers.some((w) => (w.rawname ?? "").endsWith(`:w:${workerName()}`))) missing.push(name);
    } finally {
      void queue.close().catch(() => undefined);
    }
  }
  return missing;
}

const isEntry = process.argv[1]?.endsWith("health.ts");
if (isEntry) {
  // Counted from the process's start: loading the modules is part of the time compose allows.
  const left = Math.max(500, HEALTH_TIMEOUT_MS - process.uptime() * 1000);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`the queue store did not answer within ${HEALTH_TIMEOUT_MS / 1000} s`)), left).unref(),
  );
  try {
    const missing = await Promise.race([queuesWithoutWorker(), timeout]);
    for (const name of missing) console.error(`no worker of ${workerName()} on queue ${name}`);
    process.exit(missing.length ? 1 : 0);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    console.error(`unhealthy: ${code === "ECONNREFUSED" ? `the queue store refused the connection (${message})` : message}`);
    process.exit(1);
  }
}
