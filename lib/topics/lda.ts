// Latent Dirichlet allocation by collapsed Gibbs sampling (Griffiths & Steyvers 2004, "Finding
// scientific topics", PNAS 101: 5228–5235). The reference engine: plain, dense and deterministic.
import type { Corpus } from "@/lib/text/vocabulary";
import { emptyCounts, logLikelihood, type LdaCounts } from "./lda-counts";
import { LdaModel, type LdaParams } from "./lda-model";
import { createRandom, sampleCumulative, type Random } from "./random";

export { LdaModel, loadLda, type LdaJson } from "./lda-model";

export type LdaOptions = { k: number; alpha?: number; beta?: number; seed: number; iterations?: number };
export type LdaProgress = { sweep: number; sweeps: number; logLikelihood?: number };

/**
 * alpha 0.1 (tomotopy's default) rather than Griffiths & Steyvers' 50/k: 50/k gives each document
 * 50 pseudo-tokens, more than a title or a news snippet has, so at small k every document would look
 * like an even mix; 0.1 keeps documents to a few topics. beta 0.01 keeps topics sparse (tomotopy's eta).
 */
export const ldaDefaults = { alpha: 0.1, beta: 0.01, iterations: 200, logEvery: 10 } as const;

type Sampler = {
  corpus: Corpus;
  params: LdaParams;
  counts: LdaCounts;
  /** Topic of every token, documents one after another. */
  z: Int32Array;
  random: Random;
  /** Scratch space for the running totals of one draw. */
  cumulative: Float64Array;
};

function resolveParams(corpus: Corpus, options: LdaOptions): LdaParams {
  const { k, seed } = options;
  const alpha = options.alpha ?? ldaDefaults.alpha;
  const beta = options.beta ?? ldaDefaults.beta;
  const iterations = options.iterations ?? ldaDefaults.iterations;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (!(alpha > 0) || !(beta > 0)) throw new RangeError("alpha and beta must be positive");
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError("iterations must be ≥ 1");
  if (!Number.isFinite(seed)) throw new RangeError("seed must be a finite number");
  const v = corpus.vocab.length;
  for (const doc of corpus.docs) {
    for (const w of doc) if (!(w >= 0 && w < v)) throw new RangeError(`token id ${w} outside vocabulary`);
  }
  return { k, alpha, beta, iterations, seed };
}

/** Every token gets a uniformly random topic. */
function initialise(corpus: Corpus, params: LdaParams): Sampler {
  const { k } = params;
  const random = createRandom(params.seed);
  const counts = emptyCounts({ k, vocabSize: corpus.vocab.length, documents: corpus.docs.length });
  const z = new Int32Array(corpus.docs.reduce((sum, doc) => sum + doc.length, 0));
  let position = 0;
  corpus.docs.forEach((doc, d) => {
    for (const w of doc) {
      const t = random.int(k);
      z[position++] = t;
      counts.nwk[w * k + t]++;
      counts.ndk[d * k + t]++;
      counts.nk[t]++;
    }
  });
  return { corpus, params, counts, z, random, cumulative: new Float64Array(k) };
}

/**
 * One pass over all tokens, each redrawn from p(z_i = t | z_−i, w) ∝ (n_wt + β) / (n_t + Vβ) · (n_dt + α)
 * (Griffiths & Steyvers 2004, eq. 5), with token i's own count removed first.
 */
function sweep(sampler: Sampler): void {
  const { corpus, counts, z, random, cumulative } = sampler;
  const { k, alpha, beta } = sampler.params;
  const { nwk, ndk, nk } = counts;
  const vBeta = corpus.vocab.length * beta;
  let position = 0;
  corpus.docs.forEach((doc, d) => {
    const dk = d * k;
    for (const w of doc) {
      const wk = w * k;
      let t = z[position];
      nwk[wk + t]--;
      ndk[dk + t]--;
      nk[t]--;
      let total = 0;
      for (let s = 0; s < k; s++) {
        total += ((nwk[wk + s] + beta) / (nk[s] + vBeta)) * (ndk[dk + s] + alpha);
        cumulative[s] = total;
      }
      t = sampleCumulative(cumulative, k, random);
      nwk[wk + t]++;
      ndk[dk + t]++;
      nk[t]++;
      z[position++] = t;
    }
  });
}

function* run(corpus: Corpus, params: LdaParams): Generator<LdaProgress, LdaModel> {
  const sampler = initialise(corpus, params);
  const { counts } = sampler;
  const total = params.iterations;
  for (let s = 1; s <= total; s++) {
    sweep(sampler);
    const report = s === 1 || s % ldaDefaults.logEvery === 0 || s === total;
    const progress: LdaProgress = { sweep: s, sweeps: total };
    yield report ? { ...progress, logLikelihood: logLikelihood(counts, params.beta) } : progress;
  }
  return new LdaModel({ params, vocab: [...corpus.vocab], counts });
}

/**
 * Trains LDA, one yield per sweep (with ln p(w | z) on sweep 1, every 10th and the last), returning
 * the model when done. Options are checked at once; sampling starts on the first `next()`.
 * The same corpus and seed give the same model; the corpus is not modified.
 * @example
 * const run = trainLda(corpus, { k: 20, seed: 1 });
 * let step = run.next();
 * while (!step.done) step = run.next(); // step.value: LdaProgress while running
 * const model = step.value; // LdaModel
 */
export function trainLda(corpus: Corpus, options: LdaOptions): Generator<LdaProgress, LdaModel> {
  const params = resolveParams(corpus, options);
  return run(corpus, params);
}
