// Held-out perplexity by document completion (Wallach, Murray, Salakhutdinov & Mimno 2009, "Evaluation
// methods for topic models", ICML §4): θ is estimated from the first half of each held-out document
// with the topics fixed, and the second half is scored. Needs only φ, so models from any engine compare.
import { foldIn } from "./fold-in";

export type CompletionOptions = {
  /** φ word-major: `phi[w * k + t]` = p(w | t). */
  phi: Float64Array;
  k: number;
  /** Held-out documents as token ids into φ's vocabulary. */
  documents: readonly Int32Array[];
  alpha: Float64Array;
  /** Fold-in sweeps per document (the second half averaged). */
  iterations?: number;
  seed?: number;
};

export type Completion = { perplexity: number; logLikelihood: number; tokens: number; documents: number };

/**
 * exp(−Σ ln p(w | θ̂_d, φ) / N) over the second halves (tokens ⌊n/2⌋ … n − 1) of documents with at least
 * two tokens, p(w | θ, φ) = Σ_t θ_t φ_wt. Deterministic per seed (document d folds in with seed + d).
 * @example documentCompletion({ phi, k: 50, documents: heldOut, alpha }) // => { perplexity: 1843.2, … }
 */
export function documentCompletion(options: CompletionOptions): Completion {
  const { phi, k, alpha } = options;
  const iterations = options.iterations ?? 100;
  const seed = options.seed ?? 0;
  let logLikelihood = 0;
  let tokens = 0;
  let documents = 0;
  options.documents.forEach((doc, d) => {
    if (doc.length < 2) return;
    const half = Math.floor(doc.length / 2);
    const theta = foldIn({ phi, k, tokens: doc.subarray(0, half), alpha, iterations, seed: seed + d });
    for (let i = half; i < doc.length; i++) {
      const wk = doc[i] * k;
      let p = 0;
      for (let t = 0; t < k; t++) p += theta[t] * phi[wk + t];
      logLikelihood += Math.log(p);
    }
    tokens += doc.length - half;
    documents++;
  });
  return { perplexity: Math.exp(-logLikelihood / Math.max(1, tokens)), logLikelihood, tokens, documents };
}
