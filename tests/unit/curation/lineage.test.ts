import { describe, expect, it } from "vitest";
import { agreementOf, compareLineage, type LineageTheme } from "@/lib/curation/lineage";

const t = (id: string, label: string, originIds: string[] = [], labelZh: string | null = null): LineageTheme => ({ id, label, labelZh, originIds });

describe("compareLineage", () => {
  const v1 = [t("a", "A"), t("b", "B"), t("c", "C"), t("d", "D"), t("e", "E")];
  // v2: a relabelled, b and c merged, d split, e deleted, and one new theme.
  const v2 = [t("a2", "Alpha", ["a"]), t("bc", "B+C", ["b", "c"]), t("d1", "D1", ["d"]), t("d2", "D2", ["d"]), t("n", "New")];

  it("names what happened to every theme between parent and child", () => {
    expect(compareLineage([v1, v2])).toEqual([
      { change: "relabelled", themeId: "a2", fromId: "a", label: "Alpha", previousLabel: "A" },
      { change: "merged", themeId: "bc", fromIds: ["b", "c"], label: "B+C", previousLabels: ["B", "C"] },
      { change: "split", themeId: "d1", fromId: "d", label: "D1", previousLabel: "D" },
      { change: "split", themeId: "d2", fromId: "d", label: "D2", previousLabel: "D" },
      { change: "new", themeId: "n", label: "New" },
      { change: "deleted", fromId: "e", previousLabel: "E" },
    ]);
  });

  it("follows copies across several versions and sees a relabel back as unchanged", () => {
    const w1 = [t("a", "A"), t("b", "B")];
    const w2 = [t("a2", "X", ["a"]), t("b2", "B", ["b"])];
    const w3 = [t("a3", "A", ["a2"]), t("b3", "B", ["b2"])];
    expect(compareLineage([w1, w2, w3]).map((c) => c.change)).toEqual(["unchanged", "unchanged"]);
    expect(compareLineage([w1, w2]).map((c) => c.change)).toEqual(["relabelled", "unchanged"]);
  });

  it("treats a Chinese label change as a relabel", () => {
    expect(compareLineage([[t("a", "A")], [t("a2", "A", ["a"], "甲")]])[0].change).toBe("relabelled");
  });

  it("calls a theme split and merged back 'changed', not unchanged", () => {
    const w1 = [t("a", "A")];
    const w2 = [t("p", "P", ["a"]), t("q", "Q", ["a"])];
    const w3 = [t("a3", "A", ["p", "q"])];
    expect(compareLineage([w1, w2, w3])[0]).toMatchObject({ change: "changed", fromId: "a" });
  });
});

describe("agreementOf", () => {
  it("is the share of machine themes that arrived unchanged", () => {
    const changes = compareLineage([
      [t("a", "A"), t("b", "B"), t("c", "C"), t("d", "D")],
      [t("a2", "A", ["a"]), t("b2", "Bee", ["b"]), t("c2", "C", ["c"])],
    ]);
    const agreement = agreementOf(4, changes);
    expect(agreement.share).toBe(0.5);
    expect(agreement.counts).toMatchObject({ unchanged: 2, relabelled: 1, deleted: 1 });
    expect(agreementOf(0, []).share).toBeNull();
  });
});
