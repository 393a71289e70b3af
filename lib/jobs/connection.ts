// One place decides where the queues live: Redis when REDIS_URL is set, else BullMQ's PostgreSQL
// backend in the application database. Queues and workers are the same either way. On Redis, keys
// live under QUEUE_PREFIX (BullMQ's "bull" by default), so several deployments can share one server.
import { Queue, Worker, createPostgresBackend, type Processor, type WorkerOptions } from "bullmq";
import { databaseUrl, env } from "@/lib/env";

export type QueueBackend = "redis" | "postgres";

export function queueBackend(): QueueBackend {
  return env().REDIS_URL ? "redis" : "postgres";
}

function redisConnection(url: string, forWorker: boolean) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === "rediss:" ? {} : undefined,
    // Workers must wait out outages; producers fail fast so a request does not hang.
    maxRetriesPerRequest: forWorker ? null : 1,
    enableOfflineQueue: forWorker,
  };
}

function postgresConnection() {
  return { connectionString: databaseUrl(), migrate: true, max: 4, application_name: "foresight-queue" };
}

export function createQueue(name: string): Queue {
  const redisUrl = env().REDIS_URL;
  if (redisUrl) return new Queue(name, { connection: redisConnection(redisUrl, false), prefix: env().QUEUE_PREFIX });
  // Same API on either backend; the generic parameter only records which one.
  return new Queue(name, { connection: postgresConnection() }, createPostgresBackend) as unknown as Queue;
}

export function createWorker<T>(name: string, processor: Processor<T>, options: Omit<WorkerOptions, "connection">): Worker<T> {
  const redisUrl = env().REDIS_URL;
  if (redisUrl) return new Worker<T>(name, processor, { ...options, connection: redisConnection(redisUrl, true), prefix: env().QUEUE_PREFIX });
  return new Worker(name, processor, { ...options, connection: postgresConnection() }, createPostgresBackend) as unknown as Worker<T>;
}
