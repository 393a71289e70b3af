// A worker process killed with SIGKILL in the middle of an import and of a topic run: once its job locks
// expire, a new worker picks both jobs up again and each finishes exactly once — as many documents as
// records with one provenance row each, one theme set, the interrupted model marked failed.
// Real processes, real PostgreSQL and Redis; under `npm run test:trust` only (recovery waits out
// BullMQ's 60 s lock).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { runImport } from "@/lib/ingest/run-import";
import { startImport } from "@/lib/ingest/start-import";
import { startScan } from "@/lib/scans/start-scan";
import { demoFiles } from "@/lib/demo/generate-corpus";
import { bytesOf, createStudy, createUser, resetDatabase } from "../../integration/helpers";
import { reportFigure, seconds, TRUST_FULL } from "../figures";
import { expectImportedOnce, largeRis } from "./large-import";
import { restoreQueues, useQueues, type QueueEnv } from "./queue-env";
import { privateRedis, startWorker, waitFor, type RedisProcess, type WorkerProcess } from "./services";

const RECORDS = Number(process.env.TRUST_KILL_RECORDS ?? 40_000);
const SCAN = { k: 8, iterations: Number(process.env.TRUST_KILL_ITERATIONS ?? 5000), seed: 7 };
const REDIS_PORT = 63_791;

let queues: QueueEnv | null = null;
let redis: RedisProcess | null = null;
const workers: WorkerProcess[] = [];

describe.runIf(TRUST_FULL)("a worker killed with SIGKILL", () => {
  beforeAll(async () => {
    // The shared Redis under a prefix of our own when there is one (CI), else a private server.
    const shared = process.env.REDIS_URL;
    if (!shared) redis = await privateRedis(REDIS_PORT, ".data/trust-redis-kill");
    queues = await useQueues(shared ?? redis!.url);
  });

  afterAll(async () => {
    try {
      for (const worker of workers) await worker.kill();
      await restoreQueues(queues);
    } finally {
      await redis?.kill();
      await disconnectDb();
    }
  });

  it("in the middle of an import and a topic run: both are picked up again and finish exactly once", { timeout: 600_000 }, async () => {
    await resetDatabase();
    const admin = await createUser({ role: "ADMIN" });
    const importStudy = (await createStudy({ actorId: admin.id })).id;
    const scanStudy = (await createStudy({ actorId: admin.id })).id;
    const papers = demoFiles(3)[0];
    const demo = await db().import.create({ data: { studyId: scanStudy, fileName: papers.name, status: "RUNNING" } });
    await runImport({ importId: demo.id, bytes: bytesOf(papers.content) });

    const upload = await startImport({ studyId: importStudy, fileName: "large.ris", body: largeRis(RECORDS), actorId: admin.id, limitBytes: 2 ** 30 });
    const workerEnv = { DATABASE_URL: process.env.DATABASE_URL!, ...queues! };
    workers.push(await startWorker(workerEnv));
    const imported = async () => (await db().import.findUniqueOrThrow({ where: { id: upload.id } })).recordsImported;

    // The import well under way, then the scan; killed once the model is part-trained.
    await waitFor("the import to be under way", async () => ((await imported()) >= RECORDS * 0.1 ? true : undefined), 180_000);
    const scan = await startScan({ studyId: scanStudy, ...SCAN }, admin.id);
    await waitFor("the topic run to be under way", async () => {
      const run = await db().topicRun.findFirst({ where: { scanId: scan.id, status: "RUNNING", progress: { gt: 0.05, lt: 0.85 } } });
      return run ? true : undefined;
    }, 180_000);
    await workers[0].kill("SIGKILL");
    const killedAt = Date.now();
    const atKill = await db().import.findUniqueOrThrow({ where: { id: upload.id } });
    const scanAtKill = await db().scan.findUniqueOrThrow({ where: { id: scan.id } });
    const runAtKill = await db().topicRun.findFirstOrThrow({ where: { scanId: scan.id } });
    expect(atKill.status).toBe("RUNNING");
    expect(atKill.recordsRead).toBeLessThan(RECORDS);
    expect(scanAtKill.status).toBe("RUNNING");

    workers.push(await startWorker(workerEnv));
    await waitFor("both jobs to finish after the restart", async () => {
      const [row, again] = await Promise.all([db().import.findUniqueOrThrow({ where: { id: upload.id } }), db().scan.findUniqueOrThrow({ where: { id: scan.id } })]);
      if (row.status === "FAILED" || again.status === "FAILED") throw new Error(`a job failed: ${row.error ?? again.error}`);
      return row.status === "SUCCEEDED" && again.status === "SUCCEEDED" ? true : undefined;
    }, 300_000, 1000);
    const recovered = Date.now() - killedAt;

    await expectImportedOnce(upload.id, importStudy, RECORDS);
    expect(await db().themeSet.count({ where: { studyId: scanStudy } })).toBe(1);
    expect(await db().theme.count({ where: { themeSet: { studyId: scanStudy } } })).toBe(SCAN.k);
    const runs = await db().topicRun.findMany({ where: { scanId: scan.id }, orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => [r.status, r.error])).toEqual([["FAILED", "Interrupted; the scan was restarted"], ["SUCCEEDED", null]]);

    const importShare = Math.round((100 * atKill.recordsRead) / RECORDS);
    const scanShare = Math.round(100 * runAtKill.progress);
    reportFigure(
      "worker-kill",
      `worker SIGKILL: an import killed at ${importShare}% of ${RECORDS} records and a topic run killed at ${scanShare}% of its ${SCAN.iterations} sweeps both finished exactly once ` +
        `on a new worker (${RECORDS} documents, ${RECORDS} provenance rows, 1 theme set) ${seconds(recovered)} after the kill`,
    );
  });
});
