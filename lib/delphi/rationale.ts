// When an expert must explain an answer (delphi-methods.md §3.3, "outlier rationale", as RTD does): a
// number that lies outside the previous round's interquartile range [Q1, Q3] for the same item and
// question. Only ranges the expert was shown count: a previous statistic withheld below the minimum n
// asks for nothing (asking would reveal where the hidden range lies).

/** The previous round's published quartiles of one question, keyed by the current round's item. */
export type PreviousSpread = { itemId: string; questionKey: string; q1: number; q3: number };
export type NumericAnswer = { itemId: string; questionKey: string; numeric: number | null; dontKnow: boolean };
export type OutsideAnswer = { itemId: string; questionKey: string; value: number; q1: number; q3: number };

const key = (itemId: string, questionKey: string) => `${itemId}\u0000${questionKey}`;

/**
 * The answers that lie strictly outside [Q1, Q3] of the previous round; don't-know and non-numeric
 * answers never do.
 * @example outsidePreviousIqr([{ itemId: "i", questionKey: "importance", numeric: 1, dontKnow: false }],
 *   [{ itemId: "i", questionKey: "importance", q1: 3, q3: 4 }]) // => [{ …, value: 1, q1: 3, q3: 4 }]
 */
export function outsidePreviousIqr(answers: readonly NumericAnswer[], spreads: readonly PreviousSpread[]): OutsideAnswer[] {
  const byKey = new Map(spreads.map((s) => [key(s.itemId, s.questionKey), s]));
  const outside: OutsideAnswer[] = [];
  for (const a of answers) {
    if (a.dontKnow || a.numeric === null) continue;
    const spread = byKey.get(key(a.itemId, a.questionKey));
    if (spread && (a.numeric < spread.q1 || a.numeric > spread.q3)) {
      outside.push({ itemId: a.itemId, questionKey: a.questionKey, value: a.numeric, q1: spread.q1, q3: spread.q3 });
    }
  }
  return outside;
}

/** The outside answers whose item has no rationale yet. */
export function missingRationales(outside: readonly OutsideAnswer[], itemsWithRationale: ReadonlySet<string>): OutsideAnswer[] {
  return outside.filter((o) => !itemsWithRationale.has(o.itemId));
}
