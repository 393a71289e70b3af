// Consensus rules as the admin page and the reports describe them, in English and in Chinese, with the
// judged question's label in the reader's language.
import { describe, expect, it } from "vitest";
import { describeRule, toConsensusRule } from "@/lib/delphi/consensus-rules";
import { ruleText } from "@/lib/delphi/rule-text";
import { IMPORTANCE_QUESTION } from "@/lib/delphi/default-item-block";

const rule = (kind: string, params: object, questionKey = "importance") => toConsensusRule({ kind, questionKey, params });
const EN = IMPORTANCE_QUESTION.label;
const ZH = IMPORTANCE_QUESTION.labelZh;

describe("consensus rule descriptions", () => {
  const cases = [
    [rule("IQR", { max: 1 }), `IQR ≤ 1 (${EN})`, `四分位距 ≤ 1（${ZH}）`],
    [rule("AGREEMENT", { band: [4, 5], min: 0.7 }), `≥ 70 % in 4–5 (${EN})`, `≥ 70% 的回答在 4–5 之间（${ZH}）`],
    [rule("COMET_70_15", {}), `COMET 70/15 (${EN})`, `COMET 70/15 规则（${ZH}）`],
    [rule("CV_BAND", { good: 0.5, fair: 0.8 }), `CV ≤ 0.5 good, ≤ 0.8 fair (${EN})`, `变异系数 ≤ 0.5 为良好，≤ 0.8 为尚可（${ZH}）`],
    [rule("RAND_UCLA", {}), `RAND/UCLA disagreement index (${EN})`, `RAND/UCLA 分歧指数（${ZH}）`],
  ] as const;

  it.each(cases)("describe every rule kind in English and in Chinese (%#)", (r, english, chinese) => {
    const description = describeRule(r);
    expect(ruleText(description, "en")).toBe(english);
    expect(ruleText(description, "zh")).toBe(chinese);
  });

  it("take the label from the round's own item block before the default one", () => {
    const questions = [{ key: "importance", label: "Priority for the region", labelZh: "对本地区的优先程度" }];
    const description = describeRule(rule("IQR", { max: 1.5 }), questions);
    expect(description).toEqual({ kind: "IQR", questionKey: "importance", question: { label: "Priority for the region", labelZh: "对本地区的优先程度" }, values: { max: "1.5" } });
    expect(ruleText(description, "en")).toBe("IQR ≤ 1.5 (Priority for the region)");
    expect(ruleText(description, "zh")).toBe("四分位距 ≤ 1.5（对本地区的优先程度）");
  });

  it("fall back to the English label without a Chinese one, and to the key for a question no block asks", () => {
    const english = describeRule(rule("COMET_70_15", {}, "impact"), [{ key: "impact", label: "Impact", labelZh: null }]);
    expect(ruleText(english, "zh")).toBe("COMET 70/15 规则（Impact）");
    const unknown = describeRule(rule("IQR", { max: 2 }, "novelty"));
    expect(unknown.question).toBeNull();
    expect(ruleText(unknown, "en")).toBe("IQR ≤ 2 (novelty)");
    expect(ruleText(unknown, "zh")).toBe("四分位距 ≤ 2（novelty）");
  });

  it("show a description stored as text by an earlier report issue as it is", () => {
    expect(ruleText("IQR ≤ 1 (importance)", "zh")).toBe("IQR ≤ 1 (importance)");
  });
});
