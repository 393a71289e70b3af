// Reads a file's records on a thread of its own (read-thread.ts): decoding, parsing, cleaning, language
// detection and hashing take one core while the calling thread stores the previous batch and PostgreSQL
// takes the other. The results are those of readRecords + prepareRecord in the calling thread.
//
// The caller's thread still owns the input (a file, or upload chunks read from the database): the
// thread asks for each chunk when it needs it, and the input's own errors reach the caller unchanged.
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import type { FormatId } from "./formats";
import { UnknownFormatError } from "./read-errors";
import type { ReadRecordsOptions } from "./read-records";
import { fromWire } from "./prepare-record";
import type { ThreadResult, ToParent, ToThread, WireResult } from "./read-thread-protocol";
import type { ReadThreadData } from "./read-thread";

export type { ThreadResult } from "./read-thread-protocol";

export type ThreadRead = {
  format: FormatId;
  /** Batches of results in file order; at most `ahead` wait to be taken. */
  batches: AsyncGenerator<ThreadResult[]>;
  /** Stops the thread and releases the input; safe to call more than once. */
  close: () => Promise<void>;
};

const PIECE = 100;

function threadUrl(): URL {
  const here = import.meta.url;
  return new URL(`${here.slice(0, here.lastIndexOf("/") + 1)}read-thread.mjs`);
}

function fromThread(result: WireResult): ThreadResult {
  return result.ok ? { ok: true, prepared: fromWire(result.prepared) } : result;
}

function rebuilt(message: Extract<ToParent, { type: "error" }>): Error {
  let error: Error;
  if (message.name === "UnknownFormatError") error = new UnknownFormatError(message.message);
  else if (message.app) {
    const { code, key, values } = message.app;
    error = new AppError(code, message.message, key ? { key, values } : undefined);
    error.name = message.name;
  } else error = message.name === "RangeError" ? new RangeError(message.message) : new Error(message.message);
  if (message.stack) error.stack = message.stack;
  return error;
}

/**
 * Starts a reading thread on `input` and resolves once it has detected the format.
 * @throws UnknownFormatError when the content matches no registered format (the thread is stopped)
 */
export async function readInThread(
  input: AsyncIterable<Uint8Array>,
  options: ReadRecordsOptions & { batchSize: number; ahead?: number },
): Promise<ThreadRead> {
  const { batchSize, ahead = 2, ...readOptions } = options;
  // The thread posts small pieces, so few records live long enough on its heap to be copied by the
  // garbage collector; they are joined into batches of `batchSize` here.
  const piece = Math.min(batchSize, PIECE);
  const worker = new Worker(threadUrl(), { workerData: { options: readOptions, batchSize: piece, ahead: Math.ceil((ahead * batchSize) / piece) } satisfies ReadThreadData });
  const chunks = input[Symbol.asyncIterator]();
  const queue: ThreadResult[][] = [];
  let format: FormatId | null = null;
  let finished = false;
  let failure: unknown = null;
  let closed = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const fail = (error: unknown) => {
    failure ??= error;
    notify();
  };
  const send = (message: ToThread, transfer: ArrayBuffer[] = []) => {
    if (!closed) worker.postMessage(message, transfer);
  };

  const pull = async () => {
    try {
      const step = await chunks.next();
      if (step.done) return send({ type: "end" });
      // A copy with a buffer of its own, moved to the thread: a chunk may be a view of a shared pool
      // (Buffer.from of a short string), which must not be moved. (Buffer's slice() would not copy.)
      const chunk = new Uint8Array(step.value);
      send({ type: "chunk", chunk }, [chunk.buffer as ArrayBuffer]);
    } catch (error) {
      fail(error); // the input's own error (database, disk), passed on as it is
    }
  };
  worker.on("message", (message: ToParent) => {
    if (message.type === "pull") void pull();
    else if (message.type === "format") format = message.format;
    else if (message.type === "batch") queue.push(message.results.map(fromThread));
    else if (message.type === "done") finished = true;
    else fail(rebuilt(message));
    notify();
  });
  worker.on("error", fail);
  worker.on("exit", (code) => {
    if (!finished) fail(new Error(`The reading thread stopped (exit code ${code}) before the end of the file`));
  });

  const close = async () => {
    if (closed) return;
    closed = true;
    await worker.terminate();
    await chunks.return?.();
  };
  const next = async () => {
    while (queue.length === 0 && !finished && failure === null) await new Promise<void>((resolve) => (wake = resolve));
  };

  while (format === null && failure === null) await new Promise<void>((resolve) => (wake = resolve));
  if (format === null) {
    await close();
    throw failure ?? new Error("The reading thread ended without naming the file's format");
  }

  async function* batches(): AsyncGenerator<ThreadResult[]> {
    try {
      let batch: ThreadResult[] = [];
      for (;;) {
        await next();
        const results = queue.shift();
        if (results) {
          send({ type: "taken" });
          batch = batch.length === 0 ? results : batch.concat(results);
          if (batch.length < batchSize) continue;
          yield batch;
          batch = [];
        } else {
          // The end, or a failure: what was read before it is stored first.
          if (batch.length > 0) yield batch;
          batch = [];
          if (failure !== null) throw failure;
          return;
        }
      }
    } finally {
      await close();
    }
  }
  return { format, batches: batches(), close };
}
