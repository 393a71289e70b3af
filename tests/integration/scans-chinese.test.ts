// The scan end to end on Chinese abstracts (CSL, imported as headerless TSV through a column mapping)
// and on a mixed English/Chinese study: themes are made of jieba-segmented words, not characters.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { startImport } from "@/lib/ingest/start-import";
import { processImport } from "@/lib/ingest/process-import";
import { runImport } from "@/lib/ingest/run-import";
import { processScan } from "@/lib/scans/process-scan";
import { demoFiles } from "@/lib/demo/generate-corpus";
import { bytesOf, createStudy, createUser, resetDatabase } from "./helpers";

const FIXTURES = fileURLToPath(new URL("../../../shared/fixtures", import.meta.url));
const CSL = "chinese-abstracts/csl_dev_title_first300.tsv";
const present = existsSync(path.join(FIXTURES, CSL));
if (!present && process.env.CI !== "true") console.info(`Chinese scan tests skipped: ${FIXTURES} not found`);

let studyId: string;
let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ role: "ADMIN" })).id;
  studyId = (await createStudy()).id;
});
afterAll(() => disconnectDb());

async function* fileBytes(file: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path.join(FIXTURES, file))) yield chunk as Uint8Array;
}

async function importCsl() {
  const row = await startImport({ studyId, fileName: "csl.tsv", body: fileBytes(CSL), actorId: adminId, limitBytes: 1e7, format: "csv", mapping: { abstract: "#2", title: "#3" } });
  await processImport(row.id);
  return db().import.findUniqueOrThrow({ where: { id: row.id } });
}

async function scanAndReadThemes(k: number) {
  const scan = await db().scan.create({ data: { studyId, parameters: { k, iterations: 80, seed: 7 } } });
  await processScan(scan.id);
  expect(await db().scan.findUniqueOrThrow({ where: { id: scan.id } })).toMatchObject({ status: "SUCCEEDED" });
  const themes = await db().theme.findMany({ where: { themeSet: { studyId } }, orderBy: { index: "asc" } });
  return themes.map((t) => (t.topTerms as { term: string }[]).slice(0, 10).map((w) => w.term));
}

const han = /\p{Script=Han}/u;
const singleHan = /^\p{Script=Han}$/u;
const latinOnly = /^[\p{Script=Latin}0-9_-]+$/u;

describe.runIf(present || process.env.CI === "true")("a scan of Chinese abstracts", () => {
  it("imports the 300 CSL papers and finds themes of Chinese words", async () => {
    const imported = await importCsl();
    expect(imported.status).toBe("SUCCEEDED");
    expect(imported.recordsRead).toBe(300);
    expect(await db().document.count({ where: { studyId } })).toBe(imported.recordsImported);

    const themes = await scanAndReadThemes(6);
    expect(themes).toHaveLength(6);
    const terms = themes.flat();
    expect(terms.filter((t) => han.test(t)).length / terms.length).toBeGreaterThan(0.9);
    expect(terms.filter((t) => singleHan.test(t))).toEqual([]);
    // Segmented words: on average at least two characters per Chinese term.
    const chinese = terms.filter((t) => han.test(t));
    expect(chinese.reduce((n, t) => n + [...t.replaceAll("_", "")].length, 0) / chinese.length).toBeGreaterThanOrEqual(2);
    const areas = await db().themeArea.count({ where: { themeSet: { studyId } } });
    expect(areas).toBe(Math.round(Math.sqrt(6)));
  });

  it("on a mixed English/Chinese study separates Chinese themes from English ones", async () => {
    await importCsl();
    const file = demoFiles(3)[0];
    const row = await db().import.create({ data: { studyId, fileName: file.name, status: "RUNNING" } });
    await runImport({ importId: row.id, bytes: bytesOf(file.content) });

    const themes = await scanAndReadThemes(8);
    const top5 = themes.map((t) => t.slice(0, 5));
    expect(top5.some((t) => t.every((term) => han.test(term)))).toBe(true);
    expect(top5.some((t) => t.every((term) => latinOnly.test(term)))).toBe(true);
    expect(themes.flat().filter((t) => singleHan.test(t))).toEqual([]);
  });
});
