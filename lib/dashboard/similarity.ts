// How alike two themes are, 0..1: the cosine of their document-weight vectors (θ columns, from
// document_theme) when the set stores weights, else the cosine of their top-term φ vectors.
//
// Why documents first: top terms are ranked by relevance (λ = 0.6, lib/topics/lda-model), which
// favours terms distinctive of one topic, so two topics rarely share one; in the demo set no pair
// shares a single top term, and a term-based map would put every theme at the same distance from
// every other. Documents mix topics all the time, and how much two themes share documents is the
// overlap a reader expects. A curated set without stored weights still gets a map from its terms.
import type { DashboardTheme, WeightProduct } from "./types";

export type SimilarityBasis = "documents" | "terms";
export type Similarity = { ids: string[]; matrix: number[][]; basis: SimilarityBasis };

const clamp01 = (x: number) => (x > 1 ? 1 : x < 0 ? 0 : x);

/**
 * Cosine similarity of the themes' document-weight vectors from the pairwise dot products and each
 * theme's Σ w² (both summed in SQL). The diagonal is 1; a theme with no weights is 0 to all others.
 * @example documentCosine(["a", "b"], new Map([["a", 2], ["b", 8]]), [{ a: "a", b: "b", dot: 2 }]) // => [[1, 0.5], [0.5, 1]]
 */
export function documentCosine(ids: readonly string[], squares: ReadonlyMap<string, number>, products: readonly WeightProduct[]): number[][] {
  const position = new Map(ids.map((id, i) => [id, i]));
  const matrix: number[][] = ids.map((_, i) => ids.map((__, j) => (i === j ? 1 : 0)));
  for (const { a, b, dot } of products) {
    const i = position.get(a);
    const j = position.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    const norm = Math.sqrt((squares.get(a) ?? 0) * (squares.get(b) ?? 0));
    const s = norm > 0 ? clamp01(dot / norm) : 0;
    matrix[i][j] = s;
    matrix[j][i] = s;
  }
  return matrix;
}

/**
 * Cosine similarity of the themes' top-term φ vectors (terms a theme does not list count as 0).
 * @example termCosine([{ topTerms: [{ term: "x", weight: 1 }] }, { topTerms: [{ term: "x", weight: 1 }, { term: "y", weight: 1 }] }])
 * // => [[1, 0.707…], [0.707…, 1]]
 */
export function termCosine(themes: readonly Pick<DashboardTheme, "topTerms">[]): number[][] {
  const vectors = themes.map((t) => {
    const v = new Map<string, number>();
    for (const { term, weight } of t.topTerms) if (weight > 0) v.set(term, (v.get(term) ?? 0) + weight);
    return v;
  });
  const norms = vectors.map((v) => Math.sqrt([...v.values()].reduce((a, w) => a + w * w, 0)));
  return vectors.map((vi, i) =>
    vectors.map((vj, j) => {
      if (i === j) return 1;
      if (!(norms[i] > 0 && norms[j] > 0)) return 0;
      let dot = 0;
      for (const [term, w] of vi) dot += w * (vj.get(term) ?? 0);
      return clamp01(dot / (norms[i] * norms[j]));
    }),
  );
}

/** The similarity the map, network and clustering use: documents when the set has weights, else terms. */
export function themeSimilarity(
  themes: readonly DashboardTheme[],
  weights: { squares: ReadonlyMap<string, number>; products: readonly WeightProduct[] } | null,
): Similarity {
  const ids = themes.map((t) => t.id);
  const hasWeights = weights !== null && ids.some((id) => (weights.squares.get(id) ?? 0) > 0);
  if (hasWeights) return { ids, matrix: documentCosine(ids, weights.squares, weights.products), basis: "documents" };
  return { ids, matrix: termCosine(themes), basis: "terms" };
}
