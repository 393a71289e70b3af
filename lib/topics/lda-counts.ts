// The state of a collapsed Gibbs LDA: topic counts per word and per document.
import { logGamma } from "./gamma";

/**
 * Row-major counts: `nwk[w * k + t]` tokens of word w in topic t, `ndk[d * k + t]` tokens of
 * document d in topic t, `nk[t]` tokens in topic t.
 */
export type LdaCounts = {
  k: number;
  vocabSize: number;
  nwk: Int32Array;
  ndk: Int32Array;
  nk: Int32Array;
};

/** Counts of zero for k topics, a vocabulary and a number of documents. */
export function emptyCounts(options: { k: number; vocabSize: number; documents: number }): LdaCounts {
  const { k, vocabSize, documents } = options;
  return {
    k,
    vocabSize,
    nwk: new Int32Array(vocabSize * k),
    ndk: new Int32Array(documents * k),
    nk: new Int32Array(k),
  };
}

/**
 * ln p(w | z) of the collapsed model with a symmetric Dirichlet(β) over words (Griffiths & Steyvers
 * 2004, eq. 2): Σ_t [ln Γ(Vβ) − V ln Γ(β) + Σ_w ln Γ(n_wt + β) − ln Γ(n_t + Vβ)].
 * @example // one topic, two word types, the first seen twice, β = 1: p = 1/2 · 2/3
 * logLikelihood({ k: 1, vocabSize: 2, nwk: Int32Array.of(2, 0), ndk: Int32Array.of(2), nk: Int32Array.of(2) }, 1)
 * // => -1.0986122886681098 (ln 1/3)
 */
export function logLikelihood(counts: LdaCounts, beta: number): number {
  const { k, vocabSize: v, nwk, nk } = counts;
  const vBeta = v * beta;
  const logGammaBeta = logGamma(beta);
  let total = k * logGamma(vBeta);
  for (let t = 0; t < k; t++) total -= logGamma(nk[t] + vBeta);
  for (let i = 0; i < nwk.length; i++) {
    // −V ln Γ(β) is spread over the words: zero counts then cancel, so sparse topics stay cheap.
    if (nwk[i] > 0) total += logGamma(nwk[i] + beta) - logGammaBeta;
  }
  return total;
}

/**
 * ln p(z | α) of the collapsed model with an asymmetric Dirichlet(α) over each document's topics
 * (Wallach, Mimno & McCallum 2009, "Rethinking LDA: why priors matter"):
 * Σ_d [ln Γ(Σα) − ln Γ(n_d + Σα) + Σ_t (ln Γ(n_dt + α_t) − ln Γ(α_t))].
 * Added to `logLikelihood` it gives the joint ln p(w, z), which Gibbs sampling should raise.
 * @example // one document with two tokens in topic 0 of two, α = (1, 1): p = 1/2 · 2/3
 * documentLogLikelihood(Int32Array.of(2, 0), 2, Float64Array.of(1, 1)) // => -1.0986122886681098
 */
export function documentLogLikelihood(ndk: Int32Array, k: number, alpha: Float64Array): number {
  let alphaSum = 0;
  const logGammaAlpha = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    alphaSum += alpha[t];
    logGammaAlpha[t] = logGamma(alpha[t]);
  }
  const logGammaAlphaSum = logGamma(alphaSum);
  let total = 0;
  for (let row = 0; row < ndk.length; row += k) {
    let length = 0;
    for (let t = 0; t < k; t++) {
      const n = ndk[row + t];
      length += n;
      if (n > 0) total += logGamma(n + alpha[t]) - logGammaAlpha[t];
    }
    total += logGammaAlphaSum - logGamma(length + alphaSum);
  }
  return total;
}
