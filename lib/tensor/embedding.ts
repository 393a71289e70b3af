// Topic embeddings for the map: classical (Torgerson) multidimensional scaling of a distance matrix,
// B = −½ J D² J with J = I − 11ᵀ/n, its top eigenvectors found by power iteration with deflation in
// tensors. Points placed so their Euclidean distances best match D.
import { loadTensorflow } from "./backend";

export type MdsOptions = { dimensions?: number; iterations?: number };

/**
 * n × dimensions coordinates (default 2) from an n × n symmetric distance matrix. Each axis is
 * scaled by √λ and signed so its largest-magnitude coordinate is positive (deterministic). Axes
 * with a non-positive eigenvalue are 0.
 * @example await classicalMds([[0, 3, 4], [3, 0, 5], [4, 5, 0]]) // => a right triangle with sides 3, 4, 5
 */
export async function classicalMds(distances: readonly (readonly number[])[], options: MdsOptions = {}): Promise<number[][]> {
  const { tf } = await loadTensorflow();
  const n = distances.length;
  const dimensions = options.dimensions ?? 2;
  const iterations = options.iterations ?? 300;
  if (n === 0) return [];
  const axes: { vector: number[]; value: number }[] = [];
  let b = tf.tidy(() => {
    const d2 = tf.tensor2d(distances.map((row) => [...row])).square();
    const j = tf.eye(n).sub(tf.fill([n, n], 1 / n));
    return j.matMul(d2).matMul(j).mul(-0.5);
  });
  try {
    for (let axis = 0; axis < Math.min(dimensions, n); axis++) {
      const current = b;
      const { vector, value } = tf.tidy(() => {
        // A fixed, non-symmetric start so the iteration is deterministic and not orthogonal to the answer.
        let v = tf.tensor2d(Array.from({ length: n }, (_, i) => [1 + i / n]));
        v = v.div(v.norm());
        for (let i = 0; i < iterations; i++) {
          const next = current.matMul(v);
          v = next.div(next.norm().maximum(1e-30));
        }
        const lambda = v.transpose().matMul(current).matMul(v).dataSync()[0];
        return { vector: Array.from(v.dataSync()), value: lambda };
      });
      axes.push({ vector, value });
      b = tf.tidy(() => current.sub(tf.tensor2d(vector, [n, 1]).matMul(tf.tensor2d(vector, [1, n])).mul(value)));
      current.dispose();
    }
  } finally {
    b.dispose();
  }
  const columns = axes.map(({ vector, value }) => {
    const scale = value > 1e-9 ? Math.sqrt(value) : 0;
    const largest = vector.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
    const sign = largest < 0 ? -1 : 1;
    return vector.map((x) => x * scale * sign);
  });
  return Array.from({ length: n }, (_, i) => Array.from({ length: dimensions }, (_, d) => columns[d]?.[i] ?? 0));
}
