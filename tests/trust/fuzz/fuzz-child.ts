// One fuzzing process: takes cases over IPC, reads each through readRecords exactly as an import does,
// and answers how it ended. Run in its own process so that a hang can be killed and a memory blow-up
// hits this process's heap limit, not the test runner's.
import { AppError } from "@/lib/errors";
import { readRecords, ReaderFailure, type ReadRecordsOptions } from "@/lib/ingest/read-records";
import type { ReadResult } from "@/lib/ingest/record";

export type FuzzCase = { id: number; label: string; format: string; bytes: Uint8Array; chunk: number };
export type CaseOutcome = { id: number; kind: "records" | "rejected" | "crash" | "broken"; detail: string; results: number; errors: number; ms: number; rss: number; rssRaised: number };

// An error a person can act on says something, in words: not empty, not a dumped object, and no
// "Record undefined" or "line NaN" from a value that was never set. (A message may quote the input,
// which the fuzzer fills with such words, so only their use as a number or on their own counts.)
const UNCLEAR = /^\s*$|\[object \w+\]|\b(?:record|line|position|column|row|entry|at)\s+(?:undefined|NaN|null)\b|^(?:undefined|NaN|null)$/i;

async function* sliced(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Why a result breaks the contract every reader promises, or null. */
function brokenResult(result: ReadResult, previous: number): string | null {
  if (typeof result !== "object" || result === null || typeof result.ok !== "boolean") return "a result that is not a ReadResult";
  if (!Number.isInteger(result.position) || result.position <= previous) return `position ${result.position} after ${previous}`;
  if (result.line !== undefined && !(Number.isInteger(result.line) && result.line >= 1)) return `line ${result.line}`;
  if (!result.ok) return typeof result.message === "string" && !UNCLEAR.test(result.message) ? null : `unclear message ${JSON.stringify(result.message)}`;
  const r = result.record;
  if (typeof r.title !== "string" || r.title.trim() === "") return "a record without a title";
  if (r.year !== null && !Number.isInteger(r.year)) return `year ${r.year}`;
  if (!Array.isArray(r.authors) || !Array.isArray(r.keywords) || typeof r.raw !== "object") return "a record with malformed fields";
  return null;
}

export async function runCase(c: FuzzCase): Promise<CaseOutcome> {
  const started = performance.now();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  let [results, errors, previous] = [0, 0, 0];
  const done = (kind: CaseOutcome["kind"], detail: string): CaseOutcome => {
    const peak = process.resourceUsage().maxRSS * 1024; // the process's peak so far
    return { id: c.id, kind, detail, results, errors, ms: performance.now() - started, rss: peak, rssRaised: peak - peakBefore };
  };
  try {
    const options: ReadRecordsOptions = { format: c.format as ReadRecordsOptions["format"] };
    const { records } = await readRecords(sliced(c.bytes, c.chunk), options);
    for await (const result of records) {
      const broken = brokenResult(result, previous);
      if (broken) return done("broken", broken);
      previous = result.position;
      results++;
      if (!result.ok) errors++;
    }
    return done("records", "");
  } catch (error) {
    if (error instanceof ReaderFailure) return done("crash", `${error.message}, caused by ${String(error.cause)}`);
    if (error instanceof AppError) return UNCLEAR.test(error.message) ? done("broken", `unclear refusal ${JSON.stringify(error.message)}`) : done("rejected", error.message);
    const e = error as Error;
    return done("crash", `${e?.name ?? typeof error}: ${e?.message ?? String(error)}\n${(e?.stack ?? "").split("\n").slice(1, 6).join("\n")}`);
  }
}

if (process.send) {
  process.on("message", (c: FuzzCase) => {
    void runCase(c).then((outcome) => process.send!(outcome));
  });
  process.send({ ready: true });
}
