import { describe, expect, it } from "vitest";
import { createRandom, sampleCumulative } from "@/lib/topics/random";

const take = (seed: number, n: number) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe("createRandom", () => {
  it("gives the same sequence for the same seed and different ones for nearby seeds", () => {
    expect(take(42, 20)).toEqual(take(42, 20));
    expect(take(0, 20)).not.toEqual(take(1, 20));
  });

  it("returns floats in [0, 1) with a mean near one half", () => {
    const values = take(3, 20_000);
    expect(values.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });

  it("returns every integer below n about equally often", () => {
    const random = createRandom(9);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 50_000; i++) counts[random.int(5)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});

describe("sampleCumulative", () => {
  it("draws indices in proportion to their weights and never one with zero weight", () => {
    const random = createRandom(5);
    const cumulative = Float64Array.of(1, 1, 4); // weights 1, 0, 3
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[sampleCumulative(cumulative, 3, random)]++;
    expect(counts[1]).toBe(0);
    expect(counts[0] / 40_000).toBeCloseTo(0.25, 1);
    expect(counts[2] / 40_000).toBeCloseTo(0.75, 1);
  });
});
