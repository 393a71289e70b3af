import { describe, expect, it } from "vitest";
import {
  comet7015,
  decideItemOutcome,
  ENGLISH_KERNAN_CV,
  evaluateRule,
  evaluateRules,
  randUcla,
  type ConsensusRule,
  type RuleVerdict,
} from "@/lib/delphi/consensus";
import { summariseScale, type ScaleSummaryOptions } from "@/lib/delphi/statistics";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

const FIVE: ScaleSummaryOptions = { min: 1, max: 5, agreeBand: [4, 5], disagreeBand: [1, 2] };
const NINE: ScaleSummaryOptions = { min: 1, max: 9, agreeBand: [7, 9], disagreeBand: [1, 3] };
const five = (answers: number[]) => summariseScale(answers, FIVE);
const nine = (answers: number[]) => summariseScale(answers, NINE);

describe("comet7015 and randUcla", () => {
  it("treat the 70 % and 15 % thresholds as inclusive and exclusive respectively", () => {
    expect(comet7015(0.7, 0.149)).toBe("in");
    expect(comet7015(0.7, 0.15)).toBe("none");
    expect(comet7015(0.1, 0.7)).toBe("out");
    expect(comet7015(0.15, 0.8)).toBe("none");
  });

  it("widen the allowed spread as the centre moves away from 5", () => {
    // P30 7.4, P70 8.6 (numpy.percentile of [6, 7, 7, 8, 8, 8, 9, 9, 9]): IPRAS = 2.35 + 1.5·3 = 6.85.
    const r = randUcla(7.4, 8.6);
    expect(r.ipras).toBeCloseTo(6.85, 12);
    expect(r.ipr).toBeCloseTo(1.2, 12);
    expect(r.randDisagreement).toBe(false);
  });
});

describe("randUcla on an exact tie", () => {
  it("does not let rounding turn IPR = IPRAS into a disagreement", () => {
    // Ratings 1 2 2 3 6 6 6 6 7 7 9 9: exactly P30 = 3.9 and P70 = 6.7, so IPR = 2.8 and
    // IPRAS = 2.35 + 1.5·|5 − 5.3| = 2.8. In doubles IPR is 2.8 and IPRAS 2.7999999999999985
    // (numpy.percentile gives the same), so a plain ">" would report disagreement.
    const s = nine([1, 2, 2, 3, 6, 6, 6, 6, 7, 7, 9, 9]);
    expect(s.ipr).toBeCloseTo(2.8, 12);
    expect(s.ipras).toBeCloseTo(2.8, 12);
    expect((s.ipr as number) > (s.ipras as number)).toBe(true);
    expect(s.randDisagreement).toBe(false);
    expect(randUcla(3.9, 6.8).randDisagreement).toBe(true); // IPR 2.9 > IPRAS 2.35 + 1.5·0.35 = 2.875
  });
});

