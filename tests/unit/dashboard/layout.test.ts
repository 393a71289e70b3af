// The topic map's geometry and the clustering behind the hierarchy, checked against hand results.
import { describe, expect, it } from "vitest";
import { classicalMds, topEigen } from "@/lib/dashboard/mds";
import { averageLinkage, cutTree, defaultAreaCount } from "@/lib/dashboard/clustering";
import { chordDistance, topicMap } from "@/lib/dashboard/topic-map";
import { documentCosine, termCosine, themeSimilarity } from "@/lib/dashboard/similarity";
import { theme } from "./factories";

const distance = (p: number[], q: number[]) => Math.hypot(...p.map((x, i) => x - q[i]));

describe("classical MDS", () => {
  it("finds the eigenpairs of [[2, 1], [1, 2]]: 3 along (1, 1) and 1 along (1, −1)", () => {
    const [first, second] = topEigen([[2, 1], [1, 2]], 2);
    expect(first.value).toBeCloseTo(3, 10);
    expect(first.vector[0]).toBeCloseTo(Math.SQRT1_2, 8);
    expect(first.vector[1]).toBeCloseTo(Math.SQRT1_2, 8);
    expect(second.value).toBeCloseTo(1, 10);
    expect(Math.abs(second.vector[0])).toBeCloseTo(Math.SQRT1_2, 8);
    expect(second.vector[0]).toBeCloseTo(-second.vector[1], 8);
  });

  it("reproduces the distances of a planar configuration exactly (a 3-4-5 triangle and a point inside)", () => {
    const points = [[0, 0], [3, 0], [0, 4], [1, 1]];
    const d = points.map((p) => points.map((q) => distance(p, q)));
    const x = classicalMds(d, 2);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(distance(x[i], x[j])).toBeCloseTo(d[i][j], 8);
    // Centred at the origin, as Torgerson's solution is.
    expect(x.reduce((s, p) => s + p[0], 0)).toBeCloseTo(0, 10);
    expect(x.reduce((s, p) => s + p[1], 0)).toBeCloseTo(0, 10);
  });

  it("is deterministic and does not change its input", () => {
    const d = [[0, 1, 2], [1, 0, 1.5], [2, 1.5, 0]];
    const copy = d.map((r) => [...r]);
    expect(classicalMds(d)).toEqual(classicalMds(d));
    expect(d).toEqual(copy);
  });

  it("puts one point at the origin and handles no points", () => {
    expect(classicalMds([[0]])).toEqual([[0, 0]]);
    expect(classicalMds([])).toEqual([]);
  });
});

describe("similarity", () => {
  it("is the cosine of the document weights", () => {
    const m = documentCosine(["a", "b", "c"], new Map([["a", 4], ["b", 1], ["c", 0]]), [{ a: "a", b: "b", dot: 1 }, { a: "a", b: "c", dot: 0 }]);
    expect(m).toEqual([[1, 0.5, 0], [0.5, 1, 0], [0, 0, 1]]);
  });

  it("is the cosine of the top-term φ vectors when the set has no weights", () => {
    const themes = [theme({ terms: [["x", 3], ["y", 4]] }), theme({ terms: [["x", 1]] }), theme({ terms: [["z", 1]] })];
    const m = termCosine(themes);
    expect(m[0][1]).toBeCloseTo(0.6, 12);
    expect(m[0][2]).toBe(0);
    const chosen = themeSimilarity(themes, { squares: new Map(), products: [] });
    expect(chosen.basis).toBe("terms");
    expect(themeSimilarity(themes, { squares: new Map([[themes[0].id, 1]]), products: [] }).basis).toBe("documents");
  });
});

