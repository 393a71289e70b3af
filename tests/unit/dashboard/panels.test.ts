// Network, hierarchy, country leadership, collaboration, watch-list and the experts' importance boxes.
import { describe, expect, it } from "vitest";
import { network } from "@/lib/dashboard/network";
import { hierarchy } from "@/lib/dashboard/hierarchy";
import { leadership, positionOf, STORED_COUNTRIES } from "@/lib/dashboard/leadership";
import { collaboration } from "@/lib/dashboard/collaboration";
import { watchList } from "@/lib/dashboard/watch-list";
import { distributionRange, importanceBoxes } from "@/lib/dashboard/importance";
import type { StoredStatistic } from "@/lib/delphi/feedback";
import type { Similarity } from "@/lib/dashboard/similarity";
import { theme } from "./factories";

const sim = (ids: string[], matrix: number[][]): Similarity => ({ ids, matrix, basis: "documents" });

describe("network", () => {
  const themes = [theme({ id: "a", figures: { volume: 3 } }), theme({ id: "b" }), theme({ id: "c" })];
  const s = sim(["a", "b", "c"], [[1, 0.3, 0.04], [0.3, 1, 0.05], [0.04, 0.05, 1]]);

  it("links the pairs whose similarity reaches the threshold when the set stores no links", () => {
    const result = network(themes, [], s);
    expect(result.basis).toBe("documents");
    expect(result.threshold).toBe(0.05);
    expect(result.edges).toEqual([{ source: "a", target: "b", weight: 0.3 }, { source: "b", target: "c", weight: 0.05 }]);
    expect(result.nodes.map((n) => [n.themeId, n.degree, n.volume])).toEqual([["a", 1, 3], ["b", 2, 10], ["c", 1, 10]]);
  });

  it("uses the stored links when there are some, one edge per pair with the larger weight", () => {
    const result = network(themes, [{ fromId: "c", toId: "a", weight: 0.2 }, { fromId: "a", toId: "c", weight: 0.7 }, { fromId: "a", toId: "zzz", weight: 1 }], s);
    expect(result.basis).toBe("links");
    expect(result.threshold).toBeNull();
    expect(result.edges).toEqual([{ source: "a", target: "c", weight: 0.7 }]);
  });
});

describe("hierarchy", () => {
  it("clusters themes into areas named after their largest themes when the set has no areas", () => {
    const themes = [
      theme({ id: "a", label: "fuel cell · membrane", figures: { volume: 5 } }),
      theme({ id: "b", label: "hydrogen · electrolyser", figures: { volume: 7 } }),
      theme({ id: "c", label: "qubit · error", figures: { volume: 4 } }),
      theme({ id: "d", label: "ion trap · gate", figures: { volume: 1 } }),
    ];
    const s = sim(["a", "b", "c", "d"], [[1, 0.8, 0.1, 0.2], [0.8, 1, 0.3, 0.2], [0.1, 0.3, 1, 0.6], [0.2, 0.2, 0.6, 1]]);
    const result = hierarchy(themes, [], s);
    expect(result.basis).toBe("clustering");
    expect(result.areaCount).toBe(2);
    expect(result.root.value).toBe(17);
    expect(result.root.children!.map((c) => [c.name, c.value, c.children!.map((t) => t.themeId)])).toEqual([
      ["hydrogen / fuel cell", 12, ["b", "a"]],
      ["qubit / ion trap", 5, ["c", "d"]],
    ]);
  });

  it("follows the stored area tree and gathers themes without an area", () => {
    const themes = [theme({ id: "a", areaId: "child", figures: { volume: 2 } }), theme({ id: "b", areaId: "top", figures: { volume: 3 } }), theme({ id: "c", figures: { volume: 1 } })];
    const areas = [
      { id: "top", parentId: null, label: "Energy", labelZh: "能源" },
      { id: "child", parentId: "top", label: "Hydrogen", labelZh: null },
    ];
    const result = hierarchy(themes, areas, sim([], []));
    expect(result.basis).toBe("areas");
    const [energy, unassigned] = result.root.children!;
    expect(energy).toMatchObject({ key: "area:top", name: "Energy", nameZh: "能源", value: 5 });
    expect(energy.children!.map((c) => c.key)).toEqual(["theme:b", "area:child"]);
    expect(unassigned).toMatchObject({ key: "unassigned", value: 1 });
  });
});

