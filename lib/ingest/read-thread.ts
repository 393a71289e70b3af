// A reading thread (read-in-thread.ts): decodes, detects, parses and prepares the records of the bytes
// its parent sends, and posts them back in batches. It asks for the next chunk only when it needs it
// and posts at most AHEAD batches the parent has not taken, so memory stays bounded both ways.
import { parentPort, workerData } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { prepareRecord, toWire } from "./prepare-record";
import { readRecords, type ReadRecordsOptions } from "./read-records";
import type { ToParent, ToThread, WireResult } from "./read-thread-protocol";

export type ReadThreadData = { options: ReadRecordsOptions; batchSize: number; ahead: number };

const { options, batchSize, ahead } = workerData as ReadThreadData;
const port = parentPort!;
const post = (message: ToParent) => port.postMessage(message);

let inbox: ToThread[] = [];
let credit = ahead;
// The reader may wait for input (its decoder reads ahead) while the loop below waits for credit:
// every message wakes every waiter, and each checks its own condition.
let waiters: (() => void)[] = [];
port.on("message", (message: ToThread) => {
  if (message.type === "taken") credit++;
  else inbox.push(message);
  const woken = waiters;
  waiters = [];
  for (const wake of woken) wake();
});

const until = async (ready: () => boolean) => {
  while (!ready()) await new Promise<void>((resolve) => waiters.push(resolve));
};

async function* input(): AsyncGenerator<Uint8Array> {
  for (;;) {
    post({ type: "pull" });
    await until(() => inbox.length > 0);
    const message = inbox[0];
    inbox = inbox.slice(1);
    if (message.type === "end") return;
    if (message.type === "chunk") yield message.chunk;
  }
}

async function send(results: WireResult[]): Promise<void> {
  await until(() => credit > 0);
  credit--;
  post({ type: "batch", results });
}

try {
  const { format, records } = await readRecords(input(), options);
  post({ type: "format", format });
  let batch: WireResult[] = [];
  for await (const result of records) {
    batch.push(result.ok ? { ok: true, prepared: toWire(prepareRecord(format, result.position, result.record)) } : result);
    if (batch.length >= batchSize) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await send(batch);
  post({ type: "done" });
} catch (error) {
  const { name, message, stack } = error as Error;
  const app = error instanceof AppError ? { code: error.code, key: error.key, values: error.values } : undefined;
  post({ type: "error", name: name ?? "Error", message: message ?? String(error), stack, app });
}
