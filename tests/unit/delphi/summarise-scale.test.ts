import { describe, expect, it } from "vitest";
import { summariseScale, type ScaleSummaryOptions } from "@/lib/delphi/statistics";

const TOL = 1e-9;
const NINE: ScaleSummaryOptions = { min: 1, max: 9, agreeBand: [7, 9], disagreeBand: [1, 3] };
const FIVE: ScaleSummaryOptions = { min: 1, max: 5, agreeBand: [4, 5], disagreeBand: [1, 2] };

// Hand-made 1–9 panels. Percentiles, mean and SD from NumPy 2.4.6: numpy.percentile(x, [30, 70]),
// numpy.quantile(x, [0.25, 0.75]), numpy.mean(x), numpy.std(x, ddof=1);
// IPRAS = 2.35 + 1.5·|5 − (P30 + P70)/2| computed from those percentiles.
describe("summariseScale on 1–9 panels", () => {
  it("flags a polarised panel as RAND/UCLA disagreement and COMET no consensus", () => {
    const s = summariseScale([1, 1, 1, 2, 5, 8, 9, 9, 9], NINE);
    expect(s.ipr).toBeCloseTo(7.199999999999999, 9); // P70 8.6 − P30 1.4
    expect(s.ipras).toBeCloseTo(2.35, 9);
    expect(s.randDisagreement).toBe(true);
    expect(s.comet7015).toBe("none");
    expect(s.agreement).toBeCloseTo(4 / 9, 12);
    expect(s.sd).toBeCloseTo(3.774917217635375, 9);
  });

  it("finds disagreement in an evenly spread panel even without two camps", () => {
    const s = summariseScale([1, 2, 3, 4, 5, 6, 7, 8, 9], NINE);
    expect(s.ipr).toBeCloseTo(3.2, 9); // P70 6.6 − P30 3.4 > 2.35
    expect(s.randDisagreement).toBe(true);
  });

  it("finds no disagreement in a skewed but tight panel, where the asymmetry index widens IPRAS", () => {
    const s = summariseScale([6, 7, 7, 7, 8, 8, 9, 9, 9, 9, 1, 2], NINE);
    expect(s.ipr).toBeCloseTo(1.6999999999999993, 9);
    expect(s.ipras).toBeCloseTo(6.625, 9);
    expect(s.randDisagreement).toBe(false);
    expect(s.median).toBeCloseTo(7.5, 12);
    expect(s.q1).toBeCloseTo(6.75, 12);
    expect(s.q3).toBeCloseTo(9, 12);
    // 75 % agree but 16.7 % disagree: COMET needs < 15 %.
    expect(s.comet7015).toBe("none");
  });

  it("reports COMET consensus in at ≥ 70 % agreement with < 15 % disagreement", () => {
    const s = summariseScale([7, 8, 9, 9, 8, 7, 7, 2, 5, 8], NINE);
    expect([s.agreement, s.disagreement]).toEqual([0.8, 0.1]);
    expect(s.comet7015).toBe("in");
    expect(Math.abs((s.mean as number) - 7)).toBeLessThan(TOL);
    expect(Math.abs((s.sd as number) - 2.1081851067789197)).toBeLessThan(TOL);
    expect(summariseScale([7, 7, 7, 7, 7, 7, 7, 5, 5, 5], NINE).comet7015).toBe("in"); // exactly 70 %
  });

  it("reports COMET consensus out when ≥ 70 % disagree and < 15 % agree", () => {
    const s = summariseScale([1, 2, 3, 1, 2, 3, 1, 8, 5, 2], NINE);
    expect(s.comet7015).toBe("out");
    expect(s.q1).toBeCloseTo(1.25, 12);
  });

  it("reports no COMET consensus when disagreement is exactly 15 %", () => {
    const s = summariseScale([...Array<number>(14).fill(7), 1, 2, 3, 5, 5, 5], NINE);
    expect([s.agreement, s.disagreement]).toEqual([0.7, 0.15]);
    expect(s.comet7015).toBe("none");
  });
});

describe("summariseScale on a 5-point importance scale", () => {
  it("reports the don't-know count it is given apart from n", () => {
    const answers = [5, 5, 4, 3, 3, 2, 1, 4];
    const s = summariseScale(answers, { ...FIVE, dontKnow: 2 });
    expect(s.n).toBe(8);
    expect(s.dontKnow).toBe(2);
    expect(s.distribution).toEqual({ 1: 1, 2: 1, 3: 2, 4: 2, 5: 2 });
    expect(s.importanceIndex).toBe(62.5); // (100·4 + 50·2 + 0·2) / 8, by hand
    expect(s.median).toBe(3.5);
    expect(s.quantileMethod).toBe("hyndman-fan-7");
    expect(s.ipr).toBeUndefined();
    expect(answers).toEqual([5, 5, 4, 3, 3, 2, 1, 4]);
    expect(summariseScale(answers, FIVE).dontKnow).toBe(0);
  });

  it("keeps distribution counts summing to n and shares inside [0, 1]", () => {
    const s = summariseScale([1, 2, 2, 3, 5, 5, 5, 4], FIVE);
    expect(Object.values(s.distribution).reduce((a, b) => a + b, 0)).toBe(s.n);
    for (const share of [s.agreement, s.disagreement]) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
  });

  it("uses importance bands given as an option instead of the agree/disagree bands", () => {
    const importanceBands = { high: [5, 5], mid: [3, 4], low: [1, 2] } as const;
    const s = summariseScale([5, 4, 3], { ...FIVE, importanceBands });
    expect(s.importanceIndex).toBeCloseTo(200 / 3, 12);
  });

  it("returns n = 0 and null statistics, not NaN or an error, for no answers", () => {
    const s = summariseScale([], { ...FIVE, dontKnow: 2 });
    expect(s).toMatchObject({ n: 0, dontKnow: 2, mean: null, sd: null, median: null, q1: null, q3: null });
    expect(s).toMatchObject({ iqr: null, cv: null, agreement: null, disagreement: null, comet7015: null });
    expect(s.importanceIndex).toBeNull();
    expect(s.distribution).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
    const nine = summariseScale([], NINE);
    expect([nine.ipr, nine.ipras, nine.randDisagreement]).toEqual([null, null, null]);
  });

  it("returns a null SD and CV for a single answer but still its median", () => {
    const s = summariseScale([4], FIVE);
    expect(s).toMatchObject({ n: 1, mean: 4, median: 4, iqr: 0, sd: null, cv: null, agreement: 1 });
  });
});
