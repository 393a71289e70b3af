import { describe, expect, it } from "vitest";
import { diversity, fractionalTotals } from "@/lib/indicators/diversity";

describe("diversity", () => {
  it("is ln 2 nats and 2 effective categories for two equal ones", () => {
    const d = diversity([3, 3])!;
    expect(d.entropy).toBeCloseTo(Math.LN2, 12);
    expect(d.effective).toBeCloseTo(2, 12);
    expect(d.evenness).toBeCloseTo(1, 12);
    expect(d.categories).toBe(2);
    expect(d.total).toBe(6);
  });

  it("matches a hand computation for shares ½, ¼, ¼", () => {
    // H = −(½ ln ½ + 2 · ¼ ln ¼) = ½ ln 2 + ln 2 = 1.5 ln 2 = 1.0397208; exp(H) = 2^1.5 = 2.8284271;
    // J = H / ln 3 = 0.9463946 (scipy.stats.entropy([2, 1, 1]) = 1.0397207708399179).
    const d = diversity([2, 1, 1])!;
    expect(d.entropy).toBeCloseTo(1.0397207708399179, 12);
    expect(d.effective).toBeCloseTo(2 ** 1.5, 12);
    expect(d.evenness).toBeCloseTo(0.946394630357186, 12);
  });

  it("is 0 with one category, ignores zeros and is null with nothing", () => {
    expect(diversity([5, 0])).toEqual({ categories: 1, entropy: 0, effective: 1, evenness: null, total: 5 });
    expect(diversity([])).toBeNull();
    expect(diversity([0, 0])).toBeNull();
  });

  it("doubles the effective number when two equally diverse, disjoint groups are pooled", () => {
    const one = diversity([4, 2, 1])!.effective;
    expect(diversity([4, 2, 1, 4, 2, 1])!.effective).toBeCloseTo(2 * one, 12);
  });
});

describe("fractionalTotals", () => {
  it("splits each member's weight equally over its distinct keys", () => {
    // m1: 1 over {CN, US} → ½ each (a repeated CN counts once); m2: 0.5 → CN; m3: 2 with no key.
    const { totals, covered, total } = fractionalTotals([
      { weight: 1, keys: ["CN", "US", "CN"] },
      { weight: 0.5, keys: ["CN"] },
      { weight: 2, keys: [] },
    ]);
    expect(Object.fromEntries(totals)).toEqual({ CN: 1, US: 0.5 });
    expect(covered).toBe(1.5);
    expect(total).toBe(3.5);
  });
});