describe("evaluateRule", () => {
  it("finds IQR consensus at the threshold and not above it", () => {
    const rule: ConsensusRule = { kind: "IQR", max: 1 };
    expect(evaluateRule(rule, five([4, 4, 5, 5])).verdict).toBe("consensus"); // IQR 1
    const wide = evaluateRule(rule, five([1, 2, 4, 5]));
    expect(wide).toEqual({ rule: "IQR", verdict: "no_consensus", detail: "IQR 2.5 > 1", text: { key: "iqrAbove", values: { iqr: "2.5", max: 1 } }, median: "neither" });
  });

  it("measures percentage agreement in the rule's own band", () => {
    const rule: ConsensusRule = { kind: "AGREEMENT", band: [5, 5], min: 0.5 };
    expect(evaluateRule(rule, five([5, 5, 4, 4])).verdict).toBe("consensus");
    expect(evaluateRule(rule, five([5, 4, 4, 4])).verdict).toBe("no_consensus");
  });

  it("reports COMET consensus in and out as consensus, with the direction in the detail", () => {
    const rule: ConsensusRule = { kind: "COMET_70_15" };
    const inVerdict = evaluateRule(rule, nine([7, 8, 9, 9, 8, 7, 7, 2, 5, 8]));
    expect(inVerdict.verdict).toBe("consensus");
    expect(inVerdict.detail).toMatch(/^consensus in/);
    expect(evaluateRule(rule, nine([1, 2, 3, 1, 2, 3, 1, 8, 5, 2])).detail).toMatch(/^consensus out/);
    expect(evaluateRule(rule, nine([1, 1, 1, 2, 5, 8, 9, 9, 9])).verdict).toBe("no_consensus");
  });

  it("grades CV by English & Kernan's bands", () => {
    // numpy.std(x, ddof=1) / numpy.mean(x): [4, 4, 5, 5] 0.1283; [1, 1, 3, 5] 0.7659; [1, 1, 1, 5] 1.0.
    expect(evaluateRule(ENGLISH_KERNAN_CV, five([4, 4, 5, 5])).verdict).toBe("consensus");
    const fair = evaluateRule(ENGLISH_KERNAN_CV, five([1, 1, 3, 5]));
    expect(fair.verdict).toBe("no_consensus");
    expect(fair.detail).toMatch(/less than satisfactory/);
    expect(evaluateRule(ENGLISH_KERNAN_CV, five([1, 1, 1, 5])).detail).toMatch(/poor/);
  });

  it("calls a RAND/UCLA disagreement dissent, and is insufficient off a 1–9 scale", () => {
    const rule: ConsensusRule = { kind: "RAND_UCLA" };
    expect(evaluateRule(rule, nine([1, 1, 1, 2, 5, 8, 9, 9, 9])).verdict).toBe("dissent");
    expect(evaluateRule(rule, nine([6, 7, 7, 8, 8, 8, 9, 9, 9])).verdict).toBe("consensus");
    expect(evaluateRule(rule, five([4, 4, 5])).verdict).toBe("insufficient");
  });

  it("is insufficient for every rule with fewer than two answers", () => {
    const rules: ConsensusRule[] = [{ kind: "IQR", max: 1 }, { kind: "COMET_70_15" }, ENGLISH_KERNAN_CV];
    for (const v of evaluateRules(rules, five([5]))) expect(v.verdict).toBe("insufficient");
    expect(evaluateRules(rules, five([])).map((v) => v.rule)).toEqual(["IQR", "COMET_70_15", "CV_BAND"]);
  });
});

describe("evaluateRule's median position", () => {
  it("places the median in the agree band, the disagree band or neither", () => {
    const rule: ConsensusRule = { kind: "IQR", max: 1 };
    expect(evaluateRule(rule, five([4, 5, 5])).median).toBe("agree");
    expect(evaluateRule(rule, five([1, 2, 2])).median).toBe("disagree");
    expect(evaluateRule(rule, five([3, 3, 4])).median).toBe("neither");
    expect(evaluateRule(rule, five([]))).not.toHaveProperty("median");
  });
});

describe("decideItemOutcome", () => {
  const agreeing: RuleVerdict = { rule: "IQR", verdict: "consensus", detail: "", median: "agree" };
  const rejecting: RuleVerdict = { rule: "IQR", verdict: "consensus", detail: "", median: "disagree" };
  const middling: RuleVerdict = { rule: "IQR", verdict: "consensus", detail: "", median: "neither" };
  const split: RuleVerdict = { rule: "COMET_70_15", verdict: "no_consensus", detail: "", median: "agree" };

  it("accepts an item when every rule finds consensus with the median in the agree band", () => {
    expect(decideItemOutcome({ verdicts: [agreeing, agreeing], stable: false })).toBe("ACCEPTED");
  });

  it("rejects an item when every rule finds consensus with the median in the disagree band", () => {
    expect(decideItemOutcome({ verdicts: [rejecting], stable: true })).toBe("REJECTED");
  });

  it("carries an unsettled item over while the panel is still moving", () => {
    expect(decideItemOutcome({ verdicts: [agreeing, split], stable: false })).toBe("CARRIED_OVER");
  });

  it("closes an item as dissent when the panel is stable without consensus", () => {
    expect(decideItemOutcome({ verdicts: [agreeing, split], stable: true })).toBe("DISSENT");
  });

  it("does not count a consensus on the middle of the scale, or a mixed direction, as a decision", () => {
    expect(decideItemOutcome({ verdicts: [middling], stable: false })).toBe("CARRIED_OVER");
    expect(decideItemOutcome({ verdicts: [middling], stable: true })).toBe("DISSENT");
    expect(decideItemOutcome({ verdicts: [agreeing, rejecting], stable: true })).toBe("DISSENT");
  });

  it("needs at least one verdict to find consensus", () => {
    expect(decideItemOutcome({ verdicts: [], stable: false })).toBe("CARRIED_OVER");
  });

  it("decides from real summaries end to end", () => {
    const rules: ConsensusRule[] = [{ kind: "IQR", max: 1 }, { kind: "AGREEMENT", band: [4, 5], min: 0.7 }];
    const accepted = evaluateRules(rules, five([4, 4, 5, 5, 5, 4, 3]));
    expect(decideItemOutcome({ verdicts: accepted, stable: false })).toBe("ACCEPTED");
    const rejected = evaluateRules([{ kind: "IQR", max: 1 }], five([1, 1, 2, 2, 1]));
    expect(decideItemOutcome({ verdicts: rejected, stable: false })).toBe("REJECTED");
  });
});

