// One stored statistic row as the report shows it. Every row goes through lib/delphi/feedback's
// visibleStatistic first, so a row below the round's minimum n is withheld here exactly as on the
// round report; the numbers of a shown row are the stored ones, untouched.
import { visibleStatistic, type StoredConsensus, type StoredStatistic } from "@/lib/delphi/feedback";
import { distributionRange } from "@/lib/dashboard/importance";
import type { Figures, ScaleFigures, YearFigures } from "./report-types";

export type Band = readonly [number, number];

/**
 * Share of the answers (n) whose value lies in the band, read from a stored { value: count } map.
 * @example bandShare({ "1": 1, "2": 1, "5": 2 }, [1, 2], 4) // => 0.5
 */
export function bandShare(distribution: Record<string, number>, band: Band, n: number): number | null {
  if (n <= 0) return null;
  let count = 0;
  for (const [value, c] of Object.entries(distribution)) {
    const v = Number(value);
    if (Number.isFinite(v) && v >= band[0] && v <= band[1]) count += c;
  }
  return count / n;
}

export function scaleFigures(row: StoredStatistic | undefined, disagreeBand: Band | null): Figures<ScaleFigures> {
  if (!row) return null;
  const shown = visibleStatistic(row, "staff");
  if (!shown) return null;
  if (shown.suppressed) return { withheld: true, n: shown.n ?? null };
  const consensus = (shown.consensus ?? {}) as StoredConsensus;
  const range = distributionRange(shown.distribution);
  const { median, q1, q3 } = shown;
  return {
    withheld: false,
    n: shown.n,
    dontKnow: shown.dontKnow,
    mean: shown.mean,
    sd: shown.sd,
    median,
    q1,
    q3,
    iqr: shown.iqr,
    agreement: shown.agreement,
    disagreement: disagreeBand ? bandShare(shown.distribution, disagreeBand, shown.n) : null,
    importanceIndex: shown.importanceIndex,
    box: range && median !== null && q1 !== null && q3 !== null ? [range[0], q1, median, q3, range[1]] : null,
    percentChange: consensus.stability?.percentChange ?? null,
    wilcoxonP: consensus.stability?.wilcoxonP ?? null,
    verdicts: (consensus.rules ?? []).map((r) => ({ rule: r.rule, verdict: r.verdict })),
  };
}

export function yearFigures(row: StoredStatistic | undefined): Figures<YearFigures> {
  if (!row) return null;
  const shown = visibleStatistic(row, "staff");
  if (!shown) return null;
  if (shown.suppressed) return { withheld: true, n: shown.n ?? null };
  const d = shown.distribution;
  return { withheld: false, n: shown.n, dontKnow: shown.dontKnow, median: shown.median, q1: shown.q1, q3: shown.q3, already: d.already ?? 0, never: d.never ?? 0 };
}

/** The figures when shown, else null (withheld or absent). */
export const shown = <T extends { withheld: false }>(f: Figures<T>): T | null => (f && !f.withheld ? f : null);
