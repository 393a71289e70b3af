// Runs the LDA generator to the end, reporting progress at most every half second and yielding to the
// event loop in between so the queue can renew its lock.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { trainLda, type LdaModel, type LdaOptions } from "@/lib/topics/lda";
import type { Corpus } from "@/lib/text/vocabulary";

const PROGRESS_EVERY_MS = 500;

export type TrainReport = (share: number, logLikelihood: number | null) => Promise<void>;

export async function trainModel(corpus: Corpus, options: LdaOptions, report: TrainReport): Promise<LdaModel> {
  const generator = trainLda(corpus, options);
  let last = 0;
  let logLikelihood: number | null = null;
  for (;;) {
    const step = generator.next();
    if (step.done) return step.value;
    if (step.value.logLikelihood !== undefined) logLikelihood = step.value.logLikelihood;
    if (performance.now() - last > PROGRESS_EVERY_MS) {
      last = performance.now();
      await report(step.value.sweep / step.value.sweeps, logLikelihood);
      await yieldToEventLoop();
    }
  }
}