describe("topic map", () => {
  it("places similar themes closer than dissimilar ones, at the chord distance √(2(1 − s))", () => {
    const themes = [theme({ id: "a" }), theme({ id: "b" }), theme({ id: "c" })];
    const matrix = [[1, 0.9, 0.1], [0.9, 1, 0.2], [0.1, 0.2, 1]];
    const map = topicMap(themes, { ids: ["a", "b", "c"], matrix, basis: "documents" });
    const at = Object.fromEntries(map.points.map((p) => [p.themeId, [p.x, p.y]]));
    // Three points always embed in a plane, so the distances come back exactly (to the 6 decimals kept).
    expect(distance(at.a, at.b)).toBeCloseTo(chordDistance(0.9), 5);
    expect(distance(at.a, at.c)).toBeCloseTo(chordDistance(0.1), 5);
    expect(distance(at.b, at.c)).toBeCloseTo(chordDistance(0.2), 5);
    expect(map.points.map((p) => p.volume)).toEqual([10, 10, 10]);
    expect(map.points.map((p) => p.nearest)).toEqual([{ themeId: "b", similarity: 0.9 }, { themeId: "a", similarity: 0.9 }, { themeId: "b", similarity: 0.2 }]);
  });
});

describe("average-linkage clustering", () => {
  it("merges the closest pair first and averages the pairwise similarities", () => {
    expect(averageLinkage([[1, 0.9, 0.1], [0.9, 1, 0.2], [0.1, 0.2, 1]])).toEqual([
      { left: 0, right: 1, similarity: 0.9, size: 2 },
      { left: 2, right: 3, similarity: expect.closeTo(0.15, 12), size: 3 },
    ]);
  });

  it("matches UPGMA by hand on four themes and cuts into the asked number of areas", () => {
    // a–b 0.8 and c–d 0.6 first; then {a,b}–{c,d} = mean(0.1, 0.2, 0.3, 0.2) = 0.2.
    const s = [
      [1, 0.8, 0.1, 0.2],
      [0.8, 1, 0.3, 0.2],
      [0.1, 0.3, 1, 0.6],
      [0.2, 0.2, 0.6, 1],
    ];
    const merges = averageLinkage(s);
    expect(merges.map((m) => [m.left, m.right, m.size])).toEqual([[0, 1, 2], [2, 3, 2], [4, 5, 4]]);
    expect(merges[2].similarity).toBeCloseTo(0.2, 12);
    expect(cutTree(merges, 4, 2)).toEqual([0, 0, 1, 1]);
    expect(cutTree(merges, 4, 1)).toEqual([0, 0, 0, 0]);
    expect(cutTree(merges, 4, 4)).toEqual([0, 1, 2, 3]);
  });

  it("breaks ties by the lowest indices, so equal similarities give the same tree every time", () => {
    const s = [[1, 0.5, 0.5], [0.5, 1, 0.5], [0.5, 0.5, 1]];
    expect(averageLinkage(s)[0]).toMatchObject({ left: 0, right: 1 });
  });

  it("cuts K themes into √K areas by default", () => {
    expect([1, 4, 10, 702].map(defaultAreaCount)).toEqual([1, 2, 3, 26]);
  });
});

describe("SMACOF", () => {
  it("keeps an exact layout exact and lowers the stress of a classical one", async () => {
    const { smacof, stress } = await import("@/lib/dashboard/mds");
    const points = [[0, 0], [3, 0], [0, 4], [1, 1]];
    const d = points.map((p) => points.map((q) => distance(p, q)));
    expect(stress(d, smacof(d, classicalMds(d)))).toBeLessThan(1e-12);
    // Ten themes, nine of them hardly related and one pair very close: classical MDS spends an axis on the pair.
    const n = 10;
    const s = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : (i === 0 && j === 1) || (i === 1 && j === 0) ? 0.87 : 0.02 + 0.01 * ((i * j) % 5))));
    const chord = s.map((row) => row.map(chordDistance));
    const start = classicalMds(chord);
    const improved = smacof(chord, start);
    expect(stress(chord, improved)).toBeLessThan(stress(chord, start));
    expect(smacof(chord, start)).toEqual(improved);
    // The close pair stays closer than any other pair.
    const pair = distance(improved[0], improved[1]);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (i + j > 1) expect(distance(improved[i], improved[j])).toBeGreaterThan(pair);
  });
});
