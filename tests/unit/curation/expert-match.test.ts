import { describe, expect, it } from "vitest";
import { indexProfile, matchTheme, wordsOf } from "@/lib/experts/expert-match";

describe("wordsOf", () => {
  it("splits phrases and hyphenated words and singularises like the scan's tokeniser", () => {
    expect(wordsOf("Solid-state batteries")).toEqual(["solid", "state", "battery"]);
    expect(wordsOf("fuel_cell")).toEqual(["fuel", "cell"]);
  });
});

describe("matchTheme", () => {
  const theme = { topTerms: [{ term: "battery", weight: 3 }, { term: "hydrogen", weight: 1 }] };

  it("scores the weighted share of top terms found in the keywords", () => {
    const match = matchTheme(indexProfile({ keywords: ["solid-state batteries"], fields: [] }), theme);
    expect(match.score).toBeCloseTo(0.75, 12);
    expect(match.reasons).toEqual([{ term: "battery", via: "keyword", entry: "solid-state batteries", contribution: 0.75 }]);
  });

  it("counts a field at half the weight of a keyword and a phrase by the share of its words", () => {
    const fields = matchTheme(indexProfile({ keywords: [], fields: ["Hydrogen economy"] }), theme);
    expect(fields.score).toBeCloseTo(0.25 * 0.5, 12);
    const phrase = matchTheme(indexProfile({ keywords: ["fuel"], fields: [] }), { topTerms: [{ term: "fuel_cell", weight: 1 }] });
    expect(phrase.score).toBeCloseTo(0.5, 12);
  });

  it("is zero without any shared word", () => {
    expect(matchTheme(indexProfile({ keywords: ["quantum"], fields: ["physics"] }), theme)).toEqual({ score: 0, reasons: [] });
  });
});
