// `npm run test:trust`: the trust checks at full size — importer fuzzing, bombs, killed workers,
// restarted services, the round-close race — then one line per figure they measured.
// Each trust test calls reportFigure (tests/trust/figures.ts), which appends its line to the file named
// by TRUST_RESULTS; a new trust test (e.g. the authz matrix, the anonymity canary) plugs in by doing the
// same from a file under tests/trust/ (or tests/trust/integration/ when it needs the database).
// `--quick` runs the npm-test sizes instead; any other arguments go to vitest as file filters.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FIGURE_PATTERN, type Figure } from "../tests/trust/figures";
import { KNOWN_DEFECTS } from "../tests/trust/known-defects";

// The order figures are printed in; figures not listed follow in the order they arrived. The last two
// belong to checks still to be written and are shown as missing until they report.
const ORDER = [
  "importer-fuzzing", "importer-fuzzing-outcomes", "bombs", "upload-limit", "worker-kill", "postgres-restart", "redis-restart",
  "round-close-race", "authz-matrix", "authz-allowed", "authz-object-level", "csrf", "audit-coverage", "audit-append-only",
  "secrets-in-logs", "anonymity-canary", "anonymity-canary-planner",
];
const PENDING: Record<string, string> = { "authz-matrix": "authz matrix", "anonymity-canary": "anonymity canary" };

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const filters = args.filter((a) => a !== "--quick");
const dir = mkdtempSync(path.join(tmpdir(), "trust-"));
const results = path.join(dir, "figures.jsonl");
const env = { ...process.env, TRUST_RESULTS: results, ...(quick ? {} : { TRUST_FULL: "1" }) };

// Figures by key, from the printed lines and from the results file (each is enough on its own).
const collected = new Map<string, string>();
const ANSI = /\u001b\[[0-9;]*m/g;

/** One vitest run, its output passed through as it comes and scanned for printed figures. */
function vitest(project: string, root: string, owns: (file: string) => boolean): Promise<boolean> {
  const files = filters.length ? filters.filter(owns) : [root];
  if (files.length === 0) return Promise.resolve(true);
  console.log(`\n== trust checks: ${project} ==`);
  const child = spawn("npx", ["vitest", "run", "--passWithNoTests", "--project", project, ...files], { stdio: ["inherit", "pipe", "inherit"], env });
  let partial = "";
  child.stdout.on("data", (data: Buffer) => {
    process.stdout.write(data);
    const lines = (partial + data.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      const match = line.replace(ANSI, "").match(FIGURE_PATTERN);
      if (match) collected.set(match[1], match[2].trim());
    }
  });
  return new Promise((resolve) => child.on("close", (code) => resolve(code === 0)));
}

// The database-free checks first, then those against PostgreSQL and Redis, one after the other so
// their timings do not disturb each other.
const INTEGRATION = "tests/trust/integration/";
const passed = [
  await vitest("trust", "tests/trust/", (f) => f.startsWith("tests/trust/") && !f.startsWith(INTEGRATION)),
  await vitest("integration", INTEGRATION, (f) => f.startsWith(INTEGRATION)),
].every(Boolean);

try {
  for (const line of readFileSync(results, "utf8").split("\n").filter(Boolean)) {
    const figure = JSON.parse(line) as Figure;
    collected.set(figure.key, figure.line);
  }
} catch {
  // No results file: every figure came from the printed lines, or none was reported.
}
rmSync(dir, { recursive: true, force: true });
let figures: Figure[] = [...collected].map(([key, line]) => ({ key, line }));
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);
figures = figures.map((f, i) => ({ ...f, i })).sort((a, b) => rank(a.key) - rank(b.key) || a.i - b.i);

console.log(`\n== trust figures (${quick ? "quick sizes" : "full sizes"}) ==`);
for (const figure of figures) console.log(figure.line);
for (const [key, name] of Object.entries(PENDING)) if (!figures.some((f) => f.key === key)) console.log(`${name}: not measured yet`);
if (KNOWN_DEFECTS.length) {
  console.log(`\nopen defects these checks found (tests/trust/known-defects.ts):`);
  for (const d of KNOWN_DEFECTS) console.log(`- ${d.id} (${d.file}): ${d.summary}`);
}
console.log(passed ? "\ntrust checks passed" : "\ntrust checks FAILED (see the vitest output above)");
process.exit(passed ? 0 : 1);
