// Areas: topics grouped by how alike their word distributions are, the way NISTEP grouped 702 topics
// into 32 clusters and 16 areas. Average-linkage (UPGMA) agglomerative clustering on the
// Jensen–Shannon distance of φ, cut into √K areas (lib/dashboard/clustering.ts: at least one), each
// labelled by the top terms its topics share.
import { averageLinkage, cutTree, defaultAreaCount } from "@/lib/dashboard/clustering";
import { labelTopic } from "./label";

export type TopicArea = { topics: number[]; terms: string[]; label: string };

/**
 * Jensen–Shannon divergence in bits (0 for equal distributions, 1 for disjoint ones); its square root
 * is a metric.
 * @example jensenShannon(Float64Array.of(1, 0), Float64Array.of(0, 1)) // => 1
 */
export function jensenShannon(p: Float64Array, q: Float64Array): number {
  if (p.length !== q.length) throw new RangeError("distributions differ in length");
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    if (p[i] > 0) sum += p[i] * Math.log2(p[i] / m);
    if (q[i] > 0) sum += q[i] * Math.log2(q[i] / m);
  }
  return Math.min(1, Math.max(0, sum / 2));
}

/** The K × K matrix of Jensen–Shannon divergences between the topics' φ rows. */
export function divergenceMatrix(phis: readonly Float64Array[]): number[][] {
  const n = phis.length;
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) matrix[i][j] = matrix[j][i] = jensenShannon(phis[i], phis[j]);
  }
  return matrix;
}

/**
 * The terms an area's topics share: each term scores the number of its topics listing it among their
 * top 10, then the sum of (10 − rank); the best three, ties in first-seen order.
 */
function sharedTerms(topTerms: readonly (readonly string[])[], topics: readonly number[]): string[] {
  const score = new Map<string, { topics: number; rank: number }>();
  for (const t of topics) {
    topTerms[t].slice(0, 10).forEach((term, rank) => {
      const s = score.get(term) ?? { topics: 0, rank: 0 };
      score.set(term, { topics: s.topics + 1, rank: s.rank + 10 - rank });
    });
  }
  return [...score.entries()]
    .sort((a, b) => b[1].topics - a[1].topics || b[1].rank - a[1].rank)
    .slice(0, 3)
    .map(([term]) => term);
}

/**
 * Areas of topics from φ (one row per topic, over the same vocabulary) and each topic's top terms,
 * best first. `count` defaults to √K rounded. Areas are numbered by their lowest topic; the result is
 * the same for the same input.
 * @example topicAreas([φ0, φ1, φ2], [["battery", …], …], { count: 2 })
 * // => { areaOf: [0, 0, 1], areas: [{ topics: [0, 1], terms: ["battery", …], label: "battery · …" }, …] }
 */
export function topicAreas(phis: readonly Float64Array[], topTerms: readonly (readonly string[])[], options: { count?: number } = {}): { areaOf: number[]; areas: TopicArea[] } {
  const n = phis.length;
  if (topTerms.length !== n) throw new RangeError("one list of top terms per topic");
  if (n === 0) return { areaOf: [], areas: [] };
  const count = Math.min(n, options.count ?? defaultAreaCount(n));
  const similarity = divergenceMatrix(phis).map((row) => row.map((d) => 1 - d));
  const areaOf = cutTree(averageLinkage(similarity), n, count);
  const areas: TopicArea[] = [];
  areaOf.forEach((a, t) => (areas[a] ??= { topics: [], terms: [], label: "" }).topics.push(t));
  for (const area of areas) {
    area.terms = sharedTerms(topTerms, area.topics);
    area.label = labelTopic(area.terms.map((term) => ({ term, weight: 0 })));
  }
  return { areaOf, areas };
}
