// Latent Dirichlet allocation by collapsed Gibbs sampling (Griffiths & Steyvers 2004, "Finding
// scientific topics", PNAS 101: 5228–5235), made fast by SparseLDA's bucket sampler
// (sparse-sampler.ts) and AD-LDA over worker threads (sampler-pool.ts), with an asymmetric α learned
// from the counts (hyperparameters.ts) and a symmetric β.
import type { Corpus } from "@/lib/text/vocabulary";
import { documentLogLikelihood, logLikelihood, type LdaCounts } from "./lda-counts";
import { LdaModel, type LdaParams } from "./lda-model";
import { optimiseAlpha } from "./hyperparameters";
import { createRandom } from "./random";
import { createSamplerPool, sharedFloat64, sharedInt32, type SharedCorpus } from "./sampler-pool";
import { createScratch, sweepBlock } from "./sparse-sampler";

export { LdaModel, loadLda, LDA_VERSION, type LdaJson, type LdaParams } from "./lda-model";

export type LdaOptions = {
  k: number;
  seed: number;
  /** Starting α per topic (symmetric); learned from sweep `burnIn` on unless `optimiseEvery` is 0. */
  alpha?: number;
  beta?: number;
  iterations?: number;
  /** Sampling threads; results are reproducible for a given seed and thread count. */
  threads?: number;
  optimiseEvery?: number;
  /** Sweeps before α is first re-estimated; default a quarter of the iterations. */
  burnIn?: number;
};
export type LdaProgress = {
  sweep: number;
  sweeps: number;
  /** Joint ln p(w, z | α, β), on the sweeps it is computed. */
  logLikelihood?: number;
  /** Σα after the sweep. */
  alphaSum: number;
};

/**
 * alpha 0.1 per topic to start (tomotopy's default; MALLET starts at Σα = 5, the same for k = 50):
 * small, so documents begin as mixtures of a few topics, and then learned. beta 0.01 keeps topics
 * sparse (tomotopy's eta). α is re-estimated every 10 sweeps after burn-in, as MALLET's
 * `--optimize-interval 10`. ln p(w, z) every 10 sweeps costs about a sweep's time each time.
 */
export const ldaDefaults = { alpha: 0.1, beta: 0.01, iterations: 200, threads: 1, optimiseEvery: 10, logEvery: 10 } as const;

const MAX_THREADS = 64;

function resolveParams(corpus: Corpus, options: LdaOptions): LdaParams {
  const { k, seed } = options;
  const alpha = options.alpha ?? ldaDefaults.alpha;
  const beta = options.beta ?? ldaDefaults.beta;
  const iterations = options.iterations ?? ldaDefaults.iterations;
  const threads = options.threads ?? ldaDefaults.threads;
  const optimiseEvery = options.optimiseEvery ?? ldaDefaults.optimiseEvery;
  const burnIn = options.burnIn ?? Math.floor(iterations / 4);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (!(alpha > 0) || !(beta > 0)) throw new RangeError("alpha and beta must be positive");
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError("iterations must be ≥ 1");
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) throw new RangeError(`threads must be 1 … ${MAX_THREADS}`);
  if (!Number.isInteger(optimiseEvery) || optimiseEvery < 0) throw new RangeError("optimiseEvery must be ≥ 0");
  if (!Number.isInteger(burnIn) || burnIn < 0) throw new RangeError("burnIn must be ≥ 0");
  if (!Number.isFinite(seed)) throw new RangeError("seed must be a finite number");
  const v = corpus.vocab.length;
  for (const doc of corpus.docs) {
    for (const w of doc) if (!(w >= 0 && w < v)) throw new RangeError(`token id ${w} outside vocabulary`);
  }
  return { k, alpha, beta, seed, iterations, threads, optimiseEvery, burnIn };
}

