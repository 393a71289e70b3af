import { describe, expect, it } from "vitest";
import { curationSettingsOf, majorityReached } from "@/lib/curation/curation-settings";

describe("majorityReached", () => {
  const rule = { minVotes: 3, minShare: 2 / 3 };
  it("needs both the minimum number of votes and the share", () => {
    expect(majorityReached({ support: 2, oppose: 0 }, rule)).toBe(false);
    expect(majorityReached({ support: 2, oppose: 1 }, rule)).toBe(true);
    expect(majorityReached({ support: 2, oppose: 2 }, rule)).toBe(false);
    expect(majorityReached({ support: 2, oppose: 1 }, { minVotes: 3, minShare: 0.6667 })).toBe(true);
  });
  it("never accepts when no rule is set", () => {
    expect(majorityReached({ support: 100, oppose: 0 }, null)).toBe(false);
  });
});

describe("curationSettingsOf", () => {
  it("reads study settings and falls back to admin-only acceptance", () => {
    expect(curationSettingsOf({ curation: { autoAccept: { minVotes: 2, minShare: 0.5 } } })).toEqual({ autoAccept: { minVotes: 2, minShare: 0.5 } });
    expect(curationSettingsOf({ curation: { autoAccept: { minVotes: 0, minShare: 0.5 } } })).toEqual({ autoAccept: null });
    expect(curationSettingsOf(null)).toEqual({ autoAccept: null });
  });
});
