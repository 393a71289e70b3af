// Emerging-topic score: novelty × growth, with a boost for weak signals (small but growing themes).
// Both factors are measured against the corpus, so a corpus that doubles every few years (NeurIPS)
// does not make every theme look emerging, and an incomplete last year does not make all shrink.
import type { YearValue } from "@/lib/trends/growth";

export type EmergingOptions = {
  /** The last year counted (the back-test's cut-off; a scan's latest year). */
  untilYear: number;
  /** N: the recent years of the novelty measure (default 3). */
  recentYears?: number;
  /** The years of the share-growth regression (default 5). */
  growthWindow?: number;
  /** A theme smaller than this share of the corpus volume gets the weak-signal boost; use 1 / (number of themes). */
  referenceShare: number;
  /** b, the largest boost (default 0.5: a very small growing theme scores up to 1.5 ×). */
  weakSignalBoost?: number;
};

export const emergingDefaults = { recentYears: 3, growthWindow: 5, weakSignalBoost: 0.5 } as const;

export type EmergingScore = {
  score: number;
  novelty: number;
  shareGrowth: number;
  /** w in [0, 1]: how far below the reference share the theme is (0 unless its share grows). */
  weakSignal: number;
  /** The theme's share of the corpus volume up to untilYear. */
  volumeShare: number;
};

const sum = (series: readonly YearValue[], from: number, to: number) =>
  series.reduce((total, s) => (s.year >= from && s.year <= to ? total + s.value : total), 0);

/**
 * Share of a series' volume up to untilYear that falls in its last `recentYears` years.
 * @example recentShare([{ year: 2019, value: 1 }, { year: 2020, value: 3 }], { untilYear: 2020, recentYears: 1 }) // => 0.75
 * @returns null when there is no volume up to untilYear
 */
export function recentShare(series: readonly YearValue[], options: { untilYear: number; recentYears: number }): number | null {
  const total = sum(series, -Infinity, options.untilYear);
  if (!(total > 0)) return null;
  return sum(series, options.untilYear - options.recentYears + 1, options.untilYear) / total;
}

/**
 * Annual growth of the theme's share of the corpus: e^slope − 1 for the least-squares slope of
 * ln(theme volume / corpus volume) over the window's years that have corpus volume. A year with no
 * theme volume takes half the smallest positive share in the window (the usual half-minimum
 * substitute before taking logarithms).
 * @example shareGrowth([{ year: 1, value: 1 }, { year: 2, value: 4 }], [{ year: 1, value: 10 }, { year: 2, value: 20 }], { untilYear: 2, window: 2 }) // => 1
 * @returns null with fewer than 2 usable years or no theme volume in the window
 */
export function shareGrowth(theme: readonly YearValue[], corpus: readonly YearValue[], options: { untilYear: number; window: number }): number | null {
  const byYear = new Map(theme.map((s) => [s.year, s.value]));
  const years = corpus.filter((c) => c.value > 0 && c.year <= options.untilYear && c.year > options.untilYear - options.window);
  const shares = years.map((c) => (byYear.get(c.year) ?? 0) / c.value);
  const positive = shares.filter((s) => s > 0);
  if (years.length < 2 || positive.length === 0) return null;
  const floor = Math.min(...positive) / 2;
  const xs = years.map((c) => c.year);
  const ys = shares.map((s) => Math.log(s > 0 ? s : floor));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
  });
  return Math.expm1(sxy / sxx);
}

/**
 * score = novelty × (1 + shareGrowth) × (1 + b·w), where
 * - novelty = R_theme / R_corpus, R = the share of the volume up to untilYear that lies in its last N
 *   years (`recentShare`): 1 when the theme is as recent as the corpus, above 1 when newer;
 * - shareGrowth = the annual growth of the theme's share of the corpus over the last `growthWindow`
 *   years (`shareGrowth`), so 1 + shareGrowth is the yearly multiplier of that share;
 * - w = max(0, 1 − volumeShare / referenceShare) when shareGrowth > 0, else 0: a theme far below the
 *   average theme's size that is gaining share gets up to (1 + b) — the weak-signal boost.
 * A theme that behaves like the corpus scores 1.
 * @returns null when the theme or the corpus has no volume, or share growth cannot be measured
 */
export function emergingScore(theme: readonly YearValue[], corpus: readonly YearValue[], options: EmergingOptions): EmergingScore | null {
  const { untilYear } = options;
  const recentYears = options.recentYears ?? emergingDefaults.recentYears;
  const b = options.weakSignalBoost ?? emergingDefaults.weakSignalBoost;
  const themeRecent = recentShare(theme, { untilYear, recentYears });
  const corpusRecent = recentShare(corpus, { untilYear, recentYears });
  const growth = shareGrowth(theme, corpus, { untilYear, window: options.growthWindow ?? emergingDefaults.growthWindow });
  if (themeRecent === null || !corpusRecent || growth === null) return null;
  const novelty = themeRecent / corpusRecent;
  const volumeShare = sum(theme, -Infinity, untilYear) / sum(corpus, -Infinity, untilYear);
  const weakSignal = growth > 0 && options.referenceShare > 0 ? Math.max(0, 1 - volumeShare / options.referenceShare) : 0;
  return { score: novelty * (1 + growth) * (1 + b * weakSignal), novelty, shareGrowth: growth, weakSignal, volumeShare };
}
