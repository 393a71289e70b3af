import { describe, expect, it } from "vitest";
import { logLinearGrowth, realisedGrowth, yearlyShares } from "@/lib/backtest/realised-growth";

describe("yearlyShares", () => {
  it("averages the topic mixtures of each year's documents", () => {
    const shares = yearlyShares([Float64Array.of(0.8, 0.2), Float64Array.of(0.4, 0.6), Float64Array.of(0.1, 0.9)], [2021, 2021, 2020]);
    expect([...shares.keys()]).toEqual([2020, 2021]);
    expect([...shares.get(2021)!]).toEqual([0.6000000000000001, 0.4]);
    expect([...shares.get(2020)!]).toEqual([0.1, 0.9]);
  });
});

describe("realised growth", () => {
  it("is the annual growth of each topic's share, whatever the corpus does", () => {
    // Topic 0's share doubles each year (0.1, 0.2, 0.4): growth 1; topic 1 falls 0.9, 0.8, 0.6.
    const shares = new Map([[2021, Float64Array.of(0.1, 0.9)], [2022, Float64Array.of(0.2, 0.8)], [2023, Float64Array.of(0.4, 0.6)]]);
    const [up, down] = realisedGrowth(shares, 2);
    expect(up).toBeCloseTo(1, 12);
    // ln 0.9, ln 0.8, ln 0.6 on −1, 0, 1: slope (ln 0.6 − ln 0.9) / 2 = ln(2/3) / 2 → (2/3)^½ − 1.
    expect(down).toBeCloseTo(Math.sqrt(2 / 3) - 1, 12);
  });

  it("needs two positive points", () => {
    expect(logLinearGrowth([{ x: 1, y: 1 }])).toBeNull();
    expect(logLinearGrowth([{ x: 1, y: 1 }, { x: 2, y: 0 }])).toBeNull();
  });
});
