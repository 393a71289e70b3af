import { describe, expect, it } from "vitest";
import { emergingScore, recentShare, shareGrowth } from "@/lib/indicators/emerging";

const series = (first: number, values: number[]) => values.map((value, i) => ({ year: first + i, value }));

// A theme doubling from 2018 in a corpus of a flat 100 documents a year.
const THEME = series(2016, [1, 1, 2, 4, 8]);
const CORPUS = series(2016, [100, 100, 100, 100, 100]);

describe("recentShare", () => {
  it("is the share of the volume up to untilYear in its last N years", () => {
    // 2018–2020 hold 2 + 4 + 8 = 14 of 16.
    expect(recentShare(THEME, { untilYear: 2020, recentYears: 3 })).toBe(14 / 16);
    // Up to 2019: 2017–2019 hold 1 + 2 + 4 = 7 of 8.
    expect(recentShare(THEME, { untilYear: 2019, recentYears: 3 })).toBe(7 / 8);
    expect(recentShare([], { untilYear: 2020, recentYears: 3 })).toBeNull();
  });
});

describe("shareGrowth", () => {
  it("is e^slope − 1 of the log share of the corpus", () => {
    // Shares 0.01, 0.01, 0.02, 0.04, 0.08 = 0.01 · 2^(0, 0, 1, 2, 3); the slope of (0, 0, 1, 2, 3) on
    // (−2 … 2) is 8 / 10, so the log slope is 0.8 ln 2 and the growth 2^0.8 − 1 = 0.741101.
    expect(shareGrowth(THEME, CORPUS, { untilYear: 2020, window: 5 })).toBeCloseTo(2 ** 0.8 - 1, 12);
  });

  it("does not see growth that only follows the corpus", () => {
    const corpus = series(2016, [100, 200, 400, 800, 1600]);
    const theme = series(2016, [5, 10, 20, 40, 80]);
    expect(shareGrowth(theme, corpus, { untilYear: 2020, window: 5 })).toBeCloseTo(0, 12);
  });

  it("gives a year without theme volume half the smallest share, and skips years without corpus", () => {
    // Shares 0 → 0.005 (half of 0.01), 0.01, 0.02: log2 steps of 1 each → growth 1 (doubling).
    const theme = series(2018, [0, 1, 2]);
    const corpus = [...series(2018, [100, 100, 100]), { year: 2017, value: 0 }];
    expect(shareGrowth(theme, corpus, { untilYear: 2020, window: 4 })).toBeCloseTo(1, 12);
    expect(shareGrowth(series(2020, [1]), series(2020, [10]), { untilYear: 2020, window: 5 })).toBeNull();
  });
});

describe("emergingScore", () => {
  it("multiplies novelty, growth and the weak-signal boost as documented", () => {
    // novelty = (14/16) / (300/500) = 1.458333; 1 + growth = 2^0.8 = 1.741101;
    // volume share 16/500 = 0.032 against a reference 0.1 → w = 1 − 0.32 = 0.68, boost 1 + 0.5 · 0.68 = 1.34;
    // score = 1.458333 · 1.741101 · 1.34 = 3.402402.
    const result = emergingScore(THEME, CORPUS, { untilYear: 2020, referenceShare: 0.1 })!;
    expect(result.novelty).toBeCloseTo(1.4583333333333335, 12);
    expect(result.shareGrowth).toBeCloseTo(0.741101126592248, 12);
    expect(result.volumeShare).toBeCloseTo(0.032, 12);
    expect(result.weakSignal).toBeCloseTo(0.68, 12);
    expect(result.score).toBeCloseTo(3.4024017848823513, 10);
  });

  it("scores 1 for a theme that is the corpus in miniature, and boosts no shrinking theme", () => {
    const flat = emergingScore(series(2016, [10, 10, 10, 10, 10]), CORPUS, { untilYear: 2020, referenceShare: 0.1 })!;
    expect(flat.score).toBeCloseTo(1, 12);
    const shrinking = emergingScore(series(2016, [8, 4, 2, 1, 1]), CORPUS, { untilYear: 2020, referenceShare: 0.5 })!;
    expect(shrinking.weakSignal).toBe(0);
    expect(shrinking.score).toBeLessThan(1);
  });

  it("ranks a fast-growing theme above a steady one of the same size", () => {
    const steady = emergingScore(series(2016, [3, 3, 3, 3, 4]), CORPUS, { untilYear: 2020, referenceShare: 0.1 })!;
    const rising = emergingScore(series(2016, [1, 1, 2, 4, 8]), CORPUS, { untilYear: 2020, referenceShare: 0.1 })!;
    expect(rising.score).toBeGreaterThan(steady.score);
  });

  it("is null when the theme has no volume up to untilYear", () => {
    expect(emergingScore(series(2021, [5, 6]), CORPUS, { untilYear: 2020, referenceShare: 0.1 })).toBeNull();
  });
});
