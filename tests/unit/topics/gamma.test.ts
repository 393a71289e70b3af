import { describe, expect, it } from "vitest";
import { logGamma } from "@/lib/topics/gamma";

// Reference values from Python's math.lgamma (CPython's own implementation).
const reference: [number, number][] = [
  [0.01, 4.599479878042022],
  [0.1, 2.2527126517342055],
  [0.5, 0.5723649429247001],
  [1, 0],
  [2, 0],
  [3.7, 1.4280723266653883],
  [10, 12.801827480081467],
  [100.5, 361.4355404677776],
  [123456.789, 1323902.0187950633],
];

describe("logGamma", () => {
  it.each(reference)("matches ln Γ(%d) to about 1e-13 relative", (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it("satisfies Γ(x + 1) = x Γ(x)", () => {
    for (const x of [0.003, 0.7, 4.2, 55.5]) {
      expect(logGamma(x + 1)).toBeCloseTo(Math.log(x) + logGamma(x), 11);
    }
  });
});
