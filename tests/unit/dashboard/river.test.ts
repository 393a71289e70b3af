import { describe, expect, it } from "vitest";
import { river, uniqueNames } from "@/lib/dashboard/river";
import { theme } from "./factories";

describe("river", () => {
  it("gives every theme one value per year from the first to the last, missing years as 0, largest layer first", () => {
    const a = theme({ id: "a", label: "alpha" });
    const b = theme({ id: "b", label: "beta" });
    const result = river([a, b], [
      { themeId: "a", year: 2020, volume: 1, documentCount: 1 },
      { themeId: "a", year: 2022, volume: 1.5, documentCount: 2 },
      { themeId: "b", year: 2021, volume: 4, documentCount: 4 },
    ]);
    expect(result.years).toEqual([2020, 2021, 2022]);
    expect(result.layers).toEqual([
      { themeId: "b", name: "beta", values: [0, 4, 0], total: 4 },
      { themeId: "a", name: "alpha", values: [1, 0, 1.5], total: 2.5 },
    ]);
  });

  it("leaves out years after untilYear and rows of themes not in the set", () => {
    const a = theme({ id: "a" });
    const result = river([a], [
      { themeId: "a", year: 2023, volume: 2, documentCount: 2 },
      { themeId: "a", year: 2031, volume: 9, documentCount: 9 },
      { themeId: "zzz", year: 2020, volume: 5, documentCount: 5 },
    ], { untilYear: 2025 });
    expect(result.years).toEqual([2023]);
    expect(result.layers[0].values).toEqual([2]);
  });

  it("is empty without statistics", () => {
    expect(river([theme()], [])).toEqual({ years: [], layers: [] });
  });

  it("names layers uniquely when two themes share a label", () => {
    const names = uniqueNames([{ id: "x", index: 0, label: "battery" }, { id: "y", index: 4, label: "battery" }, { id: "z", index: 2, label: "solar" }]);
    expect([...names.values()]).toEqual(["battery (#1)", "battery (#5)", "solar"]);
  });
});
