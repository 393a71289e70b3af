// Choosing the number of topics K: each candidate is trained on 90 % of the documents and scored by
// NPMI coherence (how interpretable its topics are) and held-out perplexity (how well it predicts
// unseen text). Coherence alone favours few broad topics and perplexity alone keeps falling as K
// grows, so the rule below weighs one against the other.
import type { Corpus } from "@/lib/text/vocabulary";
import { npmiCoherence } from "./coherence";
import { documentCompletion } from "./perplexity";
import type { LdaModel } from "./lda-model";
import { createRandom } from "./random";

export type KCandidate = { k: number; coherence: number; perplexity: number };

/** Share of the documents held out for perplexity, and top words per topic scored for coherence. */
export const selectionDefaults = { heldOutShare: 0.1, tolerance: 0.1, topWords: 10 } as const;

/**
 * The candidate Ks from..to by step (to included when the steps land on it), at most 20 of them.
 * @example kRange({ from: 10, to: 40, step: 5 }) // => [10, 15, 20, 25, 30, 35, 40]
 * @throws RangeError on from > to, a step below 1 or more than 20 candidates
 */
export function kRange({ from, to, step }: { from: number; to: number; step: number }): number[] {
  if (!(Number.isInteger(from) && Number.isInteger(to) && Number.isInteger(step)) || from < 1 || to < from || step < 1) {
    throw new RangeError(`invalid K range ${from}–${to} step ${step}`);
  }
  const ks: number[] = [];
  for (let k = from; k <= to; k += step) ks.push(k);
  if (ks.length > 20) throw new RangeError(`K range ${from}–${to} step ${step} has ${ks.length} candidates; at most 20`);
  return ks;
}

/**
 * A seeded split of document indices: every document lands in `heldOut` with probability `share`
 * (at least one document each side when there are two or more). The same n, share and seed give the same split.
 * @example splitHeldOut(10, { share: 0.1, seed: 1 }) // => { train: [0, 1, …], heldOut: [7] }
 */
export function splitHeldOut(n: number, options: { share: number; seed: number }): { train: number[]; heldOut: number[] } {
  const random = createRandom(options.seed);
  const train: number[] = [];
  const heldOut: number[] = [];
  for (let d = 0; d < n; d++) (random.next() < options.share ? heldOut : train).push(d);
  if (n >= 2 && heldOut.length === 0) heldOut.push(train.pop()!);
  if (n >= 2 && train.length === 0) train.push(heldOut.shift()!);
  return { train, heldOut };
}

/** φ word-major (`phi[w * k + t]`), the layout perplexity and fold-in take. */
export function phiMatrix(model: LdaModel): Float64Array {
  const { k } = model;
  const phi = new Float64Array(model.vocab.length * k);
  for (let t = 0; t < k; t++) model.phi(t).forEach((p, w) => (phi[w * k + t] = p));
  return phi;
}

/**
 * A trained candidate's two figures: mean NPMI of each topic's top 10 words over the training
 * documents (sliding windows of 10 tokens), and document-completion perplexity on the held-out ones.
 */
export function scoreCandidate(model: LdaModel, options: { training: Corpus; heldOut: readonly Int32Array[]; seed: number }): KCandidate {
  const { vocab } = options.training;
  const topics = Array.from({ length: model.k }, (_, t) => model.topicWords(t, selectionDefaults.topWords).map((w) => w.term));
  const documents = options.training.docs.map((doc) => Array.from(doc, (w) => vocab[w]));
  const coherence = npmiCoherence({ topics, documents }).mean;
  const { perplexity } = documentCompletion({ phi: phiMatrix(model), k: model.k, documents: options.heldOut, alpha: model.alpha, iterations: 50, seed: options.seed });
  return { k: model.k, coherence, perplexity };
}

/**
 * The chosen K: among the candidates whose held-out perplexity is within `tolerance` (default 10 %)
 * of the best, the one with the highest coherence; ties go to the smaller K (fewer themes are easier
 * to read). Candidates with a non-finite figure are never chosen.
 * @example chooseK([{ k: 10, coherence: 0.08, perplexity: 900 }, { k: 20, coherence: 0.05, perplexity: 850 }]) // => 10
 * @throws RangeError when no candidate has finite figures
 */
export function chooseK(candidates: readonly KCandidate[], options: { tolerance?: number } = {}): number {
  const tolerance = options.tolerance ?? selectionDefaults.tolerance;
  const valid = candidates.filter((c) => Number.isFinite(c.coherence) && Number.isFinite(c.perplexity));
  if (valid.length === 0) throw new RangeError("no candidate K has finite coherence and perplexity");
  const best = Math.min(...valid.map((c) => c.perplexity));
  const near = valid.filter((c) => c.perplexity <= best * (1 + tolerance));
  near.sort((a, b) => b.coherence - a.coherence || a.k - b.k);
  return near[0].k;
}

/** The corpus restricted to the given document indices (same vocabulary). */
export function subCorpus(corpus: Corpus, indices: readonly number[]): Corpus {
  return { vocab: corpus.vocab, docs: indices.map((d) => corpus.docs[d]) };
}
