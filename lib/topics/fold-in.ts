// θ of a document the model has not seen, with the topics (φ) held fixed.
import { createRandom, sampleCumulative } from "./random";

export type FoldInOptions = {
  /** φ word-major: `phi[w * k + t]` = p(w | t). */
  phi: Float64Array;
  k: number;
  /** Token ids, all inside the vocabulary of `phi`. */
  tokens: Int32Array;
  alpha: Float64Array;
  iterations: number;
  seed: number;
};

/**
 * Gibbs sampling of the document's topic assignments with φ fixed, p(z_i = t) ∝ φ_wt (n_dt + α_t)
 * ("fold-in", Griffiths & Steyvers 2004; Wallach et al. 2009, "Evaluation methods for topic models"),
 * averaging the counts over the second half of the iterations: θ_t = (n̄_t + α_t) / (n + Σα).
 * Deterministic per seed; an empty document gets α normalised.
 * @example foldIn({ phi, k: 2, tokens: Int32Array.of(0, 0), alpha: Float64Array.of(0.1, 0.1), iterations: 50, seed: 1 })
 * // => Float64Array [0.95, 0.05] when word 0 belongs to topic 0
 */
export function foldIn(options: FoldInOptions): Float64Array {
  const { phi, k, tokens, alpha, iterations, seed } = options;
  const random = createRandom(seed);
  const z = new Int32Array(tokens.length);
  const counts = new Float64Array(k);
  for (let i = 0; i < tokens.length; i++) {
    z[i] = random.int(k);
    counts[z[i]]++;
  }
  const cumulative = new Float64Array(k);
  const sum = new Float64Array(k);
  const burnIn = Math.floor(iterations / 2);
  for (let iteration = 0; iteration < iterations; iteration++) {
    for (let i = 0; i < tokens.length; i++) {
      const wk = tokens[i] * k;
      counts[z[i]]--;
      let total = 0;
      for (let t = 0; t < k; t++) {
        total += phi[wk + t] * (counts[t] + alpha[t]);
        cumulative[t] = total;
      }
      z[i] = sampleCumulative(cumulative, k, random);
      counts[z[i]]++;
    }
    if (iteration >= burnIn) for (let t = 0; t < k; t++) sum[t] += counts[t];
  }
  const samples = Math.max(1, iterations - burnIn);
  let alphaSum = 0;
  for (let t = 0; t < k; t++) alphaSum += alpha[t];
  const theta = new Float64Array(k);
  for (let t = 0; t < k; t++) theta[t] = (sum[t] / samples + alpha[t]) / (tokens.length + alphaSum);
  return theta;
}
