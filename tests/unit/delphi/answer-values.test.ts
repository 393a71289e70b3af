import { describe, expect, it } from "vitest";
import { answerValue, ZAnswerInput } from "@/lib/delphi/answer-values";
import { parseQuestion } from "@/lib/delphi/question-config";
import { DEFAULT_ITEM_BLOCK } from "@/lib/delphi/default-item-block";

const question = (key: string) => {
  const t = DEFAULT_ITEM_BLOCK.find((q) => q.key === key)!;
  return parseQuestion({ id: `q-${key}`, ...t });
};
const value = (key: string, input: Record<string, unknown>) => answerValue(question(key), ZAnswerInput.parse({ itemId: "i", questionKey: key, ...input }));

describe("answerValue", () => {
  it("keeps a scale value, a choice with its level, ticks in option order, a year or its alternatives, and text", () => {
    expect(value("importance", { value: 4 })).toEqual({ numeric: 4, choice: null, choices: [], text: null, dontKnow: false });
    expect(value("familiarity", { choice: "somewhat" })).toMatchObject({ choice: "somewhat", numeric: 2 });
    expect(value("rd_position", { choice: "leading" })).toMatchObject({ choice: "leading", numeric: 3 });
    expect(value("constraints", { choices: ["talent", "technical"] })).toMatchObject({ choices: ["technical", "talent"] });
    expect(value("realisation_year", { value: new Date().getUTCFullYear() + 10 })).toMatchObject({ numeric: new Date().getUTCFullYear() + 10, choice: null });
    expect(value("application_year", { choice: "already" })).toMatchObject({ numeric: null, choice: "already" });
    expect(value("rationale", { text: "  Because.  " })).toMatchObject({ text: "Because." });
    expect(value("importance", { dontKnow: true })).toEqual({ numeric: null, choice: null, choices: [], text: null, dontKnow: true });
  });

  it("turns an explicit clear or an empty text into a removal", () => {
    expect(value("importance", { clear: true })).toBe("clear");
    expect(value("rationale", { text: "   " })).toBe("clear");
  });

  it.each([
    ["importance", { value: 6 }],
    ["importance", { value: 3.5 }],
    ["importance", {}],
    ["familiarity", { dontKnow: true }],
    ["familiarity", { choice: "unknown" }],
    ["constraints", { choices: [] }],
    ["constraints", { choices: ["cost", "cost"] }],
    ["leading_countries", { choices: ["US", "CN", "JP", "KR"] }],
    ["realisation_year", { value: 1999 }],
    ["realisation_year", { choice: "someday" }],
    ["rationale", { text: "x".repeat(2001) }],
  ])("refuses %s %j as invalid", (key, input) => {
    expect(() => value(key, input)).toThrow(expect.objectContaining({ code: "invalid" }));
  });
});
