import { describe, expect, it } from "vitest";
import { growthRate, yearlyVolume } from "@/lib/trends/growth";

describe("growthRate", () => {
  it("matches a log-linear least-squares fit (NumPy polyfit on log1p)", () => {
    // numpy: np.expm1(np.polyfit([2020, 2021, 2022], np.log1p([1, 3, 8]), 1)[0]) = 1.121320343559648
    const series = [{ year: 2020, value: 1 }, { year: 2021, value: 3 }, { year: 2022, value: 8 }];
    expect(growthRate(series, { window: 3 })).toBeCloseTo(1.121320343559648, 12);
  });

  it("counts missing years in the window as zero volume", () => {
    const withGap = growthRate([{ year: 2020, value: 4 }, { year: 2022, value: 4 }], { window: 3 });
    expect(withGap).toBeCloseTo(0, 12);
    expect(growthRate([{ year: 2020, value: 4 }, { year: 2022, value: 8 }], { window: 3 })).toBeGreaterThan(0);
  });

  it("is negative for a shrinking series and null for an empty one", () => {
    expect(growthRate([{ year: 2018, value: 10 }, { year: 2019, value: 5 }, { year: 2020, value: 2 }], { window: 3 })!).toBeLessThan(0);
    expect(growthRate([])).toBeNull();
  });

  it("ends the window at untilYear when given", () => {
    const series = [{ year: 2010, value: 1 }, { year: 2011, value: 10 }, { year: 2012, value: 1 }];
    expect(growthRate(series, { window: 2, untilYear: 2011 })!).toBeGreaterThan(0);
    expect(growthRate(series, { window: 2 })!).toBeLessThan(0);
  });
});

describe("yearlyVolume", () => {
  it("sums weights per year, skips undated entries and sorts by year", () => {
    expect(yearlyVolume([{ year: 2021, weight: 0.5 }, { year: 2020, weight: 1 }, { year: null, weight: 3 }, { year: 2021, weight: 0.25 }])).toEqual([
      { year: 2020, value: 1 },
      { year: 2021, value: 0.75 },
    ]);
  });
});
