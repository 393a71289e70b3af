// A six-document corpus, small enough to count by hand; the tests state the arithmetic.
import type { IndicatorDocument, Member } from "@/lib/indicators/document";

const doc = (id: string, kind: string, year: number | null, countries: string[], sectors: IndicatorDocument["sectors"], extra: Partial<IndicatorDocument> = {}): IndicatorDocument => ({
  id,
  kind,
  year,
  countries,
  sectors,
  institutions: [],
  source: null,
  ...extra,
});

export const CORPUS: IndicatorDocument[] = [
  doc("d1", "PAPER", 2020, ["CN", "US"], ["academia", "industry"], { institutions: ["tsinghua university", "acme inc"], source: "nature" }),
  doc("d2", "PATENT", 2021, ["CN"], ["academia"], { institutions: ["tsinghua university"], source: "patent office CN" }),
  doc("d3", "PAPER", 2021, ["US"], ["industry"], { institutions: ["acme inc"], source: "nature" }),
  doc("d4", "CONFERENCE_PAPER", 2022, ["DE", "CN"], ["academia"], { institutions: ["tum", "tsinghua university"], source: "neurips" }),
  doc("d5", "NEWS", 2023, [], []),
  doc("d6", "PAPER", 2023, ["DE"], ["government", "academia"], { institutions: ["tum"] }),
];

/** The theme's weights in d1…d6: d6 is not in the theme. */
export const WEIGHTS = [1, 0.5, 0.5, 0.25, 1, 0];

export const MEMBERS: Member[] = CORPUS.map((document, i) => ({ document, weight: WEIGHTS[i] })).filter((m) => m.weight > 0);
