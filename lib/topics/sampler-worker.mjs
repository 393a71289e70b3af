// Entry of a sampling thread. Plain JavaScript, so that it starts whatever loader the parent process
// has (tsx, Vitest, none): it loads the TypeScript worker directly when TypeScript imports work, and
// registers tsx first when they do not. A failure to start is flagged to the waiting parent.
import { writeSync } from "node:fs";
import { workerData } from "node:worker_threads";

const FAILED = 2;

try {
  try {
    await import("./sampler-worker.ts");
  } catch (error) {
    if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
    const { register } = await import("tsx/esm/api");
    register();
    // A new specifier: Node remembers the failed load of the first one.
    await import("./sampler-worker.ts?tsx");
  }
} catch (error) {
  // Written synchronously: the parent is blocked waiting and would exit before an async console line.
  writeSync(2, `Sampling thread failed to start: ${error?.stack ?? error}\n`);
  Atomics.store(workerData.control, FAILED, 1);
  Atomics.notify(workerData.control, 1);
  Atomics.notify(workerData.control, 4);
}
