// PostgreSQL or Redis restarted in the middle of an import: the worker reports the outage (a log line
// while the service is down), carries on when it is back, and the import finishes exactly once.
// PostgreSQL here is an embedded server of this test's own (its port, its data under .data/trust-pg),
// and Redis a private redis-server, so restarting them disturbs no one else.
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { resetEnv } from "@/lib/env";
import { startImport } from "@/lib/ingest/start-import";
import { createQueue } from "@/lib/jobs/connection";
import { closeQueues, QUEUES } from "@/lib/jobs/queues";
import { createStudy, createUser, resetDatabase } from "../../integration/helpers";
import { reportFigure, seconds, TRUST_FULL } from "../figures";
import { expectImportedOnce, largeRis } from "./large-import";
import { restoreQueues, useQueues, type QueueEnv } from "./queue-env";
import { privateRedis, sleep, startWorker, waitFor, workerHealth, type RedisProcess, type WorkerProcess } from "./services";

const RECORDS = Number(process.env.TRUST_RESTART_RECORDS ?? 30_000);
const OUTAGE_MS = Number(process.env.TRUST_OUTAGE_MS ?? 5_000);
/** Twice BullMQ's whole retry window (3 attempts from 5 s): before jobs waited out outages, this lost the import. */
const PG_OUTAGE_MS = Number(process.env.TRUST_PG_OUTAGE_MS ?? 30_000);
const HEALTH_TIMEOUT_MS = 5_000; // docker-compose.yml's health-check timeout
const PG = { dataDir: ".data/trust-pg", port: 54_371, database: "foresight_trust_restart" };

let worker: WorkerProcess | null = null;
let redis: RedisProcess | null = null;
let queues: QueueEnv | null = null;

afterEach(async () => {
  try {
    await worker?.kill();
    await restoreQueues(queues);
  } finally {
    await redis?.kill();
    [worker, queues, redis] = [null, null, null];
  }
});
afterAll(disconnectDb);

/** Starts an import of RECORDS records and a worker for it; resolves once a fifth of it is stored. */
async function importUnderWay(workerEnv: Record<string, string>) {
  const admin = await createUser({ role: "ADMIN" });
  const studyId = (await createStudy({ actorId: admin.id })).id;
  const upload = await startImport({ studyId, fileName: "large.ris", body: largeRis(RECORDS), actorId: admin.id, limitBytes: 2 ** 30 });
  worker = await startWorker(workerEnv);
  await waitFor("a fifth of the import", async () => {
    const row = await db().import.findUniqueOrThrow({ where: { id: upload.id } });
    return row.recordsImported >= RECORDS / 5 ? true : undefined;
  }, 180_000);
  return { studyId, importId: upload.id };
}

async function finished(importId: string, timeoutMs: number) {
  await waitFor("the import to finish", async () => {
    const row = await db().import.findUniqueOrThrow({ where: { id: importId } });
    if (row.status === "FAILED") throw new Error(`the import failed: ${row.error}`);
    return row.status === "SUCCEEDED" ? true : undefined;
  }, timeoutMs, 500);
}

