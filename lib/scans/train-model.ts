// Trains a model for a job on a thread of its own (lib/topics/train-in-thread.ts), reporting progress
// at most every half second; the job's own thread stays free to renew its lock and run other jobs.
import { trainInThread } from "@/lib/topics/train-in-thread";
import type { LdaModel, LdaOptions } from "@/lib/topics/lda";
import type { Corpus } from "@/lib/text/vocabulary";

const PROGRESS_EVERY_MS = 500;

export type TrainReport = (share: number, logLikelihood: number | null) => Promise<void>;

export async function trainModel(corpus: Corpus, options: LdaOptions, report: TrainReport): Promise<LdaModel> {
  let last = 0;
  let logLikelihood: number | null = null;
  return trainInThread(corpus, options, async ({ sweep, sweeps, logLikelihood: ll }) => {
    if (ll !== undefined) logLikelihood = ll;
    if (performance.now() - last > PROGRESS_EVERY_MS) {
      last = performance.now();
      await report(sweep / sweeps, logLikelihood);
    }
  });
}
