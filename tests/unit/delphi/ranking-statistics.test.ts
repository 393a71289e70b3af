import { describe, expect, it } from "vitest";
import { completeRanking, summariseRankings } from "@/lib/delphi/ranking-statistics";

describe("completeRanking", () => {
  it("ties the items left out at the end, as one group or a single item", () => {
    expect(completeRanking(["b"], ["a", "b", "c"])).toEqual(["b", ["a", "c"]]);
    expect(completeRanking(["b", "a"], ["a", "b", "c"])).toEqual(["b", "a", "c"]);
    expect(completeRanking(["c", "a", "b"], ["a", "b", "c"])).toEqual(["c", "a", "b"]);
  });
});

describe("summariseRankings", () => {
  it("counts selections and places, averages ranks with left-out items at their shared place, and takes W tie-corrected", () => {
    // Rank sums a 5, b 8, c 11.5, d 15.5 (mean 10): S = 61.5; one tie of two (T = 6);
    // W = 12·61.5 / (4²·(4³ − 4) − 4·6) = 738 / 936 (Kendall & Babington Smith; = friedman.test in R).
    const s = summariseRankings(["a", "b", "c", "d"], [["a", "b", "c"], ["a", "c", "b"], ["b", "a"], ["a", "b", "c"]]);
    expect(s.rankings).toBe(4);
    expect(s.kendallW?.w).toBeCloseTo(738 / 936, 12);
    expect(s.kendallW?.df).toBe(3);
    expect(s.items).toEqual([
      { itemId: "a", selected: 4, meanRank: 1.25, places: { 1: 3, 2: 1 } },
      { itemId: "b", selected: 4, meanRank: 2, places: { 1: 1, 2: 2, 3: 1 } },
      { itemId: "c", selected: 3, meanRank: 2.875, places: { 2: 1, 3: 2 } },
      { itemId: "d", selected: 0, meanRank: 3.875, places: {} },
    ]);
    const meanRankTotal = s.items.reduce((sum, i) => sum + (i.meanRank as number), 0);
    expect(meanRankTotal).toBeCloseTo((4 * 5) / 2, 12);
  });

  it("gives W = 1 when every expert ranks alike and no W for a single ranking", () => {
    expect(summariseRankings(["a", "b", "c"], [["c", "a"], ["c", "a"], ["c", "a"]]).kendallW?.w).toBeCloseTo(1, 12);
    const one = summariseRankings(["a", "b"], [["a"]]);
    expect(one.kendallW).toBeNull();
    expect(one.items[1]).toEqual({ itemId: "b", selected: 0, meanRank: 2, places: {} });
    expect(summariseRankings(["a", "b"], []).items[0].meanRank).toBeNull();
  });
});
