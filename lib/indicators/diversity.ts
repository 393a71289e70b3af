// Diversity of a theme's countries, institutions and sources: Shannon entropy and its effective number.
//
// Why Shannon and not Gini–Simpson: the effective number exp(H) (Hill's number of order 1; Jost 2006,
// "Entropy and diversity", Oikos 113: 363–375) reads as "as diverse as this many equally active
// countries", doubles when two equally diverse, disjoint groups are pooled, and weighs categories by
// their share without letting the leader dominate (order 2, which Gini–Simpson is, does). Gini–Simpson
// saturates near 1 for any theme with more than a handful of actors, so it separates them poorly.

export type Diversity = {
  /** Categories with a positive total. */
  categories: number;
  /** Shannon entropy H = −Σ p ln p, in nats. */
  entropy: number;
  /** exp(H): the number of equally common categories with the same entropy. */
  effective: number;
  /** Pielou's J = H / ln(categories); null with fewer than 2 categories. */
  evenness: number | null;
  /** The total weight the shares come from. */
  total: number;
};

/**
 * Diversity of the totals per category (zero and negative totals are ignored).
 * @example diversity([1, 1]) // => { categories: 2, entropy: 0.693…, effective: 2, evenness: 1, total: 2 }
 * @returns null when no category has a positive total
 */
export function diversity(totals: Iterable<number>): Diversity | null {
  const values = [...totals].filter((v) => v > 0);
  const total = values.reduce((a, b) => a + b, 0);
  if (values.length === 0 || !(total > 0)) return null;
  let entropy = 0;
  for (const v of values) {
    const p = v / total;
    entropy -= p * Math.log(p);
  }
  entropy = Math.max(0, entropy);
  const evenness = values.length > 1 ? entropy / Math.log(values.length) : null;
  return { categories: values.length, entropy, effective: Math.exp(entropy), evenness, total };
}

export type FractionalTotals = {
  /** Weight per category; a member's weight is split equally among its distinct categories. */
  totals: Map<string, number>;
  /** Summed weight of the members with at least one category. */
  covered: number;
  /** Summed weight of all members. */
  total: number;
};

/**
 * Fractional counting (whole-normalised, as in the Leiden Ranking): each member contributes its
 * weight, split equally among its distinct categories, so no member counts more than once.
 * @example fractionalTotals([{ weight: 1, keys: ["CN", "US"] }, { weight: 0.5, keys: ["CN"] }])
 * // => totals { CN: 1, US: 0.5 }, covered 1.5, total 1.5
 */
export function fractionalTotals(members: Iterable<{ weight: number; keys: readonly string[] }>): FractionalTotals {
  const totals = new Map<string, number>();
  let covered = 0;
  let total = 0;
  for (const { weight, keys } of members) {
    total += weight;
    const distinct = [...new Set(keys)];
    if (distinct.length === 0) continue;
    covered += weight;
    const part = weight / distinct.length;
    for (const key of distinct) totals.set(key, (totals.get(key) ?? 0) + part);
  }
  return { totals, covered, total };
}
