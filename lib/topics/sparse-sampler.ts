// One Gibbs sweep over a block of documents with SparseLDA's bucket decomposition (Yao, Mimno &
// McCallum 2009, "Efficient methods for topic model inference on streaming document collections",
// KDD): p(z = t) ∝ (α_t + n_dt)(n_wt + β)/(n_t + Vβ) splits into
//   s = Σ_t α_t β/(n_t + Vβ)               (smoothing, every topic; kept as a running sum)
//   r = Σ_{t: n_dt>0} n_dt β/(n_t + Vβ)    (the document's topics; kept as a running sum)
//   q = Σ_{t: n_wt>0} n_wt (α_t + n_dt)/(n_t + Vβ)   (the word's topics; most of the mass)
// so a draw costs the number of topics the word has, not k. Plain functions on typed arrays so that
// the same code runs in the calling thread and in worker threads (see sampler-pool.ts).
import type { Random } from "./random";

/** The typed arrays one sampling thread works on; `nwk`/`nk` may be a private copy (AD-LDA). */
export type SamplerBlock = {
  k: number;
  beta: number;
  vocabSize: number;
  /** Tokens of the whole corpus, one document after another. */
  words: Int32Array;
  /** Topic of each token in `words`. */
  z: Int32Array;
  /** Document d spans words[docStart[d] … docStart[d + 1]). */
  docStart: Int32Array;
  /** This block is documents docFrom … docTo − 1. */
  docFrom: number;
  docTo: number;
  ndk: Int32Array;
  nwk: Int32Array;
  nk: Int32Array;
  alpha: Float64Array;
};

/** Per-thread scratch: each word's non-zero topics as an unordered list with positions. */
export type SamplerScratch = {
  wordTopics: Int32Array;
  wordNonZero: Int32Array;
  wordSlot: Int32Array;
  docTopics: Int32Array;
  docSlot: Int32Array;
  coefficient: Float64Array;
  inverse: Float64Array;
  scores: Float64Array;
};

export function createScratch(k: number, vocabSize: number): SamplerScratch {
  return {
    wordTopics: new Int32Array(vocabSize * k),
    wordNonZero: new Int32Array(vocabSize),
    wordSlot: new Int32Array(vocabSize * k),
    docTopics: new Int32Array(k),
    docSlot: new Int32Array(k),
    coefficient: new Float64Array(k),
    inverse: new Float64Array(k),
    scores: new Float64Array(k),
  };
}

/** Rebuilds the word → non-zero topic lists from `nwk` (after a merge replaced the counts). */
function indexWordTopics(block: SamplerBlock, scratch: SamplerScratch): void {
  const { k, vocabSize, nwk } = block;
  const { wordTopics, wordNonZero, wordSlot } = scratch;
  for (let w = 0; w < vocabSize; w++) {
    const row = w * k;
    let n = 0;
    for (let t = 0; t < k; t++) {
      if (nwk[row + t] > 0) {
        wordTopics[row + n] = t;
        wordSlot[row + t] = n++;
      } else {
        wordSlot[row + t] = -1;
      }
    }
    wordNonZero[w] = n;
  }
}

/**
 * Redraws the topic of every token of the block once, in order, updating all counts in place.
 * Deterministic for a given block, counts and random sequence. `reindex: false` reuses the word
 * lists the previous sweep of this scratch left, valid only if nothing else changed `nwk` meanwhile.
 * One long function on purpose: the running sums s and r and the list lengths stay in locals
 * across the hot loop.
 */
