// Training on a thread of its own gives the model trainLda gives in the calling thread, reports every
// sweep in order, stops when its caller stops it, and leaves the calling thread's event loop free.
import { describe, expect, it } from "vitest";
import { trainLda, type LdaModel, type LdaOptions } from "@/lib/topics/lda";
import { trainInThread, type SweepProgress } from "@/lib/topics/train-in-thread";
import { plantedCorpus } from "./planted-corpus";

const corpus = plantedCorpus();

function inCallingThread(options: LdaOptions): { model: LdaModel; logLikelihoods: (number | undefined)[] } {
  const run = trainLda(corpus, options);
  const logLikelihoods: (number | undefined)[] = [];
  for (;;) {
    const step = run.next();
    if (step.done) return { model: step.value, logLikelihoods };
    logLikelihoods.push(step.value.logLikelihood);
  }
}

describe("trainInThread", () => {
  for (const threads of [1, 2]) {
    it(`gives exactly the model and log-likelihoods of trainLda in the calling thread (${threads} sampling thread${threads > 1 ? "s" : ""})`, async () => {
      const options: LdaOptions = { k: 4, seed: 11, iterations: 40, threads };
      const expected = inCallingThread(options);
      const seen: SweepProgress[] = [];
      const model = await trainInThread(corpus, options, (p) => void seen.push(p));
      expect(seen.map((p) => p.sweep)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(seen.map((p) => p.logLikelihood)).toEqual(expected.logLikelihoods);
      expect(model.toJSON()).toEqual(expected.model.toJSON());
      expect(model.topicWords(0, 10)).toEqual(expected.model.topicWords(0, 10));
    });
  }

  it("refuses bad options as trainLda does, before starting a thread", async () => {
    await expect(trainInThread(corpus, { k: 0, seed: 1 }, () => {})).rejects.toBeInstanceOf(RangeError);
    expect(() => trainLda(corpus, { k: 0, seed: 1 })).toThrow(RangeError);
  });

  it("stops when the progress callback fails, with its error", async () => {
    const seen: number[] = [];
    const stop = new Error("the scan was cancelled");
    const training = trainInThread(corpus, { k: 4, seed: 1, iterations: 5_000 }, ({ sweep }) => {
      seen.push(sweep);
      if (sweep === 3) throw stop;
    });
    await expect(training).rejects.toBe(stop);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("keeps the calling thread's event loop running while it trains", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    try {
      await trainInThread(plantedCorpus({ documents: 3_000, length: 80 }), { k: 8, seed: 1, iterations: 100 }, () => {});
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - started;
    // A 5 ms timer fires about elapsed / 5 times when nothing blocks it; training in this thread let it fire ~0 times.
    expect(elapsed).toBeGreaterThan(100);
    expect(ticks).toBeGreaterThan(elapsed / 50);
  });
});
