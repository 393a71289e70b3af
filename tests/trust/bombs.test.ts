// Bombs: each hostile file (bombs/catalog.ts) is read in a fresh process with a 1 GB heap limit and must
// end in a clear message — a refusal or a per-record error — without expanding what it asks to expand,
// reading a local file, or taking more than a bounded amount of memory and time.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BombOutcome } from "./bombs/bomb-child";
import { BOMBS, type Bomb } from "./bombs/catalog";
import { reportFigure, TRUST_FULL } from "./figures";
import { knownDefect } from "./known-defects";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CHILD = fileURLToPath(new URL("./bombs/bomb-child.ts", import.meta.url));
// Growth of the peak RSS over the process's baseline, and wall time, per bomb.
const RSS_BOUND_MB = 256;
const TIME_BOUND_S = TRUST_FULL ? 60 : 30;
const HEAP_LIMIT_MB = 1024;

let dir: string;
const outcomes: BombOutcome[] = [];
const openDefects: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "trust-bombs-"));
  for (const bomb of BOMBS) await bomb.prepare?.(dir);
}, 180_000); // compressing two 1 GB bombs takes seconds, more on a busy machine

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const measured = outcomes.filter((o) => !BOMBS.find((b) => b.name === o.name)?.knownDefect);
  if (measured.length === 0) return;
  const worst = measured.reduce((a, b) => (b.peakRssMB - b.baselineRssMB > a.peakRssMB - a.baselineRssMB ? b : a));
  const slowest = measured.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const passed = outcomes.length - openDefects.length;
  const open = openDefects.length ? `; ${openDefects.length} known defects open (${openDefects.join(", ")})` : "";
  reportFigure(
    "bombs",
    `bombs: ${passed} of ${outcomes.length} rejected with a clear message within ${RSS_BOUND_MB} MB and ${TIME_BOUND_S} s, nothing expanded or read from disk${open}; ` +
      `worst peak RSS +${Math.round(worst.peakRssMB - worst.baselineRssMB)} MB (${worst.name}), slowest ${slowest.seconds.toFixed(1)} s (${slowest.name})`,
  );
});

/** The bomb read in its own process; a process that dies (out of memory, timed out) is a crash outcome. */
function explode(bomb: Bomb): Promise<BombOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `--max-old-space-size=${HEAP_LIMIT_MB}`, CHILD, bomb.name, dir, TRUST_FULL ? "1" : "0"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), (TIME_BOUND_S + 30) * 1000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) return resolve(JSON.parse(line) as BombOutcome);
      const oom = /heap out of memory|Allocation failed/i.test(stderr);
      const why = oom ? "out of memory" : signal === "SIGKILL" ? "timed out" : `exit ${code ?? signal}`;
      resolve({
        name: bomb.name, kind: "crash", message: `the reading process died (${why}): ${stderr.trim().split("\n").slice(-3).join(" ")}`.slice(0, 500),
        results: 0, errors: 0, errorMessages: [], leaked: [], seconds: TIME_BOUND_S + 30, baselineRssMB: 0, peakRssMB: oom ? HEAP_LIMIT_MB : 0,
      });
    });
  });
}

describe("hostile files", () => {
  for (const bomb of BOMBS) {
    const name = bomb.knownDefect
      ? `${bomb.what}: still shows the known defect "${bomb.knownDefect}" (the mark goes once it is fixed)`
      : `${bomb.what}: ends in a clear message within ${RSS_BOUND_MB} MB and ${TIME_BOUND_S} s`;
    it(name, async () => {
      const outcome = await explode(bomb);
      outcomes.push(outcome);
      const growth = Math.round(outcome.peakRssMB - outcome.baselineRssMB);
      console.info(`${bomb.name}: ${outcome.kind} in ${outcome.seconds.toFixed(1)} s, peak RSS +${growth} MB: ${outcome.message || outcome.errorMessages[0] || ""}`.slice(0, 400));

      const check = () => {
        expect(outcome.kind, outcome.message).not.toBe("crash");
        expect(outcome.leaked, "text that must never come out").toEqual([]);
        if (outcome.kind === "rejected") expect(outcome.message).toMatch(bomb.message);
        else expect(outcome.errorMessages.join("\n"), "a read bomb must end in a per-record error").toMatch(bomb.message);
        expect(growth).toBeLessThan(RSS_BOUND_MB);
        expect(outcome.seconds).toBeLessThan(TIME_BOUND_S);
      };
      if (!bomb.knownDefect) return check();
      const defect = knownDefect(bomb.knownDefect);
      expect(check, `known defect "${defect.id}" no longer shows: remove it from tests/trust/known-defects.ts`).toThrow();
      openDefects.push(defect.id);
    });
  }
});
