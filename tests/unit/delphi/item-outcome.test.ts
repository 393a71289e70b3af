import { describe, expect, it } from "vitest";
import { isStable, itemOutcome } from "@/lib/delphi/item-outcome";
import type { RuleVerdict } from "@/lib/delphi/consensus";

const consensus = (median: RuleVerdict["median"]): RuleVerdict => ({ rule: "IQR", verdict: "consensus", detail: "", median });
const none: RuleVerdict = { rule: "IQR", verdict: "no_consensus", detail: "", median: "neither" };
const steady = { percentChange: 0.05, wilcoxonP: 0.8, pairs: 6 };

describe("itemOutcome", () => {
  it("accepts or rejects on consensus by the median's band", () => {
    expect(itemOutcome([{ n: 6, verdicts: [consensus("agree"), consensus("agree")], stability: null }], 5)).toBe("ACCEPTED");
    expect(itemOutcome([{ n: 6, verdicts: [consensus("disagree")], stability: null }], 5)).toBe("REJECTED");
  });

  it("does not let fewer answers than the minimum n decide", () => {
    expect(itemOutcome([{ n: 4, verdicts: [consensus("agree")], stability: null }], 5)).toBe("CARRIED_OVER");
    expect(itemOutcome([{ n: 4, verdicts: [consensus("agree")], stability: steady }], 5)).toBe("DISSENT");
  });

  it("carries over without consensus until stable, then closes as dissent", () => {
    expect(itemOutcome([{ n: 6, verdicts: [none], stability: null }], 5)).toBe("CARRIED_OVER");
    expect(itemOutcome([{ n: 6, verdicts: [none], stability: steady }], 5)).toBe("DISSENT");
    expect(itemOutcome([{ n: 6, verdicts: [none], stability: { ...steady, percentChange: 0.2 } }], 5)).toBe("CARRIED_OVER");
  });

  it("ignores questions without rules and never decides without any rule", () => {
    expect(itemOutcome([{ n: 6, verdicts: [consensus("agree")], stability: null }, { n: 0, verdicts: [], stability: null }], 5)).toBe("ACCEPTED");
    expect(itemOutcome([{ n: 6, verdicts: [], stability: steady }], 5)).toBe("CARRIED_OVER");
  });
});

describe("isStable", () => {
  it("needs percentage change below 15 % and no significant Wilcoxon shift", () => {
    expect(isStable(steady)).toBe(true);
    expect(isStable({ ...steady, percentChange: 0.15 })).toBe(false);
    expect(isStable({ ...steady, wilcoxonP: 0.05 })).toBe(false);
    expect(isStable({ ...steady, wilcoxonP: null, pairs: 0 })).toBe(true);
    expect(isStable(null)).toBe(false);
  });
});
