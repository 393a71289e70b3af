// What the back-test form offers for a study: the span of its dated documents and sensible defaults.
import { db } from "@/lib/db";
import { defaultUntil } from "./study-documents";

export type BacktestDefaults = {
  /** Documents with a year, and the first and last of those years (null when there are none). */
  datedDocuments: number;
  firstYear: number | null;
  lastYear: number | null;
  until: number | null;
  /** Up to the last year with documents. */
  horizon: number | null;
  k: number;
  seed: number;
  iterations: number;
};

export const BACKTEST_FORM_DEFAULTS = { k: 10, seed: 42, iterations: 200 } as const;

export async function getBacktestDefaults(studyId: string): Promise<BacktestDefaults> {
  const groups = await db().document.groupBy({ by: ["year"], where: { studyId, year: { not: null } }, _count: { _all: true } });
  const counts = groups.map((g) => ({ year: g.year!, documents: g._count._all }));
  const years = counts.map((c) => c.year);
  const until = defaultUntil(counts);
  const lastYear = years.length ? Math.max(...years) : null;
  return {
    datedDocuments: counts.reduce((n, c) => n + c.documents, 0),
    firstYear: years.length ? Math.min(...years) : null,
    lastYear,
    until,
    horizon: until !== null && lastYear !== null ? Math.max(2, lastYear - until) : null,
    ...BACKTEST_FORM_DEFAULTS,
  };
}
