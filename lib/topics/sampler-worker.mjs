// Entry of a sampling thread (sampler-pool.ts); see import-typescript.mjs for why it is JavaScript.
// A failure to start is flagged to the waiting parent.
import { writeSync } from "node:fs";
import { workerData } from "node:worker_threads";
import { importTypeScript } from "../threads/import-typescript.mjs";

const FAILED = 2;

try {
  await importTypeScript(new URL("./sampler-worker.ts", import.meta.url).href);
} catch (error) {
  // Written synchronously: the parent is blocked waiting and would exit before an async console line.
  writeSync(2, `Sampling thread failed to start: ${error?.stack ?? error}\n`);
  Atomics.store(workerData.control, FAILED, 1);
  Atomics.notify(workerData.control, 1);
  Atomics.notify(workerData.control, 4);
}
