import { describe, expect, it } from "vitest";
import { missingRationales, outsidePreviousIqr } from "@/lib/delphi/rationale";

const spreads = [
  { itemId: "i1", questionKey: "importance", q1: 3, q3: 4 },
  { itemId: "i1", questionKey: "realisation_year", q1: 2030, q3: 2035 },
];
const answer = (questionKey: string, numeric: number | null, dontKnow = false) => ({ itemId: "i1", questionKey, numeric, dontKnow });

describe("outsidePreviousIqr", () => {
  it("flags answers strictly outside [Q1, Q3], for scales and years alike", () => {
    const answers = [answer("importance", 5), answer("importance", 3), answer("realisation_year", 2029), answer("realisation_year", 2035)];
    expect(outsidePreviousIqr(answers, spreads)).toEqual([
      { itemId: "i1", questionKey: "importance", value: 5, q1: 3, q3: 4 },
      { itemId: "i1", questionKey: "realisation_year", value: 2029, q1: 2030, q3: 2035 },
    ]);
  });

  it("never flags don't know, non-numeric answers, or questions without a published range", () => {
    expect(outsidePreviousIqr([answer("importance", null, true), answer("realisation_year", null), answer("rd_position", 1), { ...answer("importance", 1), itemId: "i2" }], spreads)).toEqual([]);
  });
});

describe("missingRationales", () => {
  it("keeps only the outside answers of items without a rationale", () => {
    const outside = outsidePreviousIqr([answer("importance", 1), { ...answer("importance", 5), itemId: "i2" }], [...spreads, { itemId: "i2", questionKey: "importance", q1: 1, q3: 2 }]);
    expect(missingRationales(outside, new Set(["i1"])).map((o) => o.itemId)).toEqual(["i2"]);
    expect(missingRationales(outside, new Set())).toHaveLength(2);
  });
});
