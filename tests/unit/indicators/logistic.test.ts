import { describe, expect, it } from "vitest";
import { fitLogistic, logisticValue } from "@/lib/indicators/logistic";
import { lifeCycle, stageAt } from "@/lib/indicators/life-cycle";

const logistic = (K: number, r: number, x0: number) => (x: number) => K / (1 + Math.exp(-r * (x - x0)));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Yearly volumes whose running total is exactly the logistic curve from `first` on. */
function yearlyFrom(curve: (x: number) => number, first: number, last: number) {
  return range(first, last).map((year) => ({ year, value: curve(year) - (year === first ? 0 : curve(year - 1)) }));
}

describe("fitLogistic", () => {
  it("recovers the parameters of a generated curve", () => {
    const curve = logistic(120, 0.7, 2016);
    const fit = fitLogistic(range(2008, 2024).map((x) => ({ x, y: curve(x) })))!;
    expect(fit.saturation).toBeCloseTo(120, 4);
    expect(fit.rate).toBeCloseTo(0.7, 6);
    expect(fit.midpoint).toBeCloseTo(2016, 5);
    expect(fit.r2).toBeCloseTo(1, 10);
    expect(fit.bounded).toBe(false);
  });

  it("recovers them from the first half of the curve alone, when the inflection is in view", () => {
    const curve = logistic(50, 1.1, 2015);
    const fit = fitLogistic(range(2010, 2016).map((x) => ({ x, y: curve(x) })))!;
    expect(fit.saturation).toBeCloseTo(50, 3);
    expect(fit.rate).toBeCloseTo(1.1, 4);
    expect(fit.midpoint).toBeCloseTo(2015, 4);
  });

  it("matches SciPy's least squares on noisy data", () => {
    // scipy.optimize.curve_fit(K / (1 + exp(−r (x − x0))), p0 = [90, 1, 2013]) on the same points:
    // K = 100.280768, r = 0.884816036, x0 = 2013.99838, R² = 0.9988064767538781.
    const curve = logistic(100, 0.9, 2014);
    const noise = [1.5, -2, 0.8, -1.2, 2.1, -0.5, 1, -1.8, 0.6, -0.9, 1.4];
    const fit = fitLogistic(range(2009, 2019).map((x, i) => ({ x, y: curve(x) + noise[i] })))!;
    expect(fit.saturation).toBeCloseTo(100.280768, 4);
    expect(fit.rate).toBeCloseTo(0.884816036, 6);
    expect(fit.midpoint).toBeCloseTo(2013.99838, 4);
    expect(fit.r2).toBeCloseTo(0.9988064767538781, 9);
    expect(logisticValue(fit, fit.midpoint)).toBeCloseTo(fit.saturation / 2, 9);
  });

  it("caps the saturation level at 20 × the largest value when the data show no bend", () => {
    const fit = fitLogistic(range(0, 7).map((x) => ({ x, y: 2 ** x })))!;
    expect(fit.bounded).toBe(true);
    expect(fit.saturation).toBeCloseTo(20 * 128, 6);
  });

  it("refuses fewer than 4 points or no volume", () => {
    expect(fitLogistic([{ x: 1, y: 1 }, { x: 2, y: 2 }, { x: 3, y: 3 }])).toBeNull();
    expect(fitLogistic(range(1, 6).map((x) => ({ x, y: 0 })))).toBeNull();
  });
});

describe("lifeCycle", () => {
  // K = 100, r = 0.8, inflection 2015. At the last year the curve stands at 1 / (1 + e^(−0.8 (t − 2015))):
  // 2013 → 0.168 (growing), 2016 → 0.690 (mature), 2020 → 0.982 (saturating).
  const curve = logistic(100, 0.8, 2015);

  it.each([
    [2013, "growing", 1 / (1 + Math.exp(1.6))],
    [2016, "mature", 1 / (1 + Math.exp(-0.8))],
    [2020, "saturating", 1 / (1 + Math.exp(-4))],
  ])("places a theme observed 2008–%i on the curve: %s", (until, stage, position) => {
    const result = lifeCycle(yearlyFrom(curve, 2008, until));
    expect(result.stage).toBe(stage);
    expect(result.position).toBeCloseTo(position, 4);
    expect(result.inflectionYear).toBeCloseTo(2015, 3);
    expect(result.reason).toBeNull();
  });

  it("calls a theme that is still growing exponentially emerging, saying the saturation is unknown", () => {
    const result = lifeCycle(range(2015, 2022).map((year, i) => ({ year, value: 2 ** i })));
    expect(result.stage).toBe("emerging");
    expect(result.reason).toMatch(/no saturation visible/);
    expect(result.fit?.bounded).toBe(true);
  });

  it("gives no stage, with the reason, for short series and for a curve that does not fit", () => {
    expect(lifeCycle([{ year: 2020, value: 1 }, { year: 2022, value: 3 }])).toMatchObject({ stage: null, reason: "too short: 3 years, at least 5 needed" });
    expect(lifeCycle([{ year: 2015, value: 4 }, { year: 2022, value: 3 }])).toMatchObject({ stage: null, reason: "too short: volume in 2 years, at least 3 needed" });
    // One burst, a long silence, another burst: a staircase no single S-curve follows.
    const staircase = [{ year: 2010, value: 40 }, { year: 2011, value: 1 }, { year: 2017, value: 1 }, { year: 2018, value: 40 }];
    const poor = lifeCycle(staircase);
    expect(poor.stage).toBeNull();
    expect(poor.reason).toMatch(/^poor fit: R² 0\.\d+ below 0.95$/);
    expect(lifeCycle([])).toMatchObject({ stage: null, reason: "no volume" });
  });

  it("counts missing years as zero volume and stops at untilYear", () => {
    const series = yearlyFrom(curve, 2008, 2020);
    expect(lifeCycle(series, { untilYear: 2016 }).stage).toBe("mature");
  });

  it("names stages by the 10 / 50 / 90 % marks of the curve", () => {
    expect([0.05, 0.1, 0.49, 0.5, 0.89, 0.9].map(stageAt)).toEqual(["emerging", "growing", "growing", "mature", "mature", "saturating"]);
  });
});
