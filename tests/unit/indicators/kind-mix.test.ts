import { describe, expect, it } from "vitest";
import { corpusPhaseShares, kindMix, phaseOf } from "@/lib/indicators/kind-mix";
import { CORPUS, MEMBERS } from "./six-documents";

describe("kind mix on the six-document example", () => {
  it("maps kinds to the science → technology → market phases", () => {
    expect(["PAPER", "CONFERENCE_PAPER", "PROJECT", "PATENT", "NEWS", "POLICY", "OTHER"].map(phaseOf)).toEqual([
      "science", "science", "science", "technology", "market", "policy", "other",
    ]);
  });

  it("gives the corpus mix, each document weighing 1", () => {
    // PAPER, PATENT, PAPER, CONFERENCE_PAPER, NEWS, PAPER → science 4/6, technology 1/6, market 1/6.
    expect(corpusPhaseShares(CORPUS)).toEqual({ science: 4 / 6, technology: 1 / 6, market: 1 / 6, policy: 0, other: 0 });
  });

  it("weighs the theme's documents, names the dominant and the leading phase, and when each was active", () => {
    // Theme weights: science d1 1 + d3 ½ + d4 ¼ = 1.75, technology d2 ½, market d5 1; total 3.25.
    const mix = kindMix(MEMBERS, corpusPhaseShares(CORPUS))!;
    expect(mix.shares.science).toBeCloseTo(1.75 / 3.25, 12);
    expect(mix.shares.technology).toBeCloseTo(0.5 / 3.25, 12);
    expect(mix.shares.market).toBeCloseTo(1 / 3.25, 12);
    expect(mix.dominant).toBe("science");
    // Relative to the corpus: science 0.5385 / 0.6667 = 0.81, technology 0.1538 / 0.1667 = 0.92,
    // market 0.3077 / 0.1667 = 1.85 → market leads.
    expect(mix.relative.market).toBeCloseTo((1 / 3.25) / (1 / 6), 12);
    expect(mix.relative.policy).toBeNull();
    expect(mix.leading).toBe("market");
    // Science: (1·2020 + ½·2021 + ¼·2022) / 1.75 = 2020.5714.
    expect(mix.meanYear.science).toBeCloseTo(3536 / 1.75, 9);
    expect(mix.meanYear.technology).toBe(2021);
    expect(mix.meanYear.market).toBe(2023);
    expect(mix.meanYear.policy).toBeNull();
  });

  it("leads with the dominant phase without a corpus, and is null without weight", () => {
    expect(kindMix(MEMBERS)!.leading).toBe("science");
    expect(kindMix([])).toBeNull();
  });
});
