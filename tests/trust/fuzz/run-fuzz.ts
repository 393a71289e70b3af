// Runs fuzz cases through child processes (fuzz-child.ts) with a watchdog: a case that runs past its
// time is a hang (the child is killed and replaced), a child that dies is a crash (its heap limit makes
// an unbounded allocation one). Everything else the child classifies itself.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CaseOutcome, FuzzCase } from "./fuzz-child";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CHILD = fileURLToPath(new URL("./fuzz-child.ts", import.meta.url));

export type FuzzOptions = { timeoutMs: number; heapMb: number; processes: number };
export type FuzzFailure = { id: number; label: string; format: string; kind: "crash" | "hang" | "died" | "broken"; detail: string; bytes: Uint8Array };
export type FuzzReport = {
  cases: number;
  /** Cases whose records all read, with or without per-record errors. */
  read: number;
  /** Of those, cases with at least one per-record error. */
  withRecordErrors: number;
  /** Cases refused whole with one clear AppError. */
  rejected: number;
  failures: FuzzFailure[];
  slowestMs: number;
  slowestLabel: string;
  peakRss: number;
  /** The case that raised the peak RSS the most, and by how much. */
  peakRaise: { label: string; bytes: number };
  /** A sample of the refusal messages, to show what a person is told. */
  messages: Map<string, number>;
};

type Died = { kind: "hang" | "died"; detail: string };

class FuzzProcess {
  private stderr = "";
  private constructor(private readonly child: ChildProcess) {
    child.stderr?.on("data", (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
  }

  static start(heapMb: number): Promise<FuzzProcess> {
    const child = spawn(process.execPath, ["--import", "tsx", `--max-old-space-size=${heapMb}`, CHILD], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced", // Uint8Array crosses as bytes, not as a JSON object of numbers
    });
    const started = new FuzzProcess(child);
    return new Promise((resolve, reject) => {
      child.once("message", () => resolve(started));
      child.once("exit", (code) => reject(new Error(`the fuzzing process did not start (exit ${code}): ${started.stderr}`)));
    });
  }

  run(c: FuzzCase, timeoutMs: number): Promise<CaseOutcome | Died> {
    return new Promise((resolve) => {
      const finish = (outcome: CaseOutcome | Died) => {
        clearTimeout(timer);
        this.child.off("message", onMessage);
        this.child.off("exit", onExit);
        resolve(outcome);
      };
      const onMessage = (outcome: CaseOutcome) => outcome.id === c.id && finish(outcome);
      const onExit = (code: number | null, signal: string | null) => {
        const oom = /heap out of memory|Allocation failed/i.test(this.stderr);
        finish({ kind: "died", detail: `${oom ? "out of memory" : `exited (${code ?? signal})`}: ${this.stderr.trim().split("\n").slice(-8).join("\n")}` });
      };
      const timer = setTimeout(() => {
        this.child.off("exit", onExit);
        this.kill();
        finish({ kind: "hang", detail: `no answer within ${timeoutMs} ms` });
      }, timeoutMs);
      this.child.on("message", onMessage);
      this.child.once("exit", onExit);
      this.child.send(c);
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  kill(): void {
    if (this.alive) this.child.kill("SIGKILL");
  }
}

export async function runFuzz(cases: Iterable<FuzzCase>, options: FuzzOptions): Promise<FuzzReport> {
  const report: FuzzReport = { cases: 0, read: 0, withRecordErrors: 0, rejected: 0, failures: [], slowestMs: 0, slowestLabel: "", peakRss: 0, peakRaise: { label: "", bytes: 0 }, messages: new Map() };
  const iterator = cases[Symbol.iterator]();
  const loop = async () => {
    let worker = await FuzzProcess.start(options.heapMb);
    try {
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        const c = next.value;
        if (!worker.alive) worker = await FuzzProcess.start(options.heapMb);
        const outcome = await worker.run(c, options.timeoutMs);
        report.cases++;
        if (!("results" in outcome)) {
          report.failures.push({ id: c.id, label: c.label, format: c.format, kind: outcome.kind, detail: outcome.detail, bytes: c.bytes });
          worker.kill();
          worker = await FuzzProcess.start(options.heapMb);
          continue;
        }
        record(report, c, outcome);
      }
    } finally {
      worker.kill();
    }
  };
  await Promise.all(Array.from({ length: options.processes }, loop));
  return report;
}

function record(report: FuzzReport, c: FuzzCase, outcome: CaseOutcome): void {
  if (outcome.ms > report.slowestMs) [report.slowestMs, report.slowestLabel] = [outcome.ms, c.label];
  report.peakRss = Math.max(report.peakRss, outcome.rss);
  if (outcome.rssRaised > report.peakRaise.bytes) report.peakRaise = { label: c.label, bytes: outcome.rssRaised };
  if (outcome.kind === "crash" || outcome.kind === "broken") {
    report.failures.push({ id: c.id, label: c.label, format: c.format, kind: outcome.kind, detail: outcome.detail, bytes: c.bytes });
  }
  else if (outcome.kind === "rejected") {
    report.rejected++;
    const key = outcome.detail.replace(/\d+/g, "N").slice(0, 120);
    report.messages.set(key, (report.messages.get(key) ?? 0) + 1);
  } else {
    report.read++;
    if (outcome.errors > 0) report.withRecordErrors++;
  }
}
