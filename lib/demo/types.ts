// Shapes of the demo corpus: the themes we write, the records we generate, the truth we plant.
import type { DemoTrend, TrendKind } from "./trend";

export type DemoKind = "PAPER" | "CONFERENCE_PAPER" | "PATENT" | "NEWS";

export type DemoTheme = {
  id: string;
  label: string;
  labelZh: string;
  trend: DemoTrend;
  /** Leading countries (ISO alpha-2) with relative weights. */
  countries: Readonly<Record<string, number>>;
  /** Themes that a document of this one most often borrows from. */
  related: readonly string[];
  /** Noun phrases that only this theme uses; they fill the `{t}` slots. */
  terms: readonly string[];
  /** Abstract sentences with slots: {t} term, {g} generic word, {n} integer, {p} percentage. */
  templates: readonly string[];
};

export type DemoRecord = {
  id: string;
  kind: DemoKind;
  title: string;
  abstract: string;
  year: number;
  /** ISO date, yyyy-mm-dd. */
  date: string;
  /** "Family, Given". */
  authors: string[];
  affiliations: string[];
  /** ISO 3166-1 alpha-2. */
  countries: string[];
  keywords: string[];
  doi?: string;
  patentNumber?: string;
  /** Ground truth: the theme the document was generated from. */
  themeId: string;
  /** Ground truth: the theme it borrows some of its terms from. */
  secondaryThemeId: string;
};

export type ThemeTruth = {
  themeId: string;
  label: string;
  trendKind: TrendKind;
  trend: DemoTrend;
  /** `expected` is the smooth curve after scaling; `planted` is how many records were made. */
  perYear: { year: number; expected: number; planted: number }[];
  total: number;
};

export type DemoTruth = {
  seed: number;
  years: [number, number];
  scale: number;
  themes: ThemeTruth[];
};
