// A small seeded PRNG: mulberry32 (Tommy Ettinger, public domain), seeded through splitmix32 so that
// nearby seeds (0, 1, 2 …) start far apart.

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
};

/** splitmix32-style finaliser: spreads a 32-bit seed over all bits. */
function mixSeed(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A deterministic generator: the same seed gives the same sequence on every platform.
 * Seeds are taken modulo 2^32.
 * @example const random = createRandom(42); random.next(); // => a float in [0, 1), always the same one
 */
export function createRandom(seed: number): Random {
  let state = mixSeed(seed >>> 0);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/**
 * An index drawn in proportion to weights given as running totals (`cumulative[i]` = w_0 + … + w_i),
 * by linear search: fine for the tens to hundreds of topics a Gibbs sweep draws from.
 * @example sampleCumulative(Float64Array.of(1, 1, 4), 3, random) // => 0 with p 1/4, never 1, 2 with p 3/4
 */
export function sampleCumulative(cumulative: Float64Array, length: number, random: Random): number {
  const u = random.next() * cumulative[length - 1];
  let i = 0;
  while (i < length - 1 && cumulative[i] <= u) i++;
  return i;
}
