// Topic-by-topic matrices from φ (one row per topic over the vocabulary), in tensors: cosine
// similarity (how much two topics share words) and Jensen–Shannon divergence (the distance the areas
// and the map use; lib/topics/areas.ts computes the same in plain JS). Float32 on WASM: agree with
// plain JS to about 1e-5.
import type { Tensor } from "@tensorflow/tfjs";
import { loadTensorflow } from "./backend";

/**
 * K × K cosine similarity of the topics' word distributions.
 * @example await cosineMatrix([Float64Array.of(1, 0), Float64Array.of(1, 1)]) // => [[1, 0.7071], [0.7071, 1]]
 */
export async function cosineMatrix(phis: readonly Float64Array[]): Promise<number[][]> {
  const { tf } = await loadTensorflow();
  if (phis.length === 0) return [];
  return tf.tidy(() => {
    const p = tf.tensor2d(phis.map((row) => Array.from(row)));
    const unit = p.div(p.norm("euclidean", 1, true).maximum(1e-12));
    return unit.matMul(unit, false, true).clipByValue(-1, 1).arraySync() as number[][];
  });
}

/**
 * K × K Jensen–Shannon divergence in bits (0 … 1): JS(P, Q) = ½ KL(P‖M) + ½ KL(Q‖M), M = ½ (P + Q),
 * one row of the matrix per step so memory stays K × V.
 */
export async function jensenShannonMatrix(phis: readonly Float64Array[]): Promise<number[][]> {
  const { tf } = await loadTensorflow();
  if (phis.length === 0) return [];
  const p = tf.tensor2d(phis.map((row) => Array.from(row)));
  // x·log2 x with 0·log 0 = 0.
  const xlogx = (x: Tensor) => tf.where(x.greater(0), x.mul(x.maximum(1e-30).log()).div(Math.LN2), tf.zerosLike(x));
  const entropyTerms = tf.tidy(() => xlogx(p).sum(1));
  try {
    return phis.map((_, i) =>
      tf.tidy(() => {
        const row = p.slice([i, 0], [1, -1]);
        const m = p.add(row).div(2);
        // JS = ½ Σ p log p + ½ Σ q log q − Σ m log m.
        const js = entropyTerms.add(entropyTerms.slice([i], [1])).div(2).sub(xlogx(m).sum(1));
        return Array.from(js.clipByValue(0, 1).dataSync());
      }),
    );
  } finally {
    p.dispose();
    entropyTerms.dispose();
  }
}
