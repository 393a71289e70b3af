// Agglomerative clustering of themes with average linkage (UPGMA) on their similarity: the way NISTEP
// grouped 702 topics into clusters and areas. Deterministic: ties go to the pair of lowest indices.

/** One merge: clusters are numbered 0..n−1 for the leaves, n, n+1, … for the merges in order. */
export type Merge = { left: number; right: number; similarity: number; size: number };

/**
 * The merges, most similar first. The similarity of two clusters is the mean of the pairwise
 * similarities of their members (Lance–Williams update for average linkage).
 * @example averageLinkage([[1, 0.9, 0.1], [0.9, 1, 0.2], [0.1, 0.2, 1]])
 * // => [{ left: 0, right: 1, similarity: 0.9, size: 2 }, { left: 2, right: 3, similarity: 0.15, size: 3 }]
 */
export function averageLinkage(similarity: readonly (readonly number[])[]): Merge[] {
  const n = similarity.length;
  const s = similarity.map((row) => [...row]);
  const id = Array.from({ length: n }, (_, i) => i);
  const size = new Array<number>(n).fill(1);
  const active = new Array<boolean>(n).fill(true);
  const merges: Merge[] = [];
  for (let step = 0; step < n - 1; step++) {
    let bi = -1;
    let bj = -1;
    let best = -Infinity;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (active[j] && s[i][j] > best + 1e-15) {
          best = s[i][j];
          bi = i;
          bj = j;
        }
      }
    }
    const [left, right] = id[bi] < id[bj] ? [id[bi], id[bj]] : [id[bj], id[bi]];
    merges.push({ left, right, similarity: best, size: size[bi] + size[bj] });
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === bi || k === bj) continue;
      const merged = (size[bi] * s[bi][k] + size[bj] * s[bj][k]) / (size[bi] + size[bj]);
      s[bi][k] = merged;
      s[k][bi] = merged;
    }
    size[bi] += size[bj];
    active[bj] = false;
    id[bi] = n + step;
  }
  return merges;
}

/**
 * Leaf → cluster number (0..k−1) after undoing the last k−1 merges; clusters are numbered by their
 * lowest leaf, so the result does not depend on merge order.
 * @example cutTree(averageLinkage(m), 3, 2) // => [0, 0, 1]
 */
export function cutTree(merges: readonly Merge[], n: number, k: number): number[] {
  const parent = Array.from({ length: n + merges.length }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const keep = Math.max(0, n - Math.max(1, Math.min(k, n)));
  merges.slice(0, keep).forEach((m, step) => {
    parent[find(m.left)] = n + step;
    parent[find(m.right)] = n + step;
  });
  const roots = new Map<number, number>();
  return Array.from({ length: n }, (_, leaf) => {
    const root = find(leaf);
    if (!roots.has(root)) roots.set(root, roots.size);
    return roots.get(root)!;
  });
}

/**
 * How many areas to cut K themes into when the set has none: √K rounded, at least 1 (NISTEP's 702
 * topics → 32 clusters is close to √702 ≈ 26).
 */
export const defaultAreaCount = (themes: number) => Math.max(1, Math.round(Math.sqrt(themes)));
