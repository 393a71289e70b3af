// Collections against recorded API answers served locally, stored in a real PostgreSQL: the job path,
// a second run that adds nothing, resumption after a failed attempt and after an interruption, and
// cron schedules as BullMQ job schedulers on the PostgreSQL backend.
import type { Job } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { collectSource } from "@/lib/collect/collect-source";
import { schedulerId, setSourceSchedule } from "@/lib/collect/schedule-source";
import { startCollection } from "@/lib/collect/start-collection";
import { createQueue, createWorker } from "@/lib/jobs/connection";
import { closeQueues } from "@/lib/jobs/queues";
import { resetRateLimiters } from "@/lib/connectors/rate-limit";
import { handleJob } from "@/workers/handlers";
import { fixture, fixturesPresent, RecordedServer, serveOpenAlexChain } from "../unit/connectors/recorded-server";
import { createStudy, resetDatabase } from "./helpers";

const CURSOR_KEY = "/works";
const OPENALEX_KEY = "oa-integration-key-4242";
let server: RecordedServer;
let studyId: string;

describe.runIf(process.env.CI === "true" && !fixturesPresent)("collection fixtures", () => {
  it("are present in CI", () => expect.fail("shared/fixtures not found"));
});

beforeAll(async () => {
  server = await RecordedServer.start();
  process.env.CROSSREF_BASE_URL = server.origin;
  process.env.OPENALEX_BASE_URL = server.origin;
  process.env.OPENALEX_API_KEY = OPENALEX_KEY;
  process.env.CONTACT_EMAIL = "foresight-team@example.org";
  process.env.CONNECTOR_ALLOWED_PRIVATE_HOSTS = "127.0.0.1";
  resetEnv();
});
beforeEach(async () => {
  await resetDatabase();
  resetRateLimiters();
  server.received.length = 0;
  studyId = (await createStudy()).id;
});
afterAll(async () => {
  for (const name of ["CROSSREF_BASE_URL", "OPENALEX_BASE_URL", "OPENALEX_API_KEY", "CONTACT_EMAIL", "CONNECTOR_ALLOWED_PRIVATE_HOSTS"]) delete process.env[name];
  resetEnv();
  await server.close();
  await closeQueues();
  await disconnectDb();
});

/** A Crossref source for "widget" whose collection stops after the three recorded pages. */
const crossrefSource = () =>
  db().source.create({ data: { studyId, kind: "CROSSREF", name: "Crossref: widget", query: "widget", config: { pageSize: 20, limit: 60 } } });

const jobFor = (importId: string, attemptsMade = 0) => ({ name: "ingest.collect", data: { id: importId }, attemptsMade, opts: { attempts: 3 } }) as unknown as Job;

const cursors = () => server.requestsTo(CURSOR_KEY).map((r) => (r.params.get("cursor") === "*" ? "*" : r.params.get("cursor")!.slice(0, 12)));

