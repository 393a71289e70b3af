// `foresight collect` as a user runs it: a real `node bin/foresight.mjs` process against the test
// database and a local server with the recorded Crossref answers — including a run killed mid-way.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { schedulerId } from "@/lib/collect/schedule-source";
import { createQueue } from "@/lib/jobs/connection";
import { fixturesPresent, RecordedServer } from "../unit/connectors/recorded-server";
import { resetDatabase } from "./helpers";

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

let server: RecordedServer;

function start(args: string[]): { child: ChildProcess; done: Promise<Run>; stderrSoFar: () => string } {
  const child = spawn(process.execPath, ["bin/foresight.mjs", "collect", ...args], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, CROSSREF_BASE_URL: server.origin, CONTACT_EMAIL: "cli@example.org" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<Run>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done, stderrSoFar: () => stderr };
}

const foresight = (...args: string[]) => start(args).done;

async function until(condition: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const WIDGET = ["crossref", "--query", "widget", "--study", "CLI collection", "--limit", "60", "--config", '{"pageSize":20}'];

beforeAll(async () => {
  server = await RecordedServer.start();
});
beforeEach(async () => {
  await resetDatabase();
  server.received.length = 0;
});
afterAll(async () => {
  await server.close();
  await disconnectDb();
});

describe.skipIf(!fixturesPresent)("foresight collect", () => {
  it("prints progress lines on stderr and a JSON summary on stdout; a second run finds only known documents", async () => {
    server.addRecorded("crossref");
    const first = await foresight(...WIDGET);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain("page 1: 20 records read (454 found)\npage 2: 40 records read (454 found)\npage 3: 60 records read (454 found)\n");
    const summary = JSON.parse(first.stdout);
    expect(Object.keys(summary).sort()).toEqual(["duplicates", "errors", "imported", "newDocuments", "outcome", "pages", "query", "records", "rejected", "resumed", "source", "study"]);
    expect(summary).toMatchObject({ source: "crossref", query: "widget", study: "CLI collection", outcome: "limit", resumed: false, pages: 3, records: 60, imported: 60, duplicates: 0, rejected: 0, errors: [] });
    expect(summary.newDocuments[0]).toMatchObject({ title: "Widget Mania: Using a GUI Widget Framework" });
    expect(server.received.every((r) => r.params.get("mailto") === "cli@example.org")).toBe(true);

    server.addRecorded("crossref");
    const second = await foresight(...WIDGET);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ records: 60, imported: 0, duplicates: 60, newDocuments: [] });
    expect(await db().source.count()).toBe(1);
    expect(await db().document.count()).toBe(60);
  });

  it("killed mid-run, continues where it stopped on the next run: no page fetched twice, nothing stored twice", async () => {
    server.addRecorded("crossref");
    server.inject((r) => r.params.get("cursor") !== "*" && r.path === "/works", { status: 503, delayMs: 60_000 }); // page 2 hangs
    const run = start(WIDGET);
    await until(() => run.stderrSoFar().includes("page 1: 20 records read"));
    await until(() => server.received.length === 2); // the request for page 2 is under way
    run.child.kill("SIGKILL");
    const killed = await run.done;
    expect(killed.signal).toBe("SIGKILL");
    expect(await db().document.count()).toBe(20);
    expect(await db().import.findFirstOrThrow()).toMatchObject({ status: "RUNNING", recordsRead: 20 });

    const again = await foresight(...WIDGET);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ resumed: true, outcome: "limit", pages: 2, records: 40, imported: 40, duplicates: 0 });
    const cursors = server.received.map((r) => r.params.get("cursor")!.slice(0, 8));
    expect(cursors).toEqual(["*", "DnF1ZXJ5", "DnF1ZXJ5", "DnF1ZXJ5"]); // page 1 once; page 2 (hung, then served) and page 3
    expect(await db().document.count()).toBe(60);
    expect(await db().documentSource.count()).toBe(60);
    const runs = await db().import.findMany({ orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["FAILED", "SUCCEEDED"]);
    expect(runs[0].error).toBe(`Stopped without finishing; import ${runs[1].id} continued the collection`);
  });

  it("stops after the current page on Ctrl-C and says so", async () => {
    server.addRecorded("crossref");
    server.inject((r) => r.params.get("cursor") !== "*" && r.path === "/works", { status: 200, delayMs: 60_000, body: "{}" });
    const run = start(WIDGET);
    await until(() => run.stderrSoFar().includes("page 1: 20 records read"));
    run.child.kill("SIGINT");
    const stopped = await run.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain("Stopping after the current page");
    expect(JSON.parse(stopped.stdout)).toMatchObject({ outcome: "interrupted", records: 20, imported: 20 });
    expect(await db().import.findFirstOrThrow()).toMatchObject({ status: "CANCELLED" });
  });

  it("sets and clears the source's schedule, a job scheduler on the queue", async () => {
    server.addRecorded("crossref");
    const scheduled = await foresight(...WIDGET, "--schedule", "0 6 * * 1");
    expect(scheduled.code, scheduled.stderr).toBe(0);
    const source = await db().source.findFirstOrThrow();
    expect(source.schedule).toBe("0 6 * * 1");
    const queue = createQueue("ingest");
    try {
      expect(await queue.getJobScheduler(schedulerId(source.id))).toMatchObject({ pattern: "0 6 * * 1" });
      server.addRecorded("crossref");
      const cleared = await foresight(...WIDGET, "--no-schedule");
      expect(cleared.code, cleared.stderr).toBe(0);
      expect(await queue.getJobScheduler(schedulerId(source.id))).toBeUndefined();
      expect((await db().source.findFirstOrThrow()).schedule).toBeNull();
    } finally {
      await queue.close();
    }
  });

  it("refuses a feed URL on a private network before creating anything", async () => {
    const run = await foresight("rss", "--query", "http://169.254.169.254/latest/meta-data/", "--study", "Feeds");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("169.254.169.254 is not a public address");
    expect(run.stdout).toBe("");
    expect(await db().study.count()).toBe(0);
  });

  it("names the sources it knows when given another", async () => {
    const run = await foresight("scopus", "--query", "x");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("SOURCE must be one of openalex, arxiv, crossref, patentsview, semantic-scholar, rss");
  });
});