describe("country leadership", () => {
  it("finds the leader and the home country's position: leading, alongside (≥ 75 % of the leader), following, absent", () => {
    const themes = [
      theme({ id: "lead", figures: { countries: [{ country: "CN", share: 0.5 }, { country: "US", share: 0.3 }] } }),
      theme({ id: "along", figures: { countries: [{ country: "US", share: 0.4 }, { country: "CN", share: 0.3 }] } }),
      theme({ id: "follow", figures: { countries: [{ country: "US", share: 0.6 }, { country: "DE", share: 0.2 }, { country: "CN", share: 0.1 }] } }),
      theme({ id: "absent", figures: { countries: [{ country: "US", share: 1 }] } }),
    ];
    const result = leadership(themes, "cn");
    expect(result.homeCountry).toBe("CN");
    expect(result.rows.map((r) => [r.themeId, r.leader?.country, r.home?.position, r.home?.rank])).toEqual([
      ["lead", "CN", "leading", 1],
      ["along", "US", "alongside", 2],
      ["follow", "US", "following", 3],
      ["absent", "US", "absent", null],
    ]);
    expect(result.rows[3].home!.share).toBe(0);
    expect(result.countries[0]).toBe("US");
  });

  it("says following, not absent, when the home country may be below the stored countries", () => {
    expect(positionOf(null, 0.3, null, true)).toBe("following");
    expect(positionOf(null, 0.3, null, false)).toBe("absent");
    const many = Array.from({ length: STORED_COUNTRIES }, (_, i) => ({ country: `A${String.fromCharCode(65 + i)}`, share: 0.04 }));
    const result = leadership([theme({ figures: { countries: many } })], "CN");
    expect(result.rows[0].home).toMatchObject({ share: null, position: "following" });
  });

  it("has no home column without a home country", () => {
    expect(leadership([theme({ figures: { countries: [{ country: "US", share: 1 }] } })], null).rows[0].home).toBeNull();
  });
});

describe("collaboration", () => {
  it("reports each theme's shares and a study line weighted by the eligible volume", () => {
    const themes = [
      theme({ id: "a", figures: { international: 0.5, crossSector: 0.1, eligible: 30, effectiveCountries: 3 } }),
      theme({ id: "b", figures: { international: 0.1, crossSector: null, eligible: 10 } }),
    ];
    const result = collaboration(themes);
    expect(result.rows.map((r) => [r.themeId, r.international, r.crossSector, r.countries])).toEqual([["a", 0.5, 0.1, 3], ["b", 0.1, null, null]]);
    expect(result.study.international).toBeCloseTo((0.5 * 30 + 0.1 * 10) / 40, 12);
    expect(result.study.crossSector).toBeCloseTo(0.1, 12);
  });
});

describe("watch-list", () => {
  const thresholds = { emergingScoreMin: 1.5, weakSignal: { growthMin: 0.5, volumeMax: 30 } };

  it("lists the themes crossing a threshold with why, and flags the applied ones as possibly disruptive", () => {
    const themes = [
      theme({ id: "quiet", figures: { score: 0.8, growth: 0.1, volume: 100 } }),
      theme({ id: "lab", figures: { score: 1.8, growth: 0.2, volume: 80, leadingPhase: "science" } }),
      theme({ id: "applied", figures: { score: 2.2, growth: 0.9, volume: 12, leadingPhase: "technology", relative: 3 } }),
    ];
    const result = watchList(themes, thresholds);
    expect(result.map((e) => [e.themeId, e.flags])).toEqual([
      ["applied", ["emerging", "weak_signal", "disruptive"]],
      ["lab", ["emerging"]],
    ]);
    expect(result[0].reasons).toEqual([
      { rule: "emerging_score", figures: { emergingScore: 2.2 }, threshold: { emergingScoreMin: 1.5 } },
      { rule: "weak_signal", figures: { growth: 0.9, volume: 12 }, threshold: { growthMin: 0.5, volumeMax: 30 } },
      { rule: "disruptive", phase: "technology", figures: { relative: 3 } },
    ]);
  });

  it("is empty when the rules are off", () => {
    expect(watchList([theme({ figures: { score: 9, growth: 9, volume: 1 } })], { emergingScoreMin: null, weakSignal: null })).toEqual([]);
  });
});

describe("importance boxes", () => {
  const stat = (itemId: string, over: Partial<StoredStatistic>): StoredStatistic => ({
    itemId, questionId: "q", subgroup: "all", n: 6, dontKnow: 1, distribution: { "2": 1, "4": 3, "5": 2 }, mean: 4, sd: 1, median: 4, q1: 4, q3: 5, iqr: 1, cv: 0.25,
    agreement: 0.8, importanceIndex: 80, quantileMethod: "hyndman-fan-7", consensus: {}, suppressed: false, ...over,
  });
  const item = (itemId: string, position: number) => ({ itemId, title: `Item ${itemId}`, titleZh: null, themeId: null, position });

  it("draws min, Q1, median, Q3 and max, and withholds what is below the minimum n", () => {
    const boxes = importanceBoxes([item("b", 1), item("a", 0), item("c", 2)], [stat("a", {}), stat("b", { suppressed: true, n: 2 }), stat("c", { subgroup: "sector:ACADEMIA" })], "q");
    expect(boxes.map((b) => [b.itemId, b.box, b.withheld, b.n])).toEqual([
      ["a", [2, 4, 4, 5, 5], false, 6],
      ["b", null, true, 2],
      ["c", null, false, null],
    ]);
  });

  it("reads the range of a distribution, ignoring zero counts and non-numbers", () => {
    expect(distributionRange({ "1": 0, "3": 2, "5": 1, dont_know: 4 })).toEqual([3, 5]);
    expect(distributionRange({})).toBeNull();
  });
});
