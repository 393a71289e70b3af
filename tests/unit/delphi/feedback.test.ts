import { describe, expect, it } from "vitest";
import { subgroupLabel, visibleStatistics, type StoredStatistic } from "@/lib/delphi/feedback";

const row = (subgroup: string, suppressed: boolean, questionId = "q"): StoredStatistic => ({
  itemId: "i", questionId, subgroup, n: 7, dontKnow: 1, distribution: { 1: 7 }, mean: 1, sd: 0, median: 1, q1: 1, q3: 1, iqr: 0, cv: 0,
  agreement: 0, importanceIndex: 0, quantileMethod: "hyndman-fan-7", consensus: { rules: [], stability: null }, suppressed,
});

describe("visibleStatistics", () => {
  const rows = [row("sector:INDUSTRY", true), row("familiarity:3", false), row("all", false), row("sector:ACADEMIA", false), row("all", true, "other")];

  it("shows staff the n of a withheld row and nothing else of it", () => {
    const [q, other] = visibleStatistics(rows, "staff");
    expect(q.overall).toMatchObject({ subgroup: "all", suppressed: false, median: 1, consensus: { rules: [] } });
    expect(q.subgroups).toEqual([expect.objectContaining({ subgroup: "sector:ACADEMIA", median: 1 }), { subgroup: "sector:INDUSTRY", suppressed: true, n: 7 }, expect.objectContaining({ subgroup: "familiarity:3" })]);
    expect(other.overall).toEqual({ subgroup: "all", suppressed: true, n: 7 });
  });

  it("does not even list a withheld subgroup to experts, nor the n of a withheld panel, nor the verdicts", () => {
    const [q, other] = visibleStatistics(rows, "expert");
    expect(q.subgroups.map((s) => s.subgroup)).toEqual(["sector:ACADEMIA", "familiarity:3"]);
    expect(q.overall).not.toHaveProperty("consensus");
    expect(other.overall).toEqual({ subgroup: "all", suppressed: true });
  });
});

describe("subgroupLabel", () => {
  it("names sectors and familiarity levels", () => {
    expect([subgroupLabel("all"), subgroupLabel("sector:GOVERNMENT"), subgroupLabel("familiarity:4")]).toEqual(["All experts", "Government", "Familiarity 4 (very familiar)"]);
  });
});
