// The consensus report of a study (or of one round) as plain JSON: what the report page, the
// downloadable HTML file and a stored template-report issue all render. Dates are ISO strings so a
// snapshot stored in report.content reads back as the same value.
import type { RuleDescription } from "@/lib/delphi/consensus-rules";

export type Outcome = "PENDING" | "ACCEPTED" | "REJECTED" | "CARRIED_OVER" | "DISSENT";
export const OUTCOMES: readonly Outcome[] = ["ACCEPTED", "REJECTED", "DISSENT", "CARRIED_OVER", "PENDING"];

/** An aggregate below the round's minimum n: only its n (staff see that much, as in the round report). */
export type Withheld = { withheld: true; n: number | null };

/** The headline (scale) question of an item in one round, as stored in item_statistic. */
export type ScaleFigures = {
  withheld: false;
  n: number;
  dontKnow: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  agreement: number | null;
  /** Share of answers in the question's disagree band, from the stored distribution. */
  disagreement: number | null;
  importanceIndex: number | null;
  /** [min, Q1, median, Q3, max] of the answers; min and max from the stored distribution. */
  box: [number, number, number, number, number] | null;
  /** Scheibe's percentage change against the item's previous round, and Wilcoxon's p. */
  percentChange: number | null;
  wilcoxonP: number | null;
  /** Rule → verdict, as judged when the round closed. */
  verdicts: { rule: string; verdict: string }[];
};

/** A realisation-year question: quartile years of the answers that gave a year. */
export type YearFigures = { withheld: false; n: number; dontKnow: number; median: number | null; q1: number | null; q3: number | null; already: number; never: number };

export type Figures<T> = T | Withheld | null;

export type TechnologyRound = { roundNumber: number; itemId: string; outcome: Outcome; headline: Figures<ScaleFigures> };

export type Evidence = {
  topTerms: string[];
  documentCount: number | null;
  growth: number | null;
  documents: { title: string; year: number | null; kind: string }[];
};

/** One technology (a chain of items carried from round to round) at its last round in scope. */
export type Technology = {
  key: string;
  itemId: string;
  title: string;
  titleZh: string | null;
  areaId: string | null;
  roundNumber: number;
  outcome: Outcome;
  headline: Figures<ScaleFigures>;
  realisation: Figures<YearFigures>;
  application: Figures<YearFigures>;
  history: TechnologyRound[];
  evidence: Evidence | null;
};

export type Area = { id: string | null; label: string; labelZh: string | null; technologies: Technology[] };

export type RoundSummary = {
  id: string;
  number: number;
  kind: "RATING" | "RANKING";
  title: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  minN: number;
  openedAt: string | null;
  closedAt: string | null;
  invited: number;
  responded: number;
  responseRate: number | null;
  /** Items per outcome (rating rounds once closed). */
  outcomes: Partial<Record<Outcome, number>>;
  items: number;
};

export type SectorCount = { sector: string; invited: number; responded: number };

export type Method = {
  panel: { invited: number; responded: number; bySector: SectorCount[] };
  rounds: RoundSummary[];
  /** Text (English) in issues stored before rules were described in no language yet. */
  rules: (RuleDescription | string)[];
  headlineQuestion: { key: string; label: string; labelZh: string | null; min: number; max: number } | null;
  quantileMethod: string;
  stablePercentChange: number;
  wilcoxonAlpha: number;
  minN: number[];
};

export type KeyTechnology = {
  place: number;
  key: string;
  title: string;
  titleZh: string | null;
  selected: number | null;
  meanRank: number | null;
  importanceIndex: number | null;
  agreement: number | null;
  disagreement: number | null;
  realisationMedian: number | null;
  outcome: Outcome | null;
  evidence: Evidence | null;
  /** Minority views recorded for it (comments and rationales of its dissent). */
  dissentNotes: number;
};

export type KeyTechnologies =
  | { basis: "ranking"; roundNumber: number; rankings: number; kendallW: { w: number; chiSquare: number; df: number; p: number } | null; items: KeyTechnology[] }
  | { basis: "ranking_withheld"; roundNumber: number; rankings: number | null; minN: number }
  | { basis: "importance"; items: KeyTechnology[] }
  | { basis: "none" };

export type Note = { roundNumber: number; author: string; body: string; kind: "comment" | "rationale" };
export type MinorityView = { key: string; title: string; titleZh: string | null; roundNumber: number; outcome: Outcome; headline: Figures<ScaleFigures>; notes: Note[] };

export type BoxRow = { key: string; title: string; titleZh: string | null; outcome: Outcome; roundNumber: number; n: number | null; box: ScaleFigures["box"]; withheld: boolean };
export type TimelineRow = { key: string; title: string; titleZh: string | null; realisation: [number, number, number] | null; application: [number, number, number] | null };
export type RadarPoint = { key: string; title: string; titleZh: string | null; areaId: string | null; year: number; importanceIndex: number; outcome: Outcome };
export type ConsensusRound = { number: number; title: string; counts: Partial<Record<Outcome, number>> };
export type StabilityRow = { key: string; title: string; titleZh: string | null; roundNumber: number; percentChange: number; wilcoxonP: number | null };

export type DelphiCharts = {
  scale: [number, number];
  boxes: BoxRow[];
  timeline: TimelineRow[];
  radar: RadarPoint[];
  consensus: ConsensusRound[];
  stability: StabilityRow[];
};

export type Summary = {
  technologies: number;
  closedRounds: number;
  respondents: number;
  outcomes: Partial<Record<Outcome, number>>;
  top: { title: string; titleZh: string | null }[];
  kendallW: number | null;
};

export type StudyReport = {
  version: 1;
  generatedAt: string;
  study: { id: string; name: string; question: string; scope: string; horizonYear: number | null; homeCountry: string | null };
  /** null: the whole study; otherwise the round the report is about. */
  round: { id: string; number: number; title: string; kind: "RATING" | "RANKING" } | null;
  summary: Summary;
  method: Method;
  areas: Area[];
  keyTechnologies: KeyTechnologies;
  minorityViews: MinorityView[];
  charts: DelphiCharts;
};
