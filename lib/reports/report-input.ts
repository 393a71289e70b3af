// What the report builders read: the study's rows as the loader (get-study-report.ts) fetched them,
// already stripped of anything that names an expert — invitations carry an opaque panel number and
// the sector, comments and rationales a per-round pseudonym.
import type { StoredStatistic } from "@/lib/delphi/feedback";
import type { Outcome } from "./report-types";

export type InputItem = {
  id: string;
  position: number;
  title: string;
  titleZh: string | null;
  themeId: string | null;
  outcome: Outcome;
  previousId: string | null;
  evidence: unknown;
};

export type InputQuestion = { id: string; key: string; kind: string; label: string; labelZh: string | null; config: unknown };

export type InputRound = {
  id: string;
  number: number;
  kind: "RATING" | "RANKING";
  title: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  minN: number;
  openedAt: Date | null;
  closedAt: Date | null;
  items: InputItem[];
  questions: InputQuestion[];
};

/** One invitation: `expert` is a number private to this report, never a user id. */
export type InputInvitation = { roundId: string; expert: number; sector: string; submitted: boolean };
export type InputNote = { roundId: string; itemId: string; author: string; body: string; kind: "comment" | "rationale" };

export type ReportInput = {
  study: { id: string; name: string; question: string; scope: string; horizonYear: number | null; homeCountry: string | null };
  rounds: InputRound[];
  rules: { kind: string; questionKey: string; params: unknown }[];
  /** Theme → area, and the areas' labels. */
  themeAreas: ReadonlyMap<string, string | null>;
  areas: { id: string; label: string; labelZh: string | null }[];
  /** The overall ("all") statistic rows of the closed rounds. */
  statistics: StoredStatistic[];
  invitations: InputInvitation[];
  notes: InputNote[];
  /** The round the report is about; null for the whole study. */
  roundId: string | null;
  generatedAt: Date;
};
