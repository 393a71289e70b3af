// The command line as a user runs it: a real `node bin/foresight.mjs` process against the test database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db";
import { resetDatabase, risFile } from "./helpers";

type Run = { code: number | null; stdout: string; stderr: string };

function foresight(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/foresight.mjs", ...args], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "foresight-cli-"));
});
beforeEach(resetDatabase);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await disconnectDb();
});

describe("foresight import", () => {
  it("prints a JSON summary of the import, and a second run finds only duplicates", async () => {
    const file = path.join(dir, "papers.ris");
    await writeFile(file, risFile([
      { title: "Perovskite tandem cells", doi: "10.1000/p1", year: 2022 },
      { doi: "10.1000/p2", year: 2022 },
      { title: "Stable perovskite modules", doi: "10.1000/p3", year: 2023 },
      { title: "Flexible perovskite films", year: 2024 },
    ]));

    const first = await foresight("import", file, "--study", "CLI study");
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(Object.keys(summary).sort()).toEqual(["duplicates", "errors", "format", "imported", "records"]);
    expect(summary).toMatchObject({ format: "ris", records: 4, imported: 3, duplicates: 0 });
    // Record 2 starts on line 8: record 1 is five tags, ER and a blank line.
    expect(summary.errors).toEqual([{ record: 2, line: 8, message: "Record 2 (line 8) has no title" }]);

    const study = await db().study.findUniqueOrThrow({ where: { name: "CLI study" } });
    expect(await db().document.count({ where: { studyId: study.id } })).toBe(3);

    const second = await foresight("import", file, "--study", "CLI study");
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ format: "ris", records: 4, imported: 0, duplicates: 3 });
    expect(await db().study.count()).toBe(1);
    expect(await db().document.count({ where: { studyId: study.id } })).toBe(3);
  });

  it("fails with a clear message when the file does not exist", async () => {
    const missing = path.join(dir, "nope.ris");
    const run = await foresight("import", missing, "--study", "CLI study");
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`No such file: ${missing}`);
    expect(run.stdout).toBe("");
    expect(await db().study.count()).toBe(0);
  });

  it("reports an unrecognised file as JSON with no format and the error, and exits non-zero", async () => {
    const file = path.join(dir, "notes.txt");
    await writeFile(file, "Meeting notes\nWe agreed to look at batteries next week.\n");
    const run = await foresight("import", file, "--study", "CLI study");
    expect(run.code).not.toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toEqual({ format: null, records: 0, imported: 0, duplicates: 0, errors: [{ record: 0, message: expect.stringMatching(/^Unrecognised file format/) }] });
    const row = await db().import.findFirstOrThrow({ where: { fileName: "notes.txt" } });
    expect(row.status).toBe("FAILED");
  });
});

describe("foresight import with a format and a mapping", () => {
  it("reads a headerless tab-separated file through a positional mapping", async () => {
    const file = path.join(dir, "abstracts.tsv");
    await writeFile(file, "x\tAn abstract about sodium-ion cells.\tSodium-ion cells for grid storage\nx\tAn abstract about flow batteries.\tVanadium flow batteries at scale\n");
    const run = await foresight("import", file, "--study", "CLI study", "--format", "csv", "--mapping", '{"abstract": "#2", "title": "#3"}');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: "csv", records: 2, imported: 2, errors: [] });
    expect((await db().document.findMany({ orderBy: { title: "asc" } })).map((d) => d.title)).toEqual(["Sodium-ion cells for grid storage", "Vanadium flow batteries at scale"]);
  });

  it("gives records without a kind the one named by --kind, and refuses a kind it does not know", async () => {
    const file = path.join(dir, "abstracts.jsonl");
    await writeFile(file, '{"title": "Spiking networks on neuromorphic chips", "year": 2018}\n');
    const run = await foresight("import", file, "--study", "CLI kinds", "--kind", "conference-paper");
    expect(run.code, run.stderr).toBe(0);
    expect(await db().document.findFirstOrThrow({ where: { title: "Spiking networks on neuromorphic chips" } })).toMatchObject({ kind: "CONFERENCE_PAPER" });
    const wrong = await foresight("import", file, "--kind", "blog");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--kind: one of paper, conference_paper, patent, project, news, policy, other");
  });

  it("refuses an unknown format id and a mapping that is not JSON, with exit code 2", async () => {
    const file = path.join(dir, "any.csv");
    await writeFile(file, "title\nX\n");
    const format = await foresight("import", file, "--format", "docx");
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/Unknown format "docx"; known: auto, ris, /);
    const mapping = await foresight("import", file, "--mapping", "{title: Headline}");
    expect(mapping.code).toBe(2);
    expect(mapping.stderr).toMatch(/--mapping must be JSON/);
  });
});

describe("the foresight command", () => {
  it("exits with code 2 and the usage on an unknown command", async () => {
    const run = await foresight("frobnicate");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
    expect(run.stderr).toContain("Usage: foresight <command>");
  });
});
