import { describe, expect, it } from "vitest";
import { createRng, mulberry32 } from "@/lib/demo/prng";

describe("mulberry32", () => {
  it("matches the reference implementation's first outputs", () => {
    // Values from Tommy Ettinger's original JavaScript, run separately.
    expect(mulberry32(1)()).toBe(0.6270739405881613);
    expect(mulberry32(42)()).toBe(0.6011037519201636);
  });

  it("gives the same sequence for the same seed and another for another seed", () => {
    const a = mulberry32(7), b = mulberry32(7), c = mulberry32(8);
    const run = (next: () => number) => Array.from({ length: 5 }, next);
    const first = run(a);
    expect(run(b)).toEqual(first);
    expect(run(c)).not.toEqual(first);
  });
});

describe("createRng", () => {
  it("keeps integers within both inclusive bounds and reaches each of them", () => {
    const rng = createRng(3);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it("draws keys roughly in proportion to their weights", () => {
    const rng = createRng(11);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted({ a: 3, b: 1 })]++;
    expect(counts.a / 10_000).toBeCloseTo(0.75, 1);
  });

  it("shuffles into a permutation without touching its input", () => {
    const input = [1, 2, 3, 4, 5, 6];
    const shuffled = createRng(5).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...shuffled].sort()).toEqual(input);
  });

  it("draws Poisson counts whose mean matches the requested mean, small and large", () => {
    const rng = createRng(19);
    for (const mean of [0.5, 4, 80]) {
      const draws = Array.from({ length: 4000 }, () => rng.poisson(mean));
      const average = draws.reduce((s, x) => s + x, 0) / draws.length;
      expect(Math.abs(average - mean)).toBeLessThan(0.05 * mean + 0.05);
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    }
    expect(rng.poisson(0)).toBe(0);
  });
});
