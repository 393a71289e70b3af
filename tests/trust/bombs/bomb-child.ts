// Reads one bomb (catalog.ts) through readRecords in a fresh process and prints one JSON line: how it
// ended, the messages, whether any forbidden text came out, the time and the peak RSS over the
// process's own baseline. A fresh process per bomb keeps each memory figure its own.
import { AppError } from "@/lib/errors";
import { readRecords, ReaderFailure } from "@/lib/ingest/read-records";
import { bombNamed } from "./catalog";

export type BombOutcome = {
  name: string;
  kind: "rejected" | "read" | "crash";
  message: string;
  results: number;
  errors: number;
  errorMessages: string[];
  leaked: string[];
  seconds: number;
  baselineRssMB: number;
  peakRssMB: number;
};

const [name, dir, full] = process.argv.slice(2);
const bomb = bombNamed(name);
const forbidden = bomb.forbidden?.(dir) ?? [];

const baseline = process.memoryUsage().rss;
const started = performance.now();
const outcome: BombOutcome = {
  name, kind: "read", message: "", results: 0, errors: 0, errorMessages: [], leaked: [], seconds: 0, baselineRssMB: baseline / 2 ** 20, peakRssMB: 0,
};
const leak = (value: unknown) => {
  const json = JSON.stringify(value);
  for (const text of forbidden) if (json.includes(text) && !outcome.leaked.includes(text)) outcome.leaked.push(text);
};

try {
  const { records } = await readRecords(bomb.input(dir, full === "1"), { format: bomb.format ?? "auto" });
  for await (const result of records) {
    outcome.results++;
    leak(result);
    if (!result.ok) {
      outcome.errors++;
      if (outcome.errorMessages.length < 3) outcome.errorMessages.push(result.message.slice(0, 300));
    }
  }
} catch (error) {
  // A ReaderFailure is the safety net catching a reader's unforeseen exception: a defect all the same.
  const expected = error instanceof AppError && !(error instanceof ReaderFailure);
  const cause = error instanceof ReaderFailure ? ` (caused by ${String(error.cause)})` : "";
  outcome.kind = expected ? "rejected" : "crash";
  outcome.message = `${expected ? "" : `${(error as Error).name}: `}${(error as Error).message}${cause}`.slice(0, 500);
  leak(outcome.message);
}
outcome.seconds = (performance.now() - started) / 1000;
// maxRSS is the process's peak; the growth over the baseline is what reading the bomb cost.
outcome.peakRssMB = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
console.log(JSON.stringify(outcome));
process.exit(0);