type Translate = (key: string, values: Record<string, string | number>) => string;

describe("verdict reasons in the reader's language", () => {
  const say = (messages: typeof en, verdict: RuleVerdict) =>
    (createTranslator({ locale: messages === zh ? "zh" : "en", messages, namespace: "rounds.verdictDetail" }) as unknown as Translate)(verdict.text!.key, verdict.text!.values);
  const cases: [ConsensusRule, number[], ScaleSummaryOptions][] = [
    [{ kind: "IQR", max: 1 }, [4, 4, 5, 5], FIVE],
    [{ kind: "IQR", max: 1 }, [1, 2, 4, 5], FIVE],
    [{ kind: "AGREEMENT", band: [4, 5], min: 0.7 }, [5, 5, 4, 1], FIVE],
    [{ kind: "AGREEMENT", band: [4, 5], min: 0.8 }, [5, 5, 4, 1], FIVE],
    [{ kind: "COMET_70_15" }, [8, 8, 9, 7, 8, 9, 7, 8, 9, 5], NINE],
    [{ kind: "COMET_70_15" }, [1, 2, 3, 1, 2, 3, 1, 8, 5, 2], NINE],
    [{ kind: "COMET_70_15" }, [1, 9, 5, 5], NINE],
    [ENGLISH_KERNAN_CV, [4, 4, 4, 4], FIVE],
    [ENGLISH_KERNAN_CV, [1, 1, 1, 5], FIVE],
    [{ kind: "RAND_UCLA" }, [1, 9, 1, 9], NINE],
    [{ kind: "RAND_UCLA" }, [7, 8, 7, 8], NINE],
    [{ kind: "RAND_UCLA" }, [4, 4, 5, 5], FIVE],
    [{ kind: "IQR", max: 1 }, [4], FIVE],
  ];

  it("say in English exactly what the stored English detail says", () => {
    for (const [rule, answers, options] of cases) {
      const verdict = evaluateRule(rule, summariseScale(answers, options));
      expect(say(en, verdict), verdict.detail).toBe(verdict.detail);
    }
  });

  it("say it in Chinese with the same figures", () => {
    const iqr = evaluateRule({ kind: "IQR", max: 1 }, five([1, 2, 4, 5]));
    expect(say(zh, iqr)).toBe("四分位距 2.5 > 1");
    const comet = evaluateRule({ kind: "COMET_70_15" }, nine([1, 2, 3, 1, 2, 3, 1, 8, 5, 2]));
    expect(say(zh, comet)).toBe("共识（排除）：10 % 同意，80 % 不同意");
    expect(say(zh, evaluateRule({ kind: "IQR", max: 1 }, five([4])))).toBe("n = 1；判定共识至少需要 2 份回答");
    for (const [rule, answers, options] of cases) {
      const text = say(zh, evaluateRule(rule, summariseScale(answers, options)));
      expect(text).toMatch(/[\u4e00-\u9fff]|^IPR/); // Chinese words, or the RAND/UCLA formula with a Chinese verdict after it
      expect(text).not.toMatch(/consensus|agree|answers|needs/);
    }
  });
});
