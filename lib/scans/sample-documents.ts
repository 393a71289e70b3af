// The training sample of a large study: stratified by year and kind so the sample's mix of years and
// document kinds is the study's, drawn with a seeded shuffle inside each stratum.
import { createRandom } from "@/lib/topics/random";

export type Stratified = { year: number | null; kind: string };

/**
 * Indices (ascending) of `size` documents. Each stratum (year × kind) gets its proportional share,
 * rounded by largest remainder (ties to the earlier stratum in first-seen order) so the total is exactly
 * `size`; inside a stratum the documents come from a seeded Fisher–Yates shuffle. All documents when
 * `size` ≥ their number.
 * @example stratifiedSample([{ year: 2020, kind: "PAPER" }, …], { size: 100, seed: 42 }) // => [3, 17, 20, …]
 */
export function stratifiedSample(documents: readonly Stratified[], options: { size: number; seed: number }): number[] {
  const n = documents.length;
  if (options.size >= n) return Array.from({ length: n }, (_, i) => i);
  const strata = new Map<string, number[]>();
  documents.forEach((d, i) => {
    const key = `${d.year ?? "?"}|${d.kind}`;
    const members = strata.get(key);
    if (members) members.push(i);
    else strata.set(key, [i]);
  });
  const groups = [...strata.values()];
  const quotas = groups.map((g) => (g.length * options.size) / n);
  const take = quotas.map(Math.floor);
  let left = options.size - take.reduce((a, b) => a + b, 0);
  const byRemainder = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    take[i]++;
    left--;
  }
  const random = createRandom(options.seed);
  const chosen: number[] = [];
  groups.forEach((members, g) => {
    const pool = [...members];
    for (let i = 0; i < take[g]; i++) {
      const j = i + random.int(pool.length - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
      chosen.push(pool[i]);
    }
  });
  return chosen.sort((a, b) => a - b);
}

/**
 * Consecutive slices of at most `size` ids, in the order given (sort them first): each slice is the id
 * range [fromId, toId] and its count.
 * @example planSlices(["a", "b", "c"], 2) // => [{ fromId: "a", toId: "b", count: 2 }, { fromId: "c", toId: "c", count: 1 }]
 */
export function planSlices(ids: readonly string[], size: number): { fromId: string; toId: string; count: number }[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("slice size must be a positive integer");
  const slices = [];
  for (let i = 0; i < ids.length; i += size) {
    const part = ids.slice(i, i + size);
    slices.push({ fromId: part[0], toId: part[part.length - 1], count: part.length });
  }
  return slices;
}
