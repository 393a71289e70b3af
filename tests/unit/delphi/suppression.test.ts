import { describe, expect, it } from "vitest";
import { suppressedGroups } from "@/lib/delphi/suppression";

describe("suppressedGroups", () => {
  it("hides groups below the minimum n and nothing else when what is hidden already reaches it", () => {
    expect(suppressedGroups([{ key: "a", n: 6 }, { key: "b", n: 2 }, { key: "c", n: 3 }], 11, 5)).toEqual(new Set(["b", "c"]));
    expect(suppressedGroups([{ key: "a", n: 6 }, { key: "b", n: 5 }], 11, 5)).toEqual(new Set());
  });

  it("hides the smallest visible group too when the total minus the shown groups would reveal a hidden one", () => {
    expect(suppressedGroups([{ key: "a", n: 6 }, { key: "b", n: 5 }, { key: "c", n: 1 }], 12, 5)).toEqual(new Set(["c", "b"]));
  });

  it("counts experts outside every group of the family as hidden", () => {
    // 2 experts gave no familiarity: all − a − b would be their answers.
    expect(suppressedGroups([{ key: "a", n: 6 }, { key: "b", n: 5 }], 13, 5)).toEqual(new Set(["b"]));
    expect(suppressedGroups([{ key: "a", n: 6 }], 6, 5)).toEqual(new Set());
  });

  it("hides everything when even all together stay below the minimum", () => {
    expect(suppressedGroups([{ key: "a", n: 3 }, { key: "b", n: 3 }], 6, 7)).toEqual(new Set(["a", "b"]));
  });

  it("breaks ties between equal groups by key, so the result does not depend on input order", () => {
    const groups = [{ key: "y", n: 4 }, { key: "x", n: 4 }, { key: "z", n: 1 }];
    expect(suppressedGroups(groups, 9, 4)).toEqual(new Set(["z", "x"]));
    expect(suppressedGroups([...groups].reverse(), 9, 4)).toEqual(new Set(["z", "x"]));
  });
});
