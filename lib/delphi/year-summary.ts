// Realisation-time questions (NISTEP style, delphi-methods.md §3.1 and §4.1 c): a year, or one of
// "already realised", "never" and "don't know", which are counted but kept out of the quartiles.
import { quantile } from "./statistics";

export type YearAnswer = number | "already" | "never" | "dont_know";

export type YearSummary = {
  /** Answers that gave a year. */
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  already: number;
  never: number;
  dontKnow: number;
  quantileMethod: "hyndman-fan-7";
};

/**
 * Median and quartile years (Hyndman–Fan type 7, so a median may fall between years, e.g. 2032.5)
 * plus counts of the non-year answers.
 * @example summariseYears([2030, 2035, "never"]).median // => 2032.5
 */
export function summariseYears(answers: readonly YearAnswer[]): YearSummary {
  const years = answers.filter((a): a is number => typeof a === "number");
  const count = (kind: Exclude<YearAnswer, number>): number => answers.filter((a) => a === kind).length;
  const any = years.length > 0;
  return {
    n: years.length,
    median: any ? quantile(years, 0.5) : null,
    q1: any ? quantile(years, 0.25) : null,
    q3: any ? quantile(years, 0.75) : null,
    already: count("already"),
    never: count("never"),
    dontKnow: count("dont_know"),
    quantileMethod: "hyndman-fan-7",
  };
}
