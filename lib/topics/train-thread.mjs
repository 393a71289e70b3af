// Entry of a training thread (train-in-thread.ts); see import-typescript.mjs for why it is JavaScript.
import { parentPort } from "node:worker_threads";
import { importTypeScript } from "../threads/import-typescript.mjs";

try {
  await importTypeScript(new URL("./train-thread.ts", import.meta.url).href);
} catch (error) {
  parentPort.postMessage({ type: "error", name: "Error", message: `Training thread failed to start: ${error?.message ?? error}`, stack: error?.stack });
}
