// Trains LDA on a thread of its own, so the process that asked stays responsive: a worker process
// running a scan keeps renewing its job locks, answering its health check and moving the other jobs
// it holds (an import beside a training used to advance only between half-second slices of it).
// Same code, same corpus, same seed: the same model as trainLda in the calling thread.
import { Worker } from "node:worker_threads";
import type { Corpus } from "@/lib/text/vocabulary";
import { trainLda, type LdaOptions } from "./lda";
import { LdaModel } from "./lda-model";
import type { TrainThreadData, TrainThreadMessage } from "./train-thread";

export type SweepProgress = { sweep: number; sweeps: number; logLikelihood?: number };

function threadUrl(): URL {
  const here = import.meta.url;
  return new URL(`${here.slice(0, here.lastIndexOf("/") + 1)}train-thread.mjs`);
}

function rebuilt({ name, message, stack }: { name: string; message: string; stack?: string }): Error {
  const error = name === "RangeError" ? new RangeError(message) : name === "TypeError" ? new TypeError(message) : new Error(message);
  if (stack) error.stack = stack;
  return error;
}

/**
 * Trains on a new thread. `onSweep` is called for every sweep, in order, on the calling thread; when
 * it rejects, training stops and the promise rejects with its error. Options are checked here first,
 * so a bad option throws as trainLda's would.
 */
export async function trainInThread(corpus: Corpus, options: LdaOptions, onSweep: (progress: SweepProgress) => Promise<void> | void): Promise<LdaModel> {
  trainLda(corpus, options).return(undefined as never); // checks the options; samples nothing
  const worker = new Worker(threadUrl(), { workerData: { corpus, options } satisfies TrainThreadData });
  let chain = Promise.resolve();
  let failed = false;
  try {
    return await new Promise<LdaModel>((resolve, reject) => {
      worker.on("message", (message: TrainThreadMessage) => {
        if (message.type === "progress") {
          chain = chain
            .then(() => (failed ? undefined : onSweep(message)))
            .catch((error: unknown) => {
              failed = true;
              reject(error);
            });
        }
        else if (message.type === "done") chain.then(() => resolve(new LdaModel(message.init)), reject);
        else reject(rebuilt(message));
      });
      worker.on("error", reject);
      worker.on("exit", (code) => reject(new Error(`The training thread stopped (exit code ${code}) before it finished`)));
    });
  } finally {
    await worker.terminate();
  }
}
