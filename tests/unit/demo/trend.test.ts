import { describe, expect, it } from "vitest";
import { expectedCount, lifeCyclePhase, type DemoTrend } from "@/lib/demo/trend";

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const curve = (trend: DemoTrend) => years(2012, 2025).map((y) => expectedCount(trend, y));

describe("expectedCount", () => {
  it("keeps an emerging theme at a trickle before its start and grows it exponentially after", () => {
    const trend: DemoTrend = { kind: "emerging", start: 2019, initial: 3, growth: 0.45 };
    expect(expectedCount(trend, 2015)).toBeCloseTo(0.9);
    expect(expectedCount(trend, 2019)).toBe(3);
    expect(expectedCount(trend, 2021) / expectedCount(trend, 2020)).toBeCloseTo(Math.exp(0.45));
  });

  it("grows a growing theme linearly from its start and gives nothing before", () => {
    const trend: DemoTrend = { kind: "growing", start: 2014, initial: 2, slope: 0.5 };
    expect(expectedCount(trend, 2013)).toBe(0);
    expect(expectedCount(trend, 2016)).toBe(3);
  });

  it("levels a mature theme off at its plateau, half of it at the midpoint", () => {
    const trend: DemoTrend = { kind: "mature", start: 2012, midpoint: 2016, plateau: 8, steepness: 0.9 };
    expect(expectedCount(trend, 2016)).toBeCloseTo(4);
    expect(expectedCount(trend, 2025)).toBeGreaterThan(7.9);
  });

  it("peaks a declining theme in its peak year and falls away on both sides", () => {
    const trend: DemoTrend = { kind: "declining", start: 2012, peak: 2014, height: 11, rise: 0.2, decay: 0.25 };
    const values = curve(trend);
    expect(Math.max(...values)).toBe(11);
    expect(values.indexOf(11)).toBe(2);
    expect(values.at(-1)).toBeLessThan(1);
  });
});

describe("lifeCyclePhase", () => {
  it("places each year at the share of the volume published before its middle", () => {
    expect(lifeCyclePhase([1, 2, 1])).toEqual([0.125, 0.5, 0.875]);
  });

  it("rises monotonically from near 0 to near 1", () => {
    const phases = lifeCyclePhase([0, 1, 5, 20]);
    expect(phases.every((p, i) => i === 0 || p >= phases[i - 1])).toBe(true);
    expect(phases.at(-1)).toBeGreaterThan(0.5);
  });

  it("returns zeros for a curve with no volume at all", () => {
    expect(lifeCyclePhase([0, 0])).toEqual([0, 0]);
  });
});
