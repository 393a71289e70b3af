// Entry of a reading thread (read-in-thread.ts); see import-typescript.mjs for why it is JavaScript.
import { parentPort } from "node:worker_threads";
import { importTypeScript } from "../threads/import-typescript.mjs";

try {
  await importTypeScript(new URL("./read-thread.ts", import.meta.url).href);
} catch (error) {
  parentPort.postMessage({ type: "error", name: "Error", message: `Reading thread failed to start: ${error?.message ?? error}`, stack: error?.stack });
}
