// Points this test process's queues (and, for the worker processes it starts, theirs) at a Redis of
// the test's choosing under a prefix of its own, and puts everything back afterwards.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { resetEnv } from "@/lib/env";
import { closeQueues } from "@/lib/jobs/queues";

export type QueueEnv = { REDIS_URL: string; QUEUE_PREFIX: string };

const saved = new Map<string, string | undefined>();

/** Uses `redisUrl` for the queues from now on, under a fresh prefix so no other run's jobs are seen. */
export async function useQueues(redisUrl: string): Promise<QueueEnv> {
  const env = { REDIS_URL: redisUrl, QUEUE_PREFIX: `trust-${randomUUID().slice(0, 8)}` };
  for (const [key, value] of Object.entries(env)) {
    if (!saved.has(key)) saved.set(key, process.env[key]);
    process.env[key] = value;
  }
  await closeQueues();
  resetEnv();
  return env;
}

/** Deletes the prefix's keys and restores the environment the test process started with. */
export async function restoreQueues(env: QueueEnv | null): Promise<void> {
  await closeQueues();
  if (env) {
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await redis.connect();
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${env.QUEUE_PREFIX}:*`, "COUNT", 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== "0");
    } catch {
      // A private server already stopped has nothing to clean.
    } finally {
      redis.disconnect();
    }
  }
  for (const [key, value] of saved) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  saved.clear();
  resetEnv();
}
