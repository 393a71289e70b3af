// The experts' view beside the data: importance of each theme in the latest closed rating round,
// as box plots (min, Q1, median, Q3, max of the answers). Statistics below the round's minimum n
// stay withheld here as everywhere (lib/delphi/feedback).
import { visibleStatistic, type StoredStatistic } from "@/lib/delphi/feedback";

export type ImportanceItem = { itemId: string; title: string; titleZh: string | null; themeId: string | null; position: number };
export type ImportanceBox = {
  itemId: string;
  title: string;
  titleZh: string | null;
  themeId: string | null;
  n: number | null;
  /** [min, Q1, median, Q3, max]; null when withheld or nobody gave a value. */
  box: [number, number, number, number, number] | null;
  withheld: boolean;
};

/** Smallest and largest answered value of a stored distribution ({ value: count }). */
export function distributionRange(distribution: Record<string, number>): [number, number] | null {
  const values = Object.entries(distribution)
    .filter(([value, count]) => count > 0 && Number.isFinite(Number(value)))
    .map(([value]) => Number(value));
  return values.length ? [Math.min(...values), Math.max(...values)] : null;
}

/** One box per item, in item order, from the items' overall ("all") statistics of the importance question. */
export function importanceBoxes(items: readonly ImportanceItem[], statistics: readonly StoredStatistic[], questionId: string): ImportanceBox[] {
  const overall = new Map(statistics.filter((s) => s.questionId === questionId && s.subgroup === "all").map((s) => [s.itemId, s]));
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) => {
      const base = { itemId: item.itemId, title: item.title, titleZh: item.titleZh, themeId: item.themeId };
      const row = overall.get(item.itemId);
      const shown = row ? visibleStatistic(row, "staff") : null;
      if (!shown) return { ...base, n: null, box: null, withheld: false };
      if (shown.suppressed) return { ...base, n: shown.n ?? null, box: null, withheld: true };
      const range = distributionRange(shown.distribution);
      const { q1, median, q3 } = shown;
      const box = range && q1 !== null && median !== null && q3 !== null ? ([range[0], q1, median, q3, range[1]] as ImportanceBox["box"]) : null;
      return { ...base, n: shown.n, box, withheld: false };
    });
}
