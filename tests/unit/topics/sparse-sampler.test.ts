import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/topics/random";
import { createScratch, sweepBlock, type SamplerBlock } from "@/lib/topics/sparse-sampler";

/**
 * Three topics, four words. Document 0 is one token (word 0) being resampled; documents 1 and 2 are
 * fixed context. Word 0 has no other token in topic 2, and document 0 has no other token at all, so
 * all three buckets (word, document, smoothing) carry mass.
 */
function fixture(): SamplerBlock {
  const k = 3;
  // Document 0: [w0]; document 1: [w0, w1, w1, w2]; document 2: [w3, w3, w0].
  const words = Int32Array.of(0, 0, 1, 1, 2, 3, 3, 0);
  const z = Int32Array.of(2, 0, 0, 1, 1, 2, 2, 1);
  const docStart = Int32Array.of(0, 1, 5, 8);
  const ndk = new Int32Array(3 * k);
  const nwk = new Int32Array(4 * k);
  const nk = new Int32Array(k);
  for (let d = 0; d < 3; d++) {
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      ndk[d * k + z[i]]++;
      nwk[words[i] * k + z[i]]++;
      nk[z[i]]++;
    }
  }
  return { k, beta: 0.5, vocabSize: 4, words, z, docStart, docFrom: 0, docTo: 1, ndk, nwk, nk, alpha: Float64Array.of(0.3, 1, 2) };
}

/** p(z_0 = t | rest) ∝ (α_t + n_0t)(n_w0,t + β)/(n_t + Vβ) with token 0 removed (Griffiths & Steyvers eq. 5). */
function exactConditional(block: SamplerBlock): number[] {
  const { k, beta, vocabSize, nwk, nk, ndk, alpha, z } = block;
  const t0 = z[0];
  const weights = Array.from({ length: k }, (_, t) => {
    const own = t === t0 ? 1 : 0;
    return (alpha[t] + ndk[t] - own) * ((nwk[t] - own + beta) / (nk[t] - own + vocabSize * beta));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

describe("sweepBlock", () => {
  it("draws a token's topic from the exact collapsed Gibbs conditional", () => {
    const block = fixture();
    const expected = exactConditional(block);
    const scratch = createScratch(block.k, block.vocabSize);
    const random = createRandom(17);
    const draws = 60_000;
    const counts = [0, 0, 0];
    for (let i = 0; i < draws; i++) {
      sweepBlock(block, scratch, random);
      counts[block.z[0]]++;
    }
    // Binomial standard error ≤ 0.002 per topic; 0.01 is five of them.
    counts.forEach((c, t) => expect(Math.abs(c / draws - expected[t])).toBeLessThan(0.01));
    expect(Math.min(...expected)).toBeGreaterThan(0.05);
  });

  it("keeps every count equal to a recount from the assignments", () => {
    const block = fixture();
    block.docTo = 3;
    const scratch = createScratch(block.k, block.vocabSize);
    const random = createRandom(2);
    for (let sweep = 0; sweep < 200; sweep++) sweepBlock(block, scratch, random);
    const recount = fixture();
    recount.z.set(block.z);
    recount.ndk.fill(0);
    recount.nwk.fill(0);
    recount.nk.fill(0);
    for (let d = 0; d < 3; d++) {
      for (let i = recount.docStart[d]; i < recount.docStart[d + 1]; i++) {
        recount.ndk[d * 3 + block.z[i]]++;
        recount.nwk[recount.words[i] * 3 + block.z[i]]++;
        recount.nk[block.z[i]]++;
      }
    }
    expect(block.ndk).toEqual(recount.ndk);
    expect(block.nwk).toEqual(recount.nwk);
    expect(block.nk).toEqual(recount.nk);
  });
});
