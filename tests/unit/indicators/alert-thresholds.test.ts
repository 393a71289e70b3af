import { describe, expect, it } from "vitest";
import { crossedThresholds, describeCrossing } from "@/lib/alerts/crossed-thresholds";
import { alertThresholdsOf, DEFAULT_ALERT_THRESHOLDS } from "@/lib/alerts/thresholds";
import { ZAlertThresholdsForm } from "@/lib/alerts/update-alert-thresholds";

const thresholds = { emergingScoreMin: 2, weakSignal: { growthMin: 0.3, volumeMax: 20 } };

describe("crossedThresholds", () => {
  it("flags an emerging score at or above the threshold", () => {
    const [c] = crossedThresholds({ volume: 100, growth: 0.1, emerging: { score: 2 } }, thresholds);
    expect(c).toEqual({ rule: "emerging_score", figures: { emergingScore: 2 }, threshold: { emergingScoreMin: 2 } });
    expect(describeCrossing(c)).toBe("emerging score 2.00 ≥ 2");
    expect(crossedThresholds({ volume: 100, growth: 0.1, emerging: { score: 1.99 } }, thresholds)).toEqual([]);
  });

  it("flags a weak signal only when growth is high and volume low together", () => {
    const crossing = crossedThresholds({ volume: 20, growth: 0.3, emerging: null }, thresholds);
    expect(crossing.map((c) => c.rule)).toEqual(["weak_signal"]);
    expect(describeCrossing(crossing[0])).toBe("growth 30 %/yr ≥ 30 % on a volume of 20.0 ≤ 20 (weak signal)");
    expect(crossedThresholds({ volume: 20.5, growth: 0.9, emerging: null }, thresholds)).toEqual([]);
    expect(crossedThresholds({ volume: 5, growth: 0.29, emerging: null }, thresholds)).toEqual([]);
    expect(crossedThresholds({ volume: 5, growth: null, emerging: null }, thresholds)).toEqual([]);
  });

  it("lists both rules, emerging first, and none when the rules are off", () => {
    const figures = { volume: 5, growth: 1, emerging: { score: 3 } };
    expect(crossedThresholds(figures, thresholds).map((c) => c.rule)).toEqual(["emerging_score", "weak_signal"]);
    expect(crossedThresholds(figures, { emergingScoreMin: null, weakSignal: null })).toEqual([]);
  });
});

describe("alert thresholds in study settings", () => {
  it("falls back to the defaults when unset or unreadable", () => {
    expect(alertThresholdsOf({})).toEqual(DEFAULT_ALERT_THRESHOLDS);
    expect(alertThresholdsOf(null)).toEqual(DEFAULT_ALERT_THRESHOLDS);
    expect(alertThresholdsOf({ alerts: { emergingScoreMin: "high" } })).toEqual(DEFAULT_ALERT_THRESHOLDS);
    expect(alertThresholdsOf({ alerts: thresholds })).toEqual(thresholds);
  });

  it("reads the admin form: growth in per cent, empty fields turn a rule off", () => {
    expect(ZAlertThresholdsForm.parse({ emergingScoreMin: "2.5", growthMinPercent: "40", volumeMax: "15" })).toEqual({
      emergingScoreMin: 2.5,
      weakSignal: { growthMin: 0.4, volumeMax: 15 },
    });
    expect(ZAlertThresholdsForm.parse({ emergingScoreMin: "", growthMinPercent: "40", volumeMax: "" })).toEqual({ emergingScoreMin: null, weakSignal: null });
    expect(ZAlertThresholdsForm.safeParse({ emergingScoreMin: "-1", growthMinPercent: "", volumeMax: "" }).success).toBe(false);
  });
});