describe.skipIf(!fixturesPresent)("a collection job", () => {
  it("stores the documents of every page, reports them as new, and a second run adds nothing", async () => {
    server.addRecorded("crossref");
    const source = await crossrefSource();
    const first = await startCollection({ sourceId: source.id, actorId: null });
    await handleJob(jobFor(first.id));

    const row = await db().import.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", format: "crossref", recordsRead: 60, recordsImported: 60, recordsDuplicate: 0, recordsRejected: 0, progress: 1 });
    expect(await db().document.count({ where: { studyId } })).toBe(60);
    const after = await db().source.findUniqueOrThrow({ where: { id: source.id } });
    expect(after.cursor).toBeNull();
    expect(after.lastCollectedAt).not.toBeNull();
    expect(cursors()).toEqual(["*", "DnF1ZXJ5VGhl", "DnF1ZXJ5VGhl"]);
    expect(server.received.every((r) => r.params.get("mailto") === "foresight-team@example.org")).toBe(true);

    server.addRecorded("crossref");
    const second = await startCollection({ sourceId: source.id, actorId: null });
    await handleJob(jobFor(second.id));
    expect(await db().import.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "SUCCEEDED", recordsRead: 60, recordsImported: 0, recordsDuplicate: 60 });
    expect(await db().document.count({ where: { studyId } })).toBe(60);
  });

  it("continues after a failed attempt with the next page, fetching no stored page again and storing nothing twice", async () => {
    server.addRecorded("crossref");
    // The third page arrives broken once: the attempt fails after storing pages 1 and 2.
    let seen = 0;
    server.inject((r) => r.path === CURSOR_KEY && r.params.get("cursor") !== "*" && ++seen === 2, { body: '{"status":"ok","message":{"items":[' });
    const source = await crossrefSource();
    const row = await startCollection({ sourceId: source.id, actorId: null });

    await expect(handleJob(jobFor(row.id, 0))).rejects.toThrow(/^Crossref page 3 .*: the answer is not valid JSON/);
    const interrupted = await db().import.findUniqueOrThrow({ where: { id: row.id } });
    expect(interrupted).toMatchObject({ status: "RUNNING", recordsRead: 40 });
    expect((await db().source.findUniqueOrThrow({ where: { id: source.id } })).cursor).toMatchObject({ importId: row.id, records: 40, pages: 2 });
    expect(await db().document.count({ where: { studyId } })).toBe(40);

    await handleJob(jobFor(row.id, 1)); // BullMQ delivers the job again
    expect(await db().import.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SUCCEEDED", recordsRead: 60, recordsImported: 60 });
    expect(cursors()).toEqual(["*", "DnF1ZXJ5VGhl", "DnF1ZXJ5VGhl", "DnF1ZXJ5VGhl"]); // page 3 twice: broken, then good
    expect(await db().document.count({ where: { studyId } })).toBe(60);
    const provenance = await db().documentSource.findMany({ where: { importId: row.id }, select: { position: true }, orderBy: { position: "asc" } });
    expect(provenance.map((p) => p.position)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it("interrupted by the user, is continued by the next run of the same source", async () => {
    server.addRecorded("crossref");
    const stop = new AbortController();
    const first = await collectSource({
      connector: "crossref",
      query: "widget",
      studyName: "Interrupted study",
      config: { pageSize: 20 },
      limit: 60,
      signal: stop.signal,
      onProgress: ({ page }) => page === 1 && stop.abort(new Error("interrupted")),
    });
    expect(first).toMatchObject({ outcome: "interrupted", records: 20, imported: 20, pages: 1, resumed: false });
    expect(await db().import.findUniqueOrThrow({ where: { id: first.importId } })).toMatchObject({ status: "CANCELLED", error: expect.stringContaining("continues from there") });

    const second = await collectSource({ connector: "crossref", query: "widget", studyName: "Interrupted study" });
    expect(second).toMatchObject({ outcome: "limit", resumed: true, records: 40, imported: 40, duplicates: 0, pages: 2 });
    expect(second.sourceId).toBe(first.sourceId);
    expect(cursors()).toEqual(["*", "DnF1ZXJ5VGhl", "DnF1ZXJ5VGhl"]); // each page once across both runs
    expect(await db().document.count({ where: { studyId: second.studyId } })).toBe(60);
    expect(await db().documentSource.count()).toBe(60);
    expect(second.newDocuments).toHaveLength(20);
  });

  it("refuses to start a second collection while one is under way", async () => {
    server.addRecorded("crossref");
    const source = await crossrefSource();
    const running = await db().import.create({ data: { studyId, sourceId: source.id, format: "crossref", status: "RUNNING" } });
    await db().source.update({ where: { id: source.id }, data: { cursor: { importId: running.id, next: null, records: 0, pages: 0, limit: 60, heartbeat: new Date().toISOString() } } });
    const other = await startCollection({ sourceId: source.id, actorId: null });
    await handleJob(jobFor(other.id));
    expect(await db().import.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "FAILED", error: expect.stringContaining(`being collected by import ${running.id}`) });
    expect(server.received).toHaveLength(0);
  });
});

describe.skipIf(!fixturesPresent)("collections from other sources", () => {
  it("from OpenAlex stop at the API's last page, and the key is stored nowhere", async () => {
    serveOpenAlexChain(server, "governance", "openalex/openalexpro_works_50_page1.json", "openalex/openalexpro_works_50_page2_last.json");
    const summary = await collectSource({ connector: "openalex", query: "governance", studyName: "OpenAlex study" });
    expect(summary).toMatchObject({ outcome: "end", pages: 2, records: 50, imported: 50, rejected: 0 });
    expect(server.received.map((r) => r.params.get("api_key"))).toEqual([OPENALEX_KEY, OPENALEX_KEY]);
    const [{ hits }] = await db().$queryRaw<{ hits: bigint }[]>`
      SELECT (SELECT count(*) FROM import WHERE coalesce(error, '') LIKE ${`%${OPENALEX_KEY}%`})
           + (SELECT count(*) FROM source WHERE cursor::text LIKE ${`%${OPENALEX_KEY}%`} OR config::text LIKE ${`%${OPENALEX_KEY}%`})
           + (SELECT count(*) FROM document_source WHERE raw::text LIKE ${`%${OPENALEX_KEY}%`})
           + (SELECT count(*) FROM audit_log WHERE data::text LIKE ${`%${OPENALEX_KEY}%`}) AS hits`;
    expect(Number(hits)).toBe(0);
    const document = await db().document.findFirstOrThrow({ where: { studyId: summary.studyId, abstract: { not: "" } } });
    expect(document.abstract.length).toBeGreaterThan(100);
  });

  it("from a news feed on a host configuration allows store NEWS documents", async () => {
    server.add("GET", "/news.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: `<rss version="2.0"><channel><title>Grid News</title><item><title>Flow batteries scale up</title><link>https://grid.example.org/1</link><pubDate>Mon, 03 Feb 2025 08:00:00 GMT</pubDate></item></channel></rss>`,
    });
    const summary = await collectSource({ connector: "rss", query: `${server.origin}/news.xml`, studyName: "Feeds" });
    expect(summary).toMatchObject({ outcome: "end", records: 1, imported: 1 });
    expect(await db().document.findFirstOrThrow({ where: { studyId: summary.studyId } })).toMatchObject({ kind: "NEWS", title: "Flow batteries scale up", venue: "Grid News", year: 2025 });
  });

  it("stops when another import has taken the source over", async () => {
    server.addRecorded("crossref");
    const source = await crossrefSource();
    const row = await startCollection({ sourceId: source.id, actorId: null });
    const other = await db().import.create({ data: { studyId, sourceId: source.id, format: "crossref", status: "RUNNING" } });
    // While page 2 is on its way, another import claims the source (as one would after presuming this dead).
    let takeOver: Promise<unknown> | undefined;
    const state = { importId: other.id, next: null, records: 20, pages: 1, limit: 60, heartbeat: new Date().toISOString() };
    server.inject((r) => {
      if (r.params.get("cursor") === "*") return false;
      takeOver = db().source.update({ where: { id: source.id }, data: { cursor: state } }).then(() => undefined); // then() sends it now
      return true;
    }, { delayMs: 500, body: fixture("crossref/crossref_works_cursor_page2.json") });
    await handleJob(jobFor(row.id, 2)); // the last attempt: the failure is recorded on the row
    await takeOver;
    expect(await db().import.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED", error: "Another collection of this source took over; this run stops here", recordsRead: 20 });
    expect((await db().source.findUniqueOrThrow({ where: { id: source.id } })).cursor).toEqual(state); // left to its new owner
  });
});

describe.skipIf(!fixturesPresent)("a collection schedule", () => {
  it("is a job scheduler on the queue whose ticks start collection runs, and clearing it removes the scheduler", async () => {
    const source = await crossrefSource();
    for (let i = 0; i < 4; i++) server.addRecorded("crossref");
    const queue = createQueue("ingest");
    const worker = createWorker("ingest", handleJob, { concurrency: 1 });
    try {
      await setSourceSchedule({ sourceId: source.id, schedule: "*/1 * * * * *", actorId: null }); // every second
      expect(await queue.getJobScheduler(schedulerId(source.id))).toMatchObject({ pattern: "*/1 * * * * *", name: "ingest.schedule" });
      expect((await db().source.findUniqueOrThrow({ where: { id: source.id } })).schedule).toBe("*/1 * * * * *");

      const deadline = Date.now() + 20_000;
      while ((await db().import.count({ where: { sourceId: source.id, status: "SUCCEEDED" } })) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      const runs = await db().import.findMany({ where: { sourceId: source.id }, orderBy: { createdAt: "asc" } });
      expect(runs.filter((r) => r.status === "SUCCEEDED").length).toBeGreaterThanOrEqual(2);
      expect(runs[0]).toMatchObject({ recordsImported: 60 });
      expect(runs[1]).toMatchObject({ recordsImported: 0, recordsDuplicate: 60 }); // the schedule reports what is new

      await setSourceSchedule({ sourceId: source.id, schedule: null, actorId: null });
      expect(await queue.getJobScheduler(schedulerId(source.id))).toBeUndefined();
      expect((await db().source.findUniqueOrThrow({ where: { id: source.id } })).schedule).toBeNull();
    } finally {
      await worker.close();
      await queue.close();
    }
  });

  it("rejects a pattern that is not cron, keeping the source unscheduled", async () => {
    const source = await crossrefSource();
    await expect(setSourceSchedule({ sourceId: source.id, schedule: "every morning", actorId: null })).rejects.toThrow('"every morning" is not a cron schedule');
    expect((await db().source.findUniqueOrThrow({ where: { id: source.id } })).schedule).toBeNull();
  });
});
