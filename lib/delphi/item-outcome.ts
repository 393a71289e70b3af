// The decision for each item after a rating round (delphi-methods.md §3.3).
import { decideItemOutcome, type ItemOutcome, type RuleVerdict } from "./consensus";
import type { RoundComparison } from "./stability";

/** Scheibe, Skutsch & Schofer (1975): below 15 % net change the distribution is in equilibrium. */
export const STABLE_PERCENT_CHANGE = 0.15;
/** Kalaian & Kasim (2012): no significant paired shift at the 5 % level. */
export const WILCOXON_ALPHA = 0.05;

export type QuestionVerdicts = {
  /** n of the question's overall statistics (answers other than "don't know"). */
  n: number;
  /** Verdicts of the consensus rules registered for this question, judged on the overall statistics. */
  verdicts: readonly RuleVerdict[];
  /** Against the item's previous round; null in round 1 or when either round has no answers. */
  stability: RoundComparison | null;
};

/** Stable: percentage change below 15 % and, where experts answered both rounds, Wilcoxon p > 0.05. */
export function isStable(s: RoundComparison | null): boolean {
  return s !== null && s.percentChange < STABLE_PERCENT_CHANGE && (s.wilcoxonP === null || s.wilcoxonP > WILCOXON_ALPHA);
}

/**
 * Decision rule, per item, over the questions that have registered consensus rules:
 * 1. Every registered rule is judged on the item's overall statistics for its question; a question
 *    with fewer than the round's minimum n answers cannot show consensus (its verdicts count as
 *    "insufficient"), so a few experts never decide an item that the panel was not shown.
 * 2. Consensus needs every rule to say "consensus" (several indices together, Birko et al. 2015).
 *    Consensus with the median in the agree band → ACCEPTED; in the disagree band → REJECTED.
 * 3. Otherwise the item is CARRIED_OVER to the next round unless it is stable — every ruled question
 *    stable by isStable against the item's previous round — in which case it is closed as DISSENT.
 *    A first-round item has no previous round and so is never stable.
 * With no rules registered no item reaches consensus.
 */
export function itemOutcome(questions: readonly QuestionVerdicts[], minN: number): ItemOutcome {
  const ruled = questions.filter((q) => q.verdicts.length > 0);
  const verdicts = ruled.flatMap((q) => (q.n >= minN ? q.verdicts : q.verdicts.map((v) => ({ ...v, verdict: "insufficient" as const }))));
  const stable = ruled.length > 0 && ruled.every((q) => isStable(q.stability));
  return decideItemOutcome({ verdicts, stable });
}