describe.runIf(TRUST_FULL)("a service restarted in the middle of an import", () => {
  it("PostgreSQL down for twice the retry window: the worker reports the outage, waits for it, and the import finishes exactly once", { timeout: 600_000 }, async () => {
    let server: EmbeddedDatabase = await ensureEmbeddedDatabase({ ...PG, database: "postgres" });
    expect(server.owned, `port ${PG.port} is taken by a PostgreSQL this test did not start`).toBe(true);
    const adminUrl = server.url;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${PG.database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${PG.database}`);
    await client.end();
    const url = new URL(adminUrl);
    url.pathname = `/${PG.database}`;
    await migrate(url.toString());

    const testDatabase = process.env.DATABASE_URL;
    try {
      // This process, and the worker, on the embedded server.
      await disconnectDb();
      process.env.DATABASE_URL = url.toString();
      resetEnv();
      redis = process.env.REDIS_URL ? null : await privateRedis(63_792, ".data/trust-redis-pg");
      queues = await useQueues(process.env.REDIS_URL ?? redis!.url);
      const { studyId, importId } = await importUnderWay({ DATABASE_URL: url.toString(), ...queues });

      const linesBefore = worker!.log.length;
      await server.stop();
      const stoppedAt = Date.now();
      await sleep(PG_OUTAGE_MS);
      const during = worker!.log.slice(linesBefore);
      server = await ensureEmbeddedDatabase({ ...PG, database: "postgres" });
      const outage = Date.now() - stoppedAt;
      await finished(importId, 240_000);
      const recovered = Date.now() - stoppedAt;

      // The outage is reported by the worker while it lasts, with the database's error; the job waits
      // for the database instead of spending its attempts, so it never fails.
      const at = during.findIndex((line) => /\[worker\] ingest\.import \S+: database unavailable \(/.test(line));
      expect(at, `worker log while PostgreSQL was down:\n${during.join("\n")}`).toBeGreaterThanOrEqual(0);
      const reported = during[at].replace(/^.*?database unavailable \(/, "").replace(/\); waiting.*$/, "");
      expect(worker!.log.slice(linesBefore).filter((line) => / failed: /.test(line))).toEqual([]);
      expect(worker!.log.slice(linesBefore).some((line) => /\[worker\] ingest\.import \S+: database back; running again/.test(line))).toBe(true);
      await expectImportedOnce(importId, studyId, RECORDS);
      reportFigure(
        "postgres-restart",
        `PostgreSQL restart: down ${seconds(outage)} in the middle of a ${RECORDS}-record import; the worker logged the outage ` +
          `("${reported.slice(0, 80)}"), waited for the database without spending an attempt and ran again; ` +
          `the import finished exactly once ${seconds(recovered)} after the stop`,
      );
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = testDatabase;
      resetEnv();
      await server.stop();
    }
  });

  it("Redis: the worker reports the outage, reconnects when it is back, and the import finishes exactly once", { timeout: 600_000 }, async () => {
    await resetDatabase();
    redis = await privateRedis(63_793, ".data/trust-redis-restart");
    queues = await useQueues(redis.url);
    const { studyId, importId } = await importUnderWay({ DATABASE_URL: process.env.DATABASE_URL!, ...queues });

    const workerEnv = { DATABASE_URL: process.env.DATABASE_URL!, ...queues };
    expect(await workerHealth(workerEnv)).toMatchObject({ code: 0 });
    await closeQueues(); // this process's producer connection; the worker is the one under test
    const running = await db().import.findUniqueOrThrow({ where: { id: importId } });
    await redis.kill(); // SIGKILL: nothing flushed that fsync had not already written
    const stoppedAt = Date.now();
    // The outage is reported where operators look: the worker health check fails while Redis is down —
    // within compose's 5 s health-check timeout, which counts a check that has not answered as failed.
    const down = await workerHealth(workerEnv, HEALTH_TIMEOUT_MS);
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
    await redis.start();
    await finished(importId, 240_000);
    // The queue kept the job through the restart and records it done once: not failed, not waiting to run again.
    const queue = createQueue(QUEUES.ingest);
    const state = await waitFor("the job to be completed in the queue", async () => {
      const s = await queue.getJobState(importId);
      return s === "completed" || s === "failed" ? s : undefined;
    }, 120_000, 500);
    await queue.close();
    const recovered = Date.now() - stoppedAt;
    expect(running.status).toBe("RUNNING");
    expect(state).toBe("completed");
    expect(down.code, down.output).toBe(1); // answered, within the timeout, instead of hanging
    expect(down.output).toMatch(/^unhealthy: the queue store (refused the connection|did not answer within \d+ s)/m);
    // …and passes again once the worker has reconnected.
    const up = await waitFor("the health check to pass again", async () => ((await workerHealth(workerEnv)).code === 0 ? true : undefined), 60_000, 1000);
    expect(up).toBe(true);

    await expectImportedOnce(importId, studyId, RECORDS);
    reportFigure(
      "redis-restart",
      `Redis restart: killed for ${seconds(OUTAGE_MS)} in the middle of a ${RECORDS}-record import; the worker health check failed while it was down ` +
        `(exit ${down.code} in ${seconds(down.ms)}: "${down.output.split("\n").find((l) => l.startsWith("unhealthy:"))?.slice(0, 100)}") and passed again after; the import finished exactly once and its job completed ${seconds(recovered)} after the kill`,
    );
  });
});
