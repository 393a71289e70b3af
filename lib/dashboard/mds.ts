// Classical (Torgerson) multidimensional scaling: coordinates whose Euclidean distances reproduce a
// distance matrix as well as any projection to `dims` dimensions can (Torgerson 1952, Psychometrika
// 17: 401–419; Borg & Groenen, "Modern Multidimensional Scaling", ch. 12). Deterministic: eigenvectors
// by power iteration from a fixed start, signs fixed so the largest component is positive.

/**
 * The leading eigenpairs of a symmetric matrix by power iteration with deflation.
 * @example topEigen([[2, 0], [0, 1]], 1) // => [{ value: 2, vector: [1, 0] }]
 */
export function topEigen(matrix: readonly (readonly number[])[], count: number, options: { iterations?: number; tolerance?: number } = {}) {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const iterations = options.iterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-12;
  const pairs: { value: number; vector: number[] }[] = [];
  for (let k = 0; k < Math.min(count, n); k++) {
    // A fixed start that is not orthogonal to any eigenvector of a generic matrix.
    let v = Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 101) / 101);
    v = normalise(v);
    let value = 0;
    for (let it = 0; it < iterations; it++) {
      const w = multiply(a, v);
      const norm = Math.hypot(...w);
      if (!(norm > 0)) {
        value = 0;
        break;
      }
      const next = w.map((x) => x / norm);
      // Rayleigh quotient: the eigenvalue with its sign (power iteration finds the largest |λ|).
      value = dot(next, multiply(a, next));
      const delta = Math.max(...next.map((x, i) => Math.abs(x - v[i])));
      v = next;
      if (delta < tolerance) break;
    }
    const vector = fixSign(v);
    pairs.push({ value, vector });
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i][j] -= value * vector[i] * vector[j];
  }
  return pairs;
}

/**
 * Coordinates in `dims` dimensions from a symmetric distance matrix: B = −½ J D⁽²⁾ J, X = V Λ^½ over
 * B's largest positive eigenvalues (a dimension with a non-positive eigenvalue is all zeros).
 * @example classicalMds([[0, 3, 4], [3, 0, 5], [4, 5, 0]]) // three points whose distances are 3, 4 and 5
 */
export function classicalMds(distances: readonly (readonly number[])[], dims = 2): number[][] {
  const n = distances.length;
  if (n === 0) return [];
  const sq = distances.map((row) => row.map((d) => d * d));
  const rowMean = sq.map((row) => row.reduce((a, b) => a + b, 0) / n);
  const grand = rowMean.reduce((a, b) => a + b, 0) / n;
  const b = sq.map((row, i) => row.map((d2, j) => -0.5 * (d2 - rowMean[i] - rowMean[j] + grand)));
  const pairs = topEigen(b, dims);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: dims }, (_, k) => {
      const pair = pairs[k];
      return pair && pair.value > 1e-12 ? pair.vector[i] * Math.sqrt(pair.value) : 0;
    }),
  );
}

function multiply(a: readonly (readonly number[])[], v: readonly number[]): number[] {
  return a.map((row) => row.reduce((sum, x, j) => sum + x * v[j], 0));
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, x, i) => sum + x * b[i], 0);
}

function normalise(v: number[]): number[] {
  const norm = Math.hypot(...v);
  return norm > 0 ? v.map((x) => x / norm) : v;
}

/** An eigenvector's sign is arbitrary; make its largest-magnitude component positive (first on ties). */
function fixSign(v: number[]): number[] {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[best]) + 1e-12) best = i;
  return v[best] < 0 ? v.map((x) => -x) : v;
}

/**
 * Raw stress Σ_{i<j} (d_ij − ‖x_i − x_j‖)²: how far a layout is from the distances it draws.
 * @example stress([[0, 1], [1, 0]], [[0, 0], [1, 0]]) // => 0
 */
export function stress(distances: readonly (readonly number[])[], x: readonly (readonly number[])[]): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) for (let j = i + 1; j < x.length; j++) total += (distances[i][j] - Math.hypot(...x[i].map((v, k) => v - x[j][k]))) ** 2;
  return total;
}

/**
 * Metric MDS by SMACOF (de Leeuw 1977; Borg & Groenen ch. 8): Guttman transforms from a starting
 * layout, each lowering the raw stress, until it changes by less than `tolerance` (relative).
 * Classical MDS keeps the directions of largest variance, so when most distances are alike (themes
 * that share few documents) one strong pair fills an axis and the rest collapse; minimising stress
 * spreads them as evenly as the distances allow. Deterministic for a given start.
 * @example smacof(d, classicalMds(d)) // the classical layout, improved
 */
export function smacof(distances: readonly (readonly number[])[], start: readonly (readonly number[])[], options: { iterations?: number; tolerance?: number } = {}): number[][] {
  const n = start.length;
  if (n < 3) return start.map((row) => [...row]);
  const dims = start[0].length;
  // Points that start on the same spot would move together for ever (a Guttman transform cannot
  // separate them), so each is nudged by a thousandth of the layout's size in its own direction.
  const scale = Math.max(1e-9, ...start.flatMap((row) => row.map(Math.abs)));
  let x = start.map((row, i) => row.map((v, k) => v + 1e-3 * scale * (k === 0 ? Math.cos(2.399963 * i) : Math.sin(2.399963 * i))));
  let previous = stress(distances, x);
  for (let it = 0; it < (options.iterations ?? 300); it++) {
    const next = Array.from({ length: n }, () => new Array<number>(dims).fill(0));
    for (let i = 0; i < n; i++) {
      let bii = 0;
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const dist = Math.hypot(...x[i].map((v, k) => v - x[j][k]));
        const bij = dist > 1e-12 ? -distances[i][j] / dist : 0;
        bii -= bij;
        for (let k = 0; k < dims; k++) next[i][k] += bij * x[j][k];
      }
      for (let k = 0; k < dims; k++) next[i][k] = (next[i][k] + bii * x[i][k]) / n;
    }
    x = next;
    const current = stress(distances, x);
    if (previous - current <= (options.tolerance ?? 1e-9) * Math.max(previous, 1e-12)) break;
    previous = current;
  }
  return x;
}
