// A sampling thread of the AD-LDA pool (sampler-pool.ts): on each new generation it copies the merged
// word–topic counts, sweeps its block of documents and reports done.
import { writeSync } from "node:fs";
import { workerData } from "node:worker_threads";
import { createRandom } from "./random";
import { createScratch, sweepBlock } from "./sparse-sampler";
import { Control, type WorkerData } from "./sampler-pool";

const { corpus, block, control } = workerData as WorkerData;
const random = createRandom(block.seed);
const scratch = createScratch(corpus.k, corpus.vocabSize);
const own = { ...corpus, docFrom: block.docFrom, docTo: block.docTo, nwk: block.nwk, nk: block.nk };

Atomics.add(control, Control.ready, 1);
Atomics.notify(control, Control.ready);
let seen = 0;
for (;;) {
  Atomics.wait(control, Control.generation, seen);
  seen = Atomics.load(control, Control.generation);
  if (Atomics.load(control, Control.stop) !== 0) break;
  try {
    block.nwk.set(corpus.nwk);
    block.nk.set(corpus.nk);
    sweepBlock(own, scratch, random);
  } catch (error) {
    // Written synchronously: the parent is blocked waiting and would exit before an async console line.
    writeSync(2, `Sampling thread failed: ${(error as Error)?.stack ?? error}\n`);
    Atomics.store(control, Control.failed, 1);
  }
  Atomics.add(control, Control.done, 1);
  Atomics.notify(control, Control.done);
}
