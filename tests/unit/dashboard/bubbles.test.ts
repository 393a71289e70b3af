import { describe, expect, it } from "vitest";
import { bubbles, median, quadrantOf } from "@/lib/dashboard/bubbles";
import { theme } from "./factories";

describe("bubbles", () => {
  it("places themes in quadrants by the median volume and the corpus growth", () => {
    const themes = [
      theme({ id: "small-fast", figures: { volume: 5, growth: 0.5 } }),
      theme({ id: "big-fast", figures: { volume: 50, growth: 0.3 } }),
      theme({ id: "big-slow", figures: { volume: 40, growth: 0.05 } }),
      theme({ id: "small-slow", figures: { volume: 8, growth: -0.2 } }),
    ];
    const result = bubbles(themes, { corpusGrowth: 0.1 });
    // Median of 5, 8, 40, 50 is 24.
    expect(result.thresholds).toEqual({ volume: 24, growth: 0.1, volumeRule: "median", growthRule: "corpus" });
    expect(Object.fromEntries(result.points.map((p) => [p.themeId, p.quadrant]))).toEqual({
      "small-fast": "emerging",
      "big-fast": "growing",
      "big-slow": "mature",
      "small-slow": "declining",
    });
  });

  it("uses growth 0 without a corpus growth, honours given thresholds, and leaves themes without growth unplaced", () => {
    const themes = [theme({ id: "a", figures: { volume: 10, growth: 0.01 } }), theme({ id: "b", figures: { volume: 10, growth: null } }), theme({ id: "c", figures: null })];
    const zero = bubbles(themes);
    expect(zero.thresholds.growth).toBe(0);
    expect(zero.thresholds.growthRule).toBe("zero");
    expect(zero.unplaced).toEqual(["b", "c"]);
    const given = bubbles(themes, { corpusGrowth: 0.5, growthThreshold: 0.02, volumeThreshold: 5 });
    expect(given.thresholds).toMatchObject({ volume: 5, growth: 0.02, volumeRule: "given", growthRule: "given" });
    expect(given.points[0].quadrant).toBe("mature");
  });

  it("counts a theme on a threshold as fast and large", () => {
    expect(quadrantOf({ volume: 10, growth: 0.1 }, { volume: 10, growth: 0.1 })).toBe("growing");
  });

  it("takes the median of odd and even lists without changing them", () => {
    const values = [3, 1, 2];
    expect(median(values)).toBe(2);
    expect(values).toEqual([3, 1, 2]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
