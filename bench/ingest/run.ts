// `npm run bench:ingest [-- --records N] [-- --only jsonl,csv,…]`: imports generated files (JSON Lines,
// CSV, RIS, WoS) and real ones (the NeurIPS corpus, fixture exports) end to end into PostgreSQL through
// `foresight import`, each in its own process, and prints records/s and peak RSS. The peer is
// PostgreSQL's own COPY of the same file's lines into a table: the floor any importer pays to get the
// bytes into the database, without parsing, cleaning or deduplication.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { resolveDatabase } from "@/lib/db/resolve";
import { migrate } from "@/lib/db/migrate";
import { writeBenchFile, type BenchFormat } from "./generate";

const { values } = parseArgs({
  options: { records: { type: "string", default: "1000000" }, only: { type: "string" }, "small-records": { type: "string", default: "100000" } },
});
const big = Number(values.records);
const small = Number(values["small-records"]);
const only = values.only?.split(",");

type Case = { name: string; file: string; expected?: number };
type Result = Case & { records: number; seconds: number; perSecond: number; peakRssMb: number; copySeconds: number | null };

const work = mkdtempSync(path.join(tmpdir(), "foresight-bench-"));
const shared = path.resolve("../shared");

async function generatedCases(): Promise<Case[]> {
  const plan: [BenchFormat, number][] = [["jsonl", big], ["csv", big], ["ris", small], ["wos", small]];
  const cases: Case[] = [];
  for (const [format, count] of plan) {
    if (only && !only.includes(format)) continue;
    const file = path.join(work, `generated-${count}.${format === "wos" ? "txt" : format}`);
    process.stderr.write(`writing ${count.toLocaleString("en")} ${format} records…\n`);
    await writeBenchFile(file, format, count);
    cases.push({ name: `generated ${format}`, file, expected: count });
  }
  return cases;
}

function realCases(): Case[] {
  if (!existsSync(shared)) {
    console.error(`Real files skipped: ${shared} not found`);
    return [];
  }
  const files = [
    ["NeurIPS abstracts (JSON Lines, gzip)", "data/neurips_2007_2019_abstracts.jsonl.gz"],
    ["WoS plain text (fixture)", "fixtures/wos/wostools_bit-pattern-savedrecs_first100.txt"],
    ["Scopus CSV (fixture)", "fixtures/scopus/litstudy_scopus.csv"],
    ["Embase RIS (fixture)", "fixtures/ris/asreview_embase.ris"],
  ];
  return files
    .filter(([name]) => !only || only.includes("real") || only.some((o) => name.toLowerCase().includes(o)))
    .map(([name, file]) => ({ name, file: path.join(shared, file) }))
    .filter((c) => existsSync(c.file));
}

/** Peak resident set of a running process from /proc (Linux), in MB; null elsewhere. */
function peakRss(pid: number): number | null {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The process and its descendants (`foresight import` does its work in a child with a capped heap). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone, or not Linux
  }
  return [pid, ...children.flatMap(processTree)];
}

/** The largest peak RSS of any process in the tree: the importing process, not the launcher. */
function peakRssOfTree(pid: number): number {
  return Math.max(0, ...processTree(pid).map((p) => peakRss(p) ?? 0));
}

async function importCase(c: Case, databaseUrl: string): Promise<{ records: number; seconds: number; peakRssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/foresight.mjs", "import", c.file, "--study", `bench ${c.name} ${Date.now()}`], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, peakRssOfTree(child.pid!))), 100);
  let stdout = "";
  child.stdout.on("data", (d) => (stdout += d));
  const code = await new Promise<number>((resolve) => child.on("exit", (status) => resolve(status ?? 1)));
  clearInterval(timer);
  if (code !== 0) throw new Error(`import of ${c.name} failed (exit ${code})`);
  const summary = JSON.parse(stdout) as { records: number; errors: unknown[] };
  if (c.expected !== undefined && summary.records !== c.expected) throw new Error(`${c.name}: ${summary.records} records, expected ${c.expected}`);
  return { records: summary.records, seconds: (performance.now() - started) / 1000, peakRssMb: peak };
}

/** COPY of the file's lines into an unlogged table: bytes into PostgreSQL, nothing more. */
async function copyLines(file: string, databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("CREATE UNLOGGED TABLE IF NOT EXISTS bench_copy_line (line text)");
    await client.query("TRUNCATE bench_copy_line");
    const started = performance.now();
    const escape = new Transform({
      transform(chunk: Buffer, _enc, done) {
        done(null, chunk.toString("utf8").replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\r/g, "\\r"));
      },
    });
    const source = createReadStream(file);
    const stages = file.endsWith(".gz") ? [source, createGunzip(), escape] : [source, escape];
    await pipeline([...stages, client.query(copyFrom("COPY bench_copy_line (line) FROM STDIN"))] as never);
    const seconds = (performance.now() - started) / 1000;
    await client.query("DROP TABLE bench_copy_line");
    return seconds;
  } finally {
    await client.end();
  }
}

async function cleanUp(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("DELETE FROM study WHERE name LIKE 'bench %'");
  await client.end();
}

const database = await resolveDatabase((line) => console.error(line));
try {
  await migrate(database.url);
  const cases = [...(await generatedCases()), ...realCases()];
  const results: Result[] = [];
  for (const c of cases) {
    process.stderr.write(`importing ${c.name} (${(statSync(c.file).size / 1e6).toFixed(1)} MB)…\n`);
    const run = await importCase(c, database.url);
    const copySeconds = await copyLines(c.file, database.url);
    results.push({ ...c, ...run, perSecond: run.records / run.seconds, copySeconds });
    await cleanUp(database.url);
  }
  console.log(`\n| file | records | seconds | records/s | peak RSS (MB) | COPY of its lines (s) | import / COPY |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|`);
  for (const r of results) {
    const ratio = r.copySeconds ? (r.seconds / r.copySeconds).toFixed(1) : "–";
    console.log(`| ${r.name} | ${r.records.toLocaleString("en")} | ${r.seconds.toFixed(1)} | ${Math.round(r.perSecond).toLocaleString("en")} | ${Math.round(r.peakRssMb)} | ${r.copySeconds?.toFixed(2) ?? "–"} | ${ratio}× |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  await database.stop();
}
