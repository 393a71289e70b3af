// Scans as rows: a redelivered scan starts over cleanly, a finished one is never redone, and a scan
// that cannot run says why.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { runImport } from "@/lib/ingest/run-import";
import { processScan } from "@/lib/scans/process-scan";
import { demoFiles } from "@/lib/demo/generate-corpus";
import { handleJob } from "@/workers/handlers";
import type { Job } from "bullmq";
import { bytesOf, createStudy, resetDatabase } from "./helpers";

let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  studyId = (await createStudy()).id;
});
afterAll(() => disconnectDb());

async function importDemoPapers() {
  const file = demoFiles(3)[0];
  const row = await db().import.create({ data: { studyId, fileName: file.name, status: "RUNNING" } });
  await runImport({ importId: row.id, bytes: bytesOf(file.content) });
}

const scanRow = (parameters: object, status: "QUEUED" | "RUNNING" = "QUEUED") =>
  db().scan.create({ data: { studyId, parameters, status } });

describe("a scan", () => {
  it("restarted after a crash finishes once, marking the interrupted model as failed", async () => {
    await importDemoPapers();
    const scan = await scanRow({ k: 4, iterations: 20, seed: 1 }, "RUNNING");
    await db().topicRun.create({ data: { studyId, scanId: scan.id, algorithm: "lda-gibbs", modelVersion: "gibbs-1", k: 4, seed: 1, status: "RUNNING" } });
    await processScan(scan.id);
    const runs = await db().topicRun.findMany({ where: { scanId: scan.id }, orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["FAILED", "SUCCEEDED"]);
    expect(await db().themeSet.count({ where: { studyId } })).toBe(1);
    expect(await db().theme.count()).toBe(4);

    await processScan(scan.id); // delivered again after it finished
    expect(await db().themeSet.count({ where: { studyId } })).toBe(1);
  });

  it("on too few documents fails at once with a message saying how many it needs", async () => {
    const scan = await scanRow({ k: 8, iterations: 20, seed: 1 });
    const job = { name: "analysis.scan", data: { id: scan.id }, attemptsMade: 0, opts: { attempts: 3 } } as unknown as Job;
    await handleJob(job);
    const row = await db().scan.findUniqueOrThrow({ where: { id: scan.id } });
    expect(row.status).toBe("FAILED");
    expect(row.error).toMatch(/needs at least 16 documents; the study has 0/);
  });
});
