// An upload over the size limit is refused with a clear message after reading at most the limit plus
// one network chunk of it (the rest is never pulled), and leaves a FAILED import row and no stored bytes.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { startImport } from "@/lib/ingest/start-import";
import { closeQueues } from "@/lib/jobs/queues";
import { createStudy, createUser, resetDatabase } from "../../integration/helpers";
import { mb, reportFigure, seconds, TRUST_FULL } from "../figures";

const MB = 1024 * 1024;
const CHUNK = 64 * 1024; // what a request body delivers at a time
// The deployed limit (UPLOAD_LIMIT_MB, 200 MB by default) under test:trust; a small one in the quick run.
const LIMIT = TRUST_FULL ? env().UPLOAD_LIMIT_MB * MB : 8 * MB;
const OFFERED = 1024 * MB; // a 1 GB body, made as it is pulled

let actorId: string;
let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  actorId = (await createUser({ role: "ADMIN" })).id;
  studyId = (await createStudy({ actorId })).id;
});
afterAll(async () => {
  await closeQueues();
  await disconnectDb();
});

describe("an upload over the size limit", () => {
  it("is refused after reading at most the limit plus one chunk, storing nothing", async () => {
    let pulled = 0;
    const block = new Uint8Array(CHUNK).fill(0x41);
    async function* body() {
      for (; pulled < OFFERED; pulled += CHUNK) yield block;
    }
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const refusal = await startImport({ studyId, fileName: "huge.ris", body: body(), actorId, limitBytes: LIMIT }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    const rssGrowth = process.memoryUsage().rss - rssBefore;

    const limitText = `${LIMIT / MB} MB`;
    expect(refusal).toMatchObject({ code: "too_large", message: `The file is larger than the upload limit of ${limitText}` });
    expect(pulled).toBeLessThanOrEqual(LIMIT + CHUNK);
    const row = await db().import.findFirstOrThrow({ where: { studyId } });
    expect(row).toMatchObject({ status: "FAILED", error: `The file is larger than the upload limit of ${limitText}` });
    expect(await db().uploadChunk.count()).toBe(0);
    expect(await db().document.count()).toBe(0);
    reportFigure(
      "upload-limit",
      `oversized upload: a 1 GB body refused at the ${limitText} limit after reading ${mb(pulled)}, nothing kept; ${seconds(elapsed)}, RSS growth ${mb(Math.max(0, rssGrowth))}`,
    );
  });
});
