// Entry of a reading thread. Plain JavaScript, so that it starts whatever loader the parent process
// has (tsx, Vitest, none): it loads the TypeScript thread directly when TypeScript imports work, and
// registers tsx first when they do not (as train-thread.mjs does).
import { parentPort } from "node:worker_threads";

try {
  try {
    await import("./read-thread.ts");
  } catch (error) {
    if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
    const { register } = await import("tsx/esm/api");
    register();
    // A new specifier: Node remembers the failed load of the first one.
    await import("./read-thread.ts?tsx");
  }
} catch (error) {
  parentPort.postMessage({ type: "error", name: "Error", message: `Reading thread failed to start: ${error?.message ?? error}`, stack: error?.stack });
}