/** The corpus as flat arrays (shared memory when threads sample it) with every token in a random topic. */
function initialise(corpus: Corpus, params: LdaParams): SharedCorpus {
  const { k, beta, threads } = params;
  const int32 = (length: number) => (threads > 1 ? sharedInt32(length) : new Int32Array(length));
  const documents = corpus.docs.length;
  const vocabSize = corpus.vocab.length;
  const docStart = int32(documents + 1);
  corpus.docs.forEach((doc, d) => (docStart[d + 1] = docStart[d] + doc.length));
  const words = int32(docStart[documents]);
  corpus.docs.forEach((doc, d) => words.set(doc, docStart[d]));
  const state: SharedCorpus = {
    k,
    beta,
    vocabSize,
    words,
    z: int32(words.length),
    docStart,
    ndk: int32(documents * k),
    nwk: int32(vocabSize * k),
    nk: int32(k),
    alpha: threads > 1 ? sharedFloat64(k) : new Float64Array(k),
  };
  state.alpha.fill(params.alpha);
  const random = createRandom(params.seed);
  for (let d = 0; d < documents; d++) {
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      const t = random.int(k);
      state.z[i] = t;
      state.ndk[d * k + t]++;
      state.nwk[words[i] * k + t]++;
      state.nk[t]++;
    }
  }
  return state;
}

/** One sweep function for the chosen thread count; `close` releases the threads. */
function sampler(state: SharedCorpus, params: LdaParams): { sweep: () => void; close: () => void } {
  if (params.threads > 1) return createSamplerPool(state, { threads: params.threads, seed: params.seed });
  const block = { ...state, docFrom: 0, docTo: state.docStart.length - 1 };
  const scratch = createScratch(params.k, state.vocabSize);
  const random = createRandom(params.seed);
  let swept = false;
  const sweep = () => {
    sweepBlock(block, scratch, random, { reindex: !swept });
    swept = true;
  };
  return { sweep, close: () => {} };
}

function countsOf(state: SharedCorpus): LdaCounts {
  return { k: state.k, vocabSize: state.vocabSize, nwk: state.nwk, ndk: state.ndk, nk: state.nk };
}

function* run(corpus: Corpus, params: LdaParams): Generator<LdaProgress, LdaModel> {
  const state = initialise(corpus, params);
  const { sweep, close } = sampler(state, params);
  const total = params.iterations;
  let alphaSum = params.alpha * params.k;
  try {
    for (let s = 1; s <= total; s++) {
      sweep();
      if (params.optimiseEvery > 0 && s > params.burnIn && s % params.optimiseEvery === 0) {
        alphaSum = optimiseAlpha(state.ndk, params.k, state.alpha);
      }
      const progress: LdaProgress = { sweep: s, sweeps: total, alphaSum };
      const report = s === 1 || s % ldaDefaults.logEvery === 0 || s === total;
      if (!report) yield progress;
      else yield { ...progress, logLikelihood: logLikelihood(countsOf(state), params.beta) + documentLogLikelihood(state.ndk, params.k, state.alpha) };
    }
  } finally {
    close();
  }
  return new LdaModel({ params, alpha: state.alpha, vocab: [...corpus.vocab], counts: countsOf(state) });
}

/**
 * Trains LDA, one yield per sweep (with ln p(w, z) on sweep 1, every 10th and the last), returning
 * the model when done. Options are checked at once; sampling (and any threads) start on the first
 * `next()` and threads stop when the run ends or is abandoned with `return()`.
 * The same corpus, seed and thread count give the same model; the corpus is not modified.
 * @example
 * const run = trainLda(corpus, { k: 20, seed: 1, threads: 2 });
 * let step = run.next();
 * while (!step.done) step = run.next(); // step.value: LdaProgress while running
 * const model = step.value; // LdaModel
 */
export function trainLda(corpus: Corpus, options: LdaOptions): Generator<LdaProgress, LdaModel> {
  const params = resolveParams(corpus, options);
  return run(corpus, params);
}
