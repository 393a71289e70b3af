import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  computeDelphiStats,
  parseDelphiStatsInput,
  type DelphiStatsInput,
} from "@/lib/delphi/stats-contract";
import { jsonDifferences } from "./json-diff";

const FIXTURES = new URL("../../fixtures/delphi-stats/", import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8"));

function parse(raw: unknown): DelphiStatsInput {
  const parsed = parseDelphiStatsInput(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return parsed.input;
}

function errorsFor(raw: unknown): string[] {
  const parsed = parseDelphiStatsInput(raw);
  return parsed.ok ? [] : parsed.errors;
}

/** One round on a 1–5 scale, answers given as [expert, item, value]. */
function fivePoint(...rounds: Array<Array<[string, string, number]>>) {
  return {
    scale: { min: 1, max: 5 },
    agreeBand: [4, 5],
    disagreeBand: [1, 2],
    rounds: rounds.map((answers, r) => ({
      round: r + 1,
      answers: answers.map(([expert, item, value]) => ({ expert, item, value })),
    })),
  };
}

// Inputs drawn with a seeded generator and outputs computed by the NumPy/SciPy reference
// (scripts/reference/make_delphi_stats_fixtures.py and delphi_stats.py; NumPy 2.4.6, SciPy 1.17.1).
describe("computeDelphiStats against the NumPy/SciPy reference", () => {
  it.each([
    "five-point-three-rounds",
    "nine-point-rand",
    "nine-point-tied-rankings",
    "bipolar-two-rounds",
    "seven-point-four-rounds",
  ])("reproduces %s to 1e-9", (name) => {
    const output = computeDelphiStats(parse(readJson(`${name}.input.json`)));
    const printed = JSON.parse(JSON.stringify(output));
    expect(jsonDifferences(printed, readJson(`${name}.expected.json`), 1e-9)).toEqual([]);
  });

  it("uses a comparison that notices a 1e-6 change, a missing field and a flipped flag", () => {
    const expected = readJson("nine-point-rand.expected.json");
    const perturbed = (change: (item: Record<string, unknown>) => void): string[] => {
      const output = computeDelphiStats(parse(readJson("nine-point-rand.input.json")));
      change(output.rounds[0].items[0] as Record<string, unknown>);
      return jsonDifferences(JSON.parse(JSON.stringify(output)), expected, 1e-9);
    };
    expect(perturbed(() => {})).toEqual([]);
    expect(perturbed((item) => void (item.mean = (item.mean as number) + 1e-6))).toEqual([
      expect.stringMatching(/^\$\.rounds\[0\]\.items\[0\]\.mean: /),
    ]);
    expect(perturbed((item) => void delete item.cv)).toEqual([expect.stringMatching(/expected keys/)]);
    expect(perturbed((item) => void (item.randDisagreement = !item.randDisagreement))).toEqual([
      expect.stringMatching(/randDisagreement: expected false, got true/),
    ]);
  });
});

describe("published worked examples", () => {
  it("matches the RAND/UCLA calculation of Basger, Chen & Moles (2012), Table 1", () => {
    // BMJ Open 2(5):e001431, doi:10.1136/bmjopen-2012-001431, Table 1, criterion one, round one:
    // 15 panellists, one rating below 7 three times, 7 five times, 8 five times, 9 twice. Published:
    // median 7.0, 30th percentile 7.0, 70th percentile 8.0, IPR 1.0, AI 2.5, IPRAS 6.1 (= 2.35 + 1.5·2.5),
    // no disagreement. Where the three low ratings sit does not change these figures; both placements
    // are checked.
    for (const low of [[4, 5, 6], [1, 2, 3]]) {
      const ratings = [...low, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 9, 9];
      const input = {
        scale: { min: 1, max: 9 },
        agreeBand: [7, 9],
        disagreeBand: [1, 3],
        rounds: [{ round: 1, answers: ratings.map((value, k) => ({ expert: `P${k + 1}`, item: "criterion 1", value })) }],
      };
      const [item] = computeDelphiStats(parse(input)).rounds[0].items;
      expect(item.n).toBe(15);
      expect(item.median).toBe(7);
      expect(item.ipr).toBeCloseTo(1, 12);
      expect(item.ipras).toBeCloseTo(6.1, 12);
      expect(item.randDisagreement).toBe(false);
    }
  });

  it("matches ProofWiki's worked example of Kendall's coefficient of concordance", () => {
    // ProofWiki, "Kendall's Coefficient of Concordance/Examples/Arbitrary Example 1": judges A–D rank
    // competitors X, Y, Z as (1, 3, 2), (1, 2, 3), (2, 3, 1), (3, 1, 2); rank sums 7, 9, 8; S = 2;
    // W = 12·2 / (4²·3·(3² − 1)) = 1/16. χ² = 4·2·W = 0.5 on 2 df; p = e^(−0.25) = 0.7788007830714049.
    const input = {
      ...fivePoint([]),
      rankings: [
        { expert: "A", order: ["X", "Z", "Y"] },
        { expert: "B", order: ["X", "Y", "Z"] },
        { expert: "C", order: ["Z", "X", "Y"] },
        { expert: "D", order: ["Y", "Z", "X"] },
      ],
    };
    const { kendallW } = computeDelphiStats(parse(input));
    expect(kendallW?.w).toBeCloseTo(1 / 16, 14);
    expect(kendallW?.chiSquare).toBeCloseTo(0.5, 14);
    expect(Math.abs((kendallW?.p ?? 0) - Math.exp(-0.25))).toBeLessThan(1e-12);
  });
});

describe("computeDelphiStats edge cases", () => {
  it("reports a single answer with null sd and cv, and leaves unanswered items out of a round", () => {
    const out = computeDelphiStats(parse(fivePoint([["e1", "a", 4], ["e2", "a", 5], ["e1", "b", 3]], [["e1", "a", 4]])));
    expect(out.rounds.map((r) => r.items.map((i) => i.item))).toEqual([["a", "b"], ["a"]]);
    expect(out.rounds[0].items[1]).toMatchObject({ n: 1, mean: 3, sd: null, cv: null, median: 3, iqr: 0 });
    expect(out.rounds[0].items[1]).not.toHaveProperty("ipr");
  });

  it("gives a null cv when the mean is 0 on a scale through zero", () => {
    const input = { ...fivePoint([["e1", "a", -1], ["e2", "a", 1], ["e3", "a", 0]]), scale: { min: -2, max: 2 }, agreeBand: [1, 2], disagreeBand: [-2, -1] };
    const [item] = computeDelphiStats(parse(input)).rounds[0].items;
    expect(item).toMatchObject({ mean: 0, sd: 1, cv: null });
  });

  it("pairs the rounds an item appears in, sorted by number, whatever order the file lists them", () => {
    const input = fivePoint([["e1", "a", 2], ["e2", "a", 3]], [["e1", "b", 5]], [["e1", "a", 4], ["e2", "a", 3]]);
    input.rounds.reverse();
    const out = computeDelphiStats(parse(input));
    expect(out.rounds.map((r) => r.round)).toEqual([1, 2, 3]);
    expect(out.stability).toEqual([
      { item: "a", fromRound: 1, toRound: 3, percentChange: 0.5, wilcoxonP: expect.any(Number) },
    ]);
    // One non-zero difference of +2: z = (1 − 0.5)/0.5 = 1, p = 2·(1 − Φ(1)) = 0.31731050786291415.
    expect(Math.abs((out.stability[0].wilcoxonP as number) - 0.31731050786291415)).toBeLessThan(1e-12);
  });

  it("omits kendallW without rankings and does not change its input", () => {
    const input = parse(fivePoint([["e2", "a", 5], ["e1", "a", 1]]));
    const copy = structuredClone(input);
    const out = computeDelphiStats(input);
    expect(out).not.toHaveProperty("kendallW");
    expect(input).toEqual(copy);
  });
});

describe("parseDelphiStatsInput", () => {
  it("names the answer whose value is off the scale", () => {
    const input = fivePoint([["e1", "a", 3]], [["e1", "a", 4], ["e2", "a", 4], ["e3", "a", 5], ["e4", "a", 7]]);
    expect(errorsFor(input)).toEqual(["rounds[1].answers[3].value: 7 is outside the scale 1–5"]);
    expect(errorsFor(fivePoint([["e1", "a", 2.5]]))).toEqual([
      "rounds[0].answers[0].value: 2.5 is not a whole-number category of the scale 1–5",
    ]);
  });

  it("refuses a second answer by the same expert to the same item in one round", () => {
    const input = fivePoint([["e1", "a", 3], ["e2", "a", 4], ["e1", "a", 5], ["e1", "b", 5]]);
    expect(errorsFor(input)).toEqual(['rounds[0].answers[2]: expert "e1" already answered item "a" in answers[0]']);
    expect(errorsFor(fivePoint([["e1", "a", 3]], [["e1", "a", 3]]))).toEqual([]);
  });

  it("names wrong types, missing fields and unknown keys by path", () => {
    const input = fivePoint([["e1", "a", 3]]) as Record<string, unknown>;
    (input.rounds as Array<{ answers: Array<Record<string, unknown>> }>)[0].answers[0].value = "3";
    delete input.disagreeBand;
    input.ranking = [];
    const errors = errorsFor(input);
    expect(errors).toContainEqual(expect.stringMatching(/^rounds\[0\]\.answers\[0\]\.value: .*expected number/));
    expect(errors).toContainEqual(expect.stringMatching(/^disagreeBand: /));
    expect(errors).toContainEqual(expect.stringMatching(/^input: .*"ranking"/));
    expect(errorsFor(null)).toEqual([expect.stringMatching(/^input: .*expected object/)]);
  });

  it("checks the scale and the bands", () => {
    expect(errorsFor({ ...fivePoint([]), scale: { min: 5, max: 1 } })).toEqual(["scale: min (5) must be below max (1)"]);
    expect(errorsFor({ ...fivePoint([]), scale: { min: 0, max: 1000 } })).toEqual([
      "scale: 0–1000 has more than 101 categories",
    ]);
    expect(errorsFor({ ...fivePoint([]), agreeBand: [5, 4], disagreeBand: [1, 6] })).toEqual([
      "agreeBand: [5, 4] must list its lower end first",
      "disagreeBand: [1, 6] reaches outside the scale 1–5",
    ]);
    expect(errorsFor({ ...fivePoint([]), disagreeBand: [1, 4] })).toEqual(["disagreeBand: [1, 4] overlaps agreeBand [4, 5]"]);
  });

  it("refuses a round number given twice and a file without rounds", () => {
    const input = fivePoint([], []);
    input.rounds[1].round = 1;
    expect(errorsFor(input)).toEqual(["rounds[1].round: round 1 is already rounds[0]"]);
    expect(errorsFor({ ...fivePoint(), rounds: [] })).toEqual([expect.stringMatching(/^rounds: /)]);
  });

  it("checks that the rankings can give a W", () => {
    const ranked = (...rankings: Array<[string, unknown[]]>) => ({
      ...fivePoint([]),
      rankings: rankings.map(([expert, order]) => ({ expert, order })),
    });
    expect(errorsFor(ranked(["a", ["x", "y"]]))).toEqual(["rankings: Kendall's W needs at least two rankings, got 1"]);
    expect(errorsFor(ranked(["a", ["x", "y"]], ["a", ["y", "x"]]))).toEqual([
      'rankings[1].expert: expert "a" already ranked in rankings[0]',
    ]);
    expect(errorsFor(ranked(["a", ["x", "y", "z"]], ["b", ["x", "q"]]))).toEqual([
      'rankings[1].order: ranks "q" not in rankings[0] and leaves out "y", "z"',
    ]);
    expect(errorsFor(ranked(["a", ["x", ["y", "x"]]], ["b", ["x", "y"]]))).toEqual([
      'rankings[0].order[1]: item "x" is ranked twice',
    ]);
    expect(errorsFor(ranked(["a", ["x"]], ["b", ["x"]]))).toEqual(["rankings[0].order: must rank at least two items"]);
    expect(errorsFor(ranked(["a", [["x", "y"]]], ["b", [["y", "x"]]]))).toEqual([
      "rankings: every ranking ties all its items, so W is undefined",
    ]);
    expect(errorsFor(ranked(["a", [["x", "y"]]], ["b", ["y", "x"]]))).toEqual([]);
  });
});
