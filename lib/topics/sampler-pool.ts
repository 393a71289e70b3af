// Parallel sweeps by approximate distributed LDA (AD-LDA; Newman, Asuncion, Smyth & Welling 2009,
// "Distributed algorithms for topic models", JMLR 10): the documents are split into one block per
// thread; each thread samples its block against a private copy of the word–topic counts taken at the
// start of the sweep, and the copies' changes are added up afterwards. Everything lives in
// SharedArrayBuffers; the calling thread samples the first block itself and waits for the others with
// Atomics, so a sweep is a plain blocking call and `trainLda` stays a synchronous generator.
// Integer sums do not depend on which thread finishes first: a seed and a thread count give one result.
import { Worker } from "node:worker_threads";
import { createRandom } from "./random";
import { createScratch, sweepBlock, type SamplerBlock, type SamplerScratch } from "./sparse-sampler";

/** Control words shared with the workers. */
export const Control = { generation: 0, done: 1, failed: 2, stop: 3, ready: 4 } as const;

/** The arrays every thread sees: SharedArrayBuffers when more than one thread samples. */
export type SharedCorpus = Omit<SamplerBlock, "docFrom" | "docTo">;

export type WorkerBlock = { docFrom: number; docTo: number; nwk: Int32Array; nk: Int32Array; seed: number };
export type WorkerData = { corpus: SharedCorpus; block: WorkerBlock; control: Int32Array };

const STARTUP_TIMEOUT_MS = 60_000;

/**
 * The worker entry beside this module, as a URL computed at run time: the web build reaches this
 * module (curation re-fits topics on one thread) and its bundler would otherwise follow a literal
 * `new URL("./sampler-worker.mjs", import.meta.url)` into the worker and tsx. Only worker processes
 * and the command line run more than one thread.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return new URL(`${here.slice(0, here.lastIndexOf("/") + 1)}sampler-worker.mjs`);
}

/** An Int32Array over fresh shared memory, optionally filled from `source`. */
export function sharedInt32(length: number, source?: ArrayLike<number>): Int32Array {
  const array = new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
  if (source) array.set(source);
  return array;
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8), 0, length);
}

/**
 * Splits documents 0 … D − 1 into `threads` contiguous blocks of about equal token counts.
 * @example blockBounds(Int32Array.of(0, 5, 10, 15, 20), 2) // => [0, 2, 4]
 */
export function blockBounds(docStart: Int32Array, threads: number): number[] {
  const documents = docStart.length - 1;
  const tokens = docStart[documents];
  const bounds = [0];
  let d = 0;
  for (let p = 1; p < threads; p++) {
    const target = (tokens * p) / threads;
    while (d < documents && docStart[d] < target) d++;
    const nearer = d > 0 && target - docStart[d - 1] < docStart[d] - target ? d - 1 : d;
    bounds.push(Math.max(nearer, bounds[p - 1]));
  }
  bounds.push(documents);
  return bounds;
}

/** The sampling seed of block p: a different stream per block, fixed by the training seed. */
export function blockSeed(seed: number, p: number): number {
  return (Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(p + 1, 0x165667b1)) >>> 0;
}

export type SamplerPool = {
  /** One sweep over every block, then the blocks' counts merged into `corpus.nwk` / `corpus.nk`. */
  sweep(): void;
  /** Stops the workers; the pool cannot sweep afterwards. */
  close(): void;
};

function waitFor(control: Int32Array, index: number, count: number, timeoutMs: number): void {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (Atomics.load(control, Control.failed) !== 0) throw new Error("A sampling thread failed (see its error above)");
    const value = Atomics.load(control, index);
    if (value >= count) return;
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`Sampling threads did not answer within ${Math.round(timeoutMs / 1000)} s`);
    Atomics.wait(control, index, value, Math.min(left, 1000));
  }
}

/** Starts threads − 1 workers; the calling thread samples block 0. */
export function createSamplerPool(corpus: SharedCorpus, options: { threads: number; seed: number }): SamplerPool {
  const { threads, seed } = options;
  const { k, vocabSize } = corpus;
  const bounds = blockBounds(corpus.docStart, threads);
  const control = sharedInt32(8);
  const blocks: WorkerBlock[] = bounds.slice(0, -1).map((docFrom, p) => ({
    docFrom,
    docTo: bounds[p + 1],
    nwk: sharedInt32(vocabSize * k),
    nk: sharedInt32(k),
    seed: blockSeed(seed, p),
  }));
  const workers = blocks.slice(1).map((block) => {
    const worker = new Worker(workerUrl(), { workerData: { corpus, block, control } satisfies WorkerData });
    worker.unref();
    return worker;
  });
  const own = blocks[0];
  const ownBlock: SamplerBlock = { ...corpus, docFrom: own.docFrom, docTo: own.docTo, nwk: own.nwk, nk: own.nk };
  const scratch: SamplerScratch = createScratch(k, vocabSize);
  const random = createRandom(own.seed);
  let closed = false;
  let started = false;

  const close = () => {
    if (closed) return;
    closed = true;
    Atomics.store(control, Control.stop, 1);
    Atomics.add(control, Control.generation, 1);
    Atomics.notify(control, Control.generation);
    for (const worker of workers) void worker.terminate();
  };

  const sweep = () => {
    if (closed) throw new Error("The sampler pool is closed");
    if (!started) {
      waitFor(control, Control.ready, workers.length, STARTUP_TIMEOUT_MS);
      started = true;
    }
    Atomics.store(control, Control.done, 0);
    Atomics.add(control, Control.generation, 1);
    Atomics.notify(control, Control.generation);
    own.nwk.set(corpus.nwk);
    own.nk.set(corpus.nk);
    sweepBlock(ownBlock, scratch, random);
    waitFor(control, Control.done, workers.length, Number.POSITIVE_INFINITY);
    mergeCounts(corpus.nwk, blocks.map((b) => b.nwk));
    mergeCounts(corpus.nk, blocks.map((b) => b.nk));
  };

  return { sweep, close };
}

/** global ← global + Σ_p (copy_p − global): every block's changes, in any order, exactly. */
export function mergeCounts(global: Int32Array, copies: Int32Array[]): void {
  const n = global.length;
  const [first, ...rest] = copies;
  // One pass per copy over flat arrays: a tight loop per pair is several times faster than an inner
  // loop over the copies, and the merge runs on the calling thread while the others wait.
  for (const copy of rest) for (let i = 0; i < n; i++) first[i] += copy[i] - global[i];
  global.set(first);
}
