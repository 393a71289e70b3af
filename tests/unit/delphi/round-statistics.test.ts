import { describe, expect, it } from "vitest";
import { computeRoundStatistics, type StatAnswer } from "@/lib/delphi/round-statistics";
import { summariseScale } from "@/lib/delphi/statistics";
import { compareRounds } from "@/lib/delphi/stability";
import { parseQuestion } from "@/lib/delphi/question-config";
import { DEFAULT_ITEM_BLOCK } from "@/lib/delphi/default-item-block";

const questions = DEFAULT_ITEM_BLOCK.filter((q) => q.kind !== "TEXT").map((t) => parseQuestion({ id: t.key, ...t }));
const levels: Record<string, number> = { very_familiar: 4, familiar: 3, somewhat: 2, unfamiliar: 1 };
const scale = (expertId: string, numeric: number | null): StatAnswer => ({ itemId: "i", questionId: "importance", expertId, numeric, choice: null, choices: [], dontKnow: numeric === null });
const familiar = (expertId: string, choice: string): StatAnswer => ({ itemId: "i", questionId: "familiarity", expertId, numeric: levels[choice], choice, choices: [], dontKnow: false });

const base = { items: [{ id: "i" }], questions, rules: [{ kind: "IQR" as const, max: 1, questionKey: "importance" }], previous: new Map() };

describe("computeRoundStatistics", () => {
  it("stores summariseScale's numbers for scale questions, with the rules judged and don't know apart", () => {
    const values = [4, 5, 3, 4, 2];
    const answers = [...values.map((v, e) => scale(`e${e}`, v)), scale("e9", null)];
    const rows = computeRoundStatistics({ ...base, answers, sectorOf: new Map(), minN: 3 });
    const all = rows.find((r) => r.questionId === "importance" && r.subgroup === "all")!;
    const s = summariseScale(values, { min: 1, max: 5, agreeBand: [4, 5], disagreeBand: [1, 2], dontKnow: 1 });
    expect(all).toMatchObject({ n: s.n, dontKnow: 1, mean: s.mean, sd: s.sd, median: s.median, q1: s.q1, q3: s.q3, iqr: s.iqr, cv: s.cv, agreement: s.agreement, importanceIndex: s.importanceIndex, distribution: s.distribution, suppressed: false });
    expect(all.consensus.rules).toEqual([expect.objectContaining({ rule: "IQR", verdict: "consensus", detail: "IQR 1 ≤ 1" })]);
    expect(all.consensus.stability).toBeNull();
    // One overall row per question of the block but the rationale (text is not summarised).
    expect(rows.filter((r) => r.subgroup === "all").map((r) => r.questionId)).toEqual(questions.map((q) => q.id));
  });

  it("splits by sector and by the familiarity each expert gave for the item, withholding small groups", () => {
    const answers = [
      ...[5, 5, 4, 2, 1, 3].map((v, e) => scale(`e${e}`, v)),
      ...["very_familiar", "very_familiar", "very_familiar", "unfamiliar", "unfamiliar", "unfamiliar"].map((f, e) => familiar(`e${e}`, f)),
    ];
    const sectorOf = new Map([["e0", "ACADEMIA"], ["e1", "ACADEMIA"], ["e2", "ACADEMIA"], ["e3", "INDUSTRY"], ["e4", "INDUSTRY"], ["e5", "INDUSTRY"]]);
    const rows = computeRoundStatistics({ ...base, answers, sectorOf, minN: 3 }).filter((r) => r.questionId === "importance");
    expect(rows.map((r) => [r.subgroup, r.n, r.median, r.suppressed])).toEqual([
      ["all", 6, 3.5, false],
      ["sector:ACADEMIA", 3, 5, false],
      ["sector:INDUSTRY", 3, 2, false],
      ["familiarity:1", 3, 2, false],
      ["familiarity:4", 3, 5, false],
    ]);
    const tighter = computeRoundStatistics({ ...base, answers, sectorOf, minN: 4 }).filter((r) => r.questionId === "importance");
    expect(tighter.map((r) => r.suppressed)).toEqual([false, true, true, true, true]);
  });

  it("measures stability against the previous round's answers of the same experts", () => {
    const previous = new Map([["i", new Map([["importance", new Map([["e0", 2], ["e1", 3], ["e2", 5]])]])]]);
    const rows = computeRoundStatistics({ ...base, previous, answers: [scale("e0", 4), scale("e1", 3), scale("e2", 5), scale("e3", 4)], sectorOf: new Map(), minN: 1 });
    const expected = compareRounds({ previous: previous.get("i")!.get("importance")!, current: new Map([["e0", 4], ["e1", 3], ["e2", 5], ["e3", 4]]), range: { min: 1, max: 5 } });
    expect(rows.find((r) => r.questionId === "importance" && r.subgroup === "all")!.consensus.stability).toEqual(expected);
  });

  it("summarises years and choices without scale statistics", () => {
    const year = (expertId: string, numeric: number | null, choice: string | null = null): StatAnswer => ({ itemId: "i", questionId: "application_year", expertId, numeric, choice, choices: [], dontKnow: numeric === null && choice === null });
    const answers = [year("a", 2040), year("b", 2050), year("c", null, "never"), year("d", null)];
    const row = computeRoundStatistics({ ...base, answers, sectorOf: new Map(), minN: 1 }).find((r) => r.questionId === "application_year" && r.subgroup === "all")!;
    expect(row).toMatchObject({ n: 3, dontKnow: 1, median: 2045, q1: 2042.5, q3: 2047.5, iqr: 5, agreement: null, importanceIndex: null, distribution: { 2040: 1, 2050: 1, never: 1, already: 0 } });
    expect(row.consensus.rules).toEqual([]);
  });
});
