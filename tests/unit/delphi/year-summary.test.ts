import { describe, expect, it } from "vitest";
import { summariseYears, type YearAnswer } from "@/lib/delphi/year-summary";

describe("summariseYears", () => {
  it("takes type 7 quartiles of the years and counts the other answers apart", () => {
    // numpy.quantile([2030, 2028, 2035, 2040, 2032, 2045], [0.25, 0.5, 0.75]) = 2030.5, 2033.5, 2038.75
    const answers: YearAnswer[] = [
      2030, "already", 2028, 2035, "never", 2040, "dont_know", 2032, "never", 2045,
    ];
    const s = summariseYears(answers);
    expect(s).toEqual({
      n: 6,
      median: 2033.5,
      q1: 2030.5,
      q3: 2038.75,
      already: 1,
      never: 2,
      dontKnow: 1,
      quantileMethod: "hyndman-fan-7",
    });
    expect(answers[0]).toBe(2030);
    expect(answers[1]).toBe("already");
  });

  it("returns null quartiles when nobody gave a year", () => {
    const s = summariseYears(["never", "dont_know"]);
    expect(s).toMatchObject({ n: 0, median: null, q1: null, q3: null, never: 1, dontKnow: 1, already: 0 });
    expect(summariseYears([]).n).toBe(0);
  });
});
