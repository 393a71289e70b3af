// What of a stored statistic anyone may see. Every reader (expert page, admin page, report, JSON
// export) goes through here, so a row below the minimum n is withheld the same way everywhere:
// staff see its n and that it is withheld; experts do not see withheld subgroups at all, since even
// their existence would tell who is on the panel.
import type { RuleVerdict } from "./consensus";
import type { RoundComparison } from "./stability";
import type { KendallWResult } from "./stability";

export type Audience = "expert" | "staff";

export type StoredStatistic = {
  itemId: string;
  questionId: string;
  subgroup: string;
  n: number;
  dontKnow: number;
  distribution: unknown;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  cv: number | null;
  agreement: number | null;
  importanceIndex: number | null;
  quantileMethod: string;
  consensus: unknown;
  suppressed: boolean;
};

export type StoredConsensus = {
  rules?: RuleVerdict[];
  stability?: RoundComparison | null;
  kendallW?: (KendallWResult & { rankings: number; candidates: number }) | null;
  rankings?: number;
};

export type ShownStatistic = {
  subgroup: string;
  n: number;
  dontKnow: number;
  distribution: Record<string, number>;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  cv: number | null;
  agreement: number | null;
  importanceIndex: number | null;
  quantileMethod: string;
  suppressed: false;
  /** Staff only: the rule verdicts and the stability against the previous round. */
  consensus?: StoredConsensus;
};
export type WithheldStatistic = { subgroup: string; suppressed: true; n?: number };
export type VisibleStatistic = ShownStatistic | WithheldStatistic;

/** One row as the audience may see it, or null when the audience may not even see that it exists. */
export function visibleStatistic(row: StoredStatistic, audience: Audience): VisibleStatistic | null {
  if (row.suppressed) {
    if (audience === "staff") return { subgroup: row.subgroup, suppressed: true, n: row.n };
    return row.subgroup === "all" ? { subgroup: "all", suppressed: true } : null;
  }
  const { subgroup, n, dontKnow, mean, sd, median, q1, q3, iqr, cv, agreement, importanceIndex, quantileMethod } = row;
  const shown: ShownStatistic = {
    subgroup, n, dontKnow, distribution: row.distribution as Record<string, number>, mean, sd, median, q1, q3, iqr, cv, agreement, importanceIndex, quantileMethod, suppressed: false,
  };
  return audience === "staff" ? { ...shown, consensus: row.consensus as StoredConsensus } : shown;
}

export type QuestionStatistics = { questionId: string; overall: VisibleStatistic; subgroups: VisibleStatistic[] };

const SUBGROUP_ORDER = ["sector:", "familiarity:"];
const subgroupRank = (s: string) => SUBGROUP_ORDER.findIndex((prefix) => s.startsWith(prefix));

/** One item's rows, grouped per question ("all" first), as the audience may see them. */
export function visibleStatistics(rows: readonly StoredStatistic[], audience: Audience): QuestionStatistics[] {
  const questionIds = [...new Set(rows.map((r) => r.questionId))];
  return questionIds.flatMap((questionId) => {
    const mine = rows.filter((r) => r.questionId === questionId);
    const all = mine.find((r) => r.subgroup === "all");
    if (!all) return [];
    const subgroups = mine
      .filter((r) => r.subgroup !== "all")
      .sort((a, b) => subgroupRank(a.subgroup) - subgroupRank(b.subgroup) || a.subgroup.localeCompare(b.subgroup, "en", { numeric: true }))
      .map((r) => visibleStatistic(r, audience))
      .filter((s): s is VisibleStatistic => s !== null);
    return [{ questionId, overall: visibleStatistic(all, audience) as VisibleStatistic, subgroups }];
  });
}

/** "sector:ACADEMIA" → "Academia", "familiarity:4" → "Familiarity 4 (very familiar)". */
export function subgroupLabel(subgroup: string): string {
  if (subgroup === "all") return "All experts";
  const [family, value] = subgroup.split(":");
  if (family === "sector") return value.charAt(0) + value.slice(1).toLowerCase();
  if (family === "familiarity") return `Familiarity ${value} (${FAMILIARITY_NAMES[value] ?? "?"})`;
  return subgroup;
}
const FAMILIARITY_NAMES: Record<string, string> = { "4": "very familiar", "3": "familiar", "2": "somewhat", "1": "unfamiliar" };