export function sweepBlock(block: SamplerBlock, scratch: SamplerScratch, random: Random, options: { reindex?: boolean } = {}): void {
  const { k, beta, words, z, docStart, docFrom, docTo, ndk, nwk, nk, alpha } = block;
  const { wordTopics, wordNonZero, wordSlot, docTopics, docSlot, coefficient, inverse, scores } = scratch;
  const vBeta = block.vocabSize * beta;
  // The word lists stay exact through a sweep; only counts replaced from outside (a merge) need a rebuild.
  if (options.reindex ?? true) indexWordTopics(block, scratch);
  for (let t = 0; t < k; t++) inverse[t] = 1 / (nk[t] + vBeta);
  for (let d = docFrom; d < docTo; d++) {
    const dk = d * k;
    // s and r are summed afresh per document so rounding cannot drift across the sweep.
    let s = 0;
    let r = 0;
    let docNonZero = 0;
    for (let t = 0; t < k; t++) {
      const n = ndk[dk + t];
      s += alpha[t] * beta * inverse[t];
      coefficient[t] = (alpha[t] + n) * inverse[t];
      if (n > 0) {
        r += n * beta * inverse[t];
        docTopics[docNonZero] = t;
        docSlot[t] = docNonZero++;
      } else {
        docSlot[t] = -1;
      }
    }
    const end = docStart[d + 1];
    for (let i = docStart[d]; i < end; i++) {
      const w = words[i];
      const wk = w * k;
      let t = z[i];

      // Take the token out: its topic's terms leave s, r and the coefficient, then come back updated.
      let ndt = ndk[dk + t];
      s -= alpha[t] * beta * inverse[t];
      r -= ndt * beta * inverse[t];
      ndt = --ndk[dk + t];
      const nt = --nk[t];
      inverse[t] = 1 / (nt + vBeta);
      s += alpha[t] * beta * inverse[t];
      r += ndt * beta * inverse[t];
      coefficient[t] = (alpha[t] + ndt) * inverse[t];
      if (ndt === 0) {
        const slot = docSlot[t];
        const last = docTopics[--docNonZero];
        docTopics[slot] = last;
        docSlot[last] = slot;
        docSlot[t] = -1;
      }
      if (--nwk[wk + t] === 0) {
        const slot = wordSlot[wk + t];
        const last = wordTopics[wk + --wordNonZero[w]];
        wordTopics[wk + slot] = last;
        wordSlot[wk + last] = slot;
        wordSlot[wk + t] = -1;
      }

      // q: the word's topics, scores kept for the draw.
      const listed = wordNonZero[w];
      let q = 0;
      for (let j = 0; j < listed; j++) {
        const topic = wordTopics[wk + j];
        q += nwk[wk + topic] * coefficient[topic];
        scores[j] = q;
      }

      let u = random.next() * (s + r + q);
      if (u < q) {
        let j = 0;
        while (j < listed - 1 && scores[j] <= u) j++;
        t = wordTopics[wk + j];
      } else {
        u -= q;
        if (u < r) {
          let j = 0;
          t = docTopics[0];
          for (; j < docNonZero; j++) {
            t = docTopics[j];
            u -= ndk[dk + t] * beta * inverse[t];
            if (u <= 0) break;
          }
        } else {
          u -= r;
          t = k - 1;
          for (let topic = 0; topic < k; topic++) {
            u -= alpha[topic] * beta * inverse[topic];
            if (u <= 0) {
              t = topic;
              break;
            }
          }
        }
      }

      // Put the token back in topic t.
      ndt = ndk[dk + t];
      s -= alpha[t] * beta * inverse[t];
      r -= ndt * beta * inverse[t];
      ndt = ++ndk[dk + t];
      const ntNew = ++nk[t];
      inverse[t] = 1 / (ntNew + vBeta);
      s += alpha[t] * beta * inverse[t];
      r += ndt * beta * inverse[t];
      coefficient[t] = (alpha[t] + ndt) * inverse[t];
      if (ndt === 1) {
        docTopics[docNonZero] = t;
        docSlot[t] = docNonZero++;
      }
      if (++nwk[wk + t] === 1) {
        const slot = wordNonZero[w]++;
        wordTopics[wk + slot] = t;
        wordSlot[wk + t] = slot;
      }
      z[i] = t;
    }
  }
}
