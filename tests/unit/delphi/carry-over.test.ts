import { describe, expect, it } from "vitest";
import { planCarryOver, type PreviousItem } from "@/lib/delphi/carry-over";
import { compareLineage, type LineageTheme } from "@/lib/curation/lineage";

const theme = (id: string, label: string, originIds: string[] = [], labelZh: string | null = null): LineageTheme => ({ id, label, labelZh, originIds });
const item = (id: string, themeId: string | null, outcome: string): PreviousItem => ({ id, themeId, outcome });
const summary = (plan: ReturnType<typeof planCarryOver>) =>
  plan.items.map((p) => (p.kind === "carry" ? `carry ${p.previous.id}${p.themeId ? `→${p.themeId}` : ""}` : `${p.change} ${p.themeId}${p.previousId ? `←${p.previousId}` : ""}`));

const v1 = [theme("t1", "One"), theme("t2", "Two"), theme("t3", "Three")];
const previous = [item("i1", "t1", "CARRIED_OVER"), item("i2", "t2", "ACCEPTED"), item("i3", "t3", "CARRIED_OVER"), item("i4", null, "CARRIED_OVER"), item("i5", null, "DISSENT")];

describe("planCarryOver", () => {
  it("on the same theme set carries exactly the items without consensus, in their order", () => {
    const plan = planCarryOver(previous, compareLineage([v1]));
    expect(summary(plan)).toEqual(["carry i1→t1", "carry i3→t3", "carry i4"]);
    expect(plan.usesNewThemeSet).toBe(true);
  });

  it("moves unchanged items to their successor and asks relabelled, merged and split themes anew", () => {
    const v2 = [theme("n1", "One", ["t1"]), theme("n2", "Two renamed", ["t2"]), theme("n3a", "Three a", ["t3"]), theme("n3b", "Three b", ["t3"])];
    expect(summary(planCarryOver(previous, compareLineage([v1, v2])))).toEqual(["carry i1→n1", "carry i4", "relabelled n2←i2", "split n3a←i3", "split n3b←i3"]);
    const merged = [theme("m", "One and two", ["t1", "t2"]), theme("n3", "Three", ["t3"])];
    expect(summary(planCarryOver(previous, compareLineage([v1, merged])))).toEqual(["carry i3→n3", "carry i4", "merged m"]);
  });

  it("follows several curation versions between two rounds", () => {
    const v2 = [theme("a1", "One", ["t1"]), theme("a2", "Two", ["t2"]), theme("a3", "Three", ["t3"])];
    const v3 = [theme("b1", "One", ["a1"]), theme("b2", "Deux", ["a2"]), theme("b3", "Three", ["a3"])];
    expect(summary(planCarryOver(previous, compareLineage([v1, v2, v3])))).toEqual(["carry i1→b1", "carry i3→b3", "carry i4", "relabelled b2←i2"]);
  });

  it("drops an item whose theme curation deleted, and asks a new theme", () => {
    const v2 = [theme("n1", "One", ["t1"]), theme("n9", "Brand new")];
    expect(summary(planCarryOver(previous, compareLineage([v1, v2])))).toEqual(["carry i1→n1", "carry i4", "new n9"]);
  });

  it("without a lineage (a fresh scan) keeps the carried items' themes and the old set", () => {
    const plan = planCarryOver(previous, null);
    expect(summary(plan)).toEqual(["carry i1", "carry i3", "carry i4"]);
    expect(plan.usesNewThemeSet).toBe(false);
  });

  it("counts a changed Chinese label as a relabel", () => {
    const v2 = [theme("n1", "One", ["t1"], "一"), theme("n2", "Two", ["t2"]), theme("n3", "Three", ["t3"])];
    expect(summary(planCarryOver(previous, compareLineage([v1, v2])))).toEqual(["carry i3→n3", "carry i4", "relabelled n1←i1"]);
  });
});
