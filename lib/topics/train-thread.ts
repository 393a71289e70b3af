// A training thread (train-in-thread.ts): runs trainLda on the corpus it was given, posting each
// sweep's progress and, at the end, the model's counts — moved, not copied, where they are not shared.
import { parentPort, workerData } from "node:worker_threads";
import { trainLda, type LdaOptions } from "./lda";
import type { Corpus } from "@/lib/text/vocabulary";

export type TrainThreadData = { corpus: Corpus; options: LdaOptions };
export type TrainThreadMessage =
  | { type: "progress"; sweep: number; sweeps: number; logLikelihood?: number }
  | { type: "done"; init: import("./lda-model").LdaModelInit }
  | { type: "error"; name: string; message: string; stack?: string };

const { corpus, options } = workerData as TrainThreadData;
const post = (message: TrainThreadMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

try {
  const run = trainLda(corpus, options);
  for (;;) {
    const step = run.next();
    if (step.done) {
      const init = step.value.toInit();
      const buffers = [init.counts.nwk, init.counts.ndk, init.counts.nk, init.alpha].map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
      post({ type: "done", init }, [...new Set(buffers)]);
      break;
    }
    const { sweep, sweeps, logLikelihood } = step.value;
    post({ type: "progress", sweep, sweeps, logLikelihood });
  }
} catch (error) {
  const { name, message, stack } = error as Error;
  post({ type: "error", name: name ?? "Error", message: message ?? String(error), stack });
}
