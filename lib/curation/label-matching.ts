// Expert labels outlive re-training: a theme of a new scan that matches a human-labelled theme of the
// previous version keeps that label. Two themes match when the Jaccard index of their top-term sets,
// |A ∩ B| / |A ∪ B| over the first LABEL_MATCH.terms terms, is at least LABEL_MATCH.threshold. Pairs
// are taken best first, each theme at most once, so one label never lands on two themes.
import type { LabelSource } from "@/lib/generated/prisma/enums";

/**
 * 20 terms, as every theme stores. 0.3 (9 shared terms of 20): on the demo corpus (lib/demo, 664 and
 * 749 documents, k = 8, re-fitted with seeds 1 and 2) topics that correspond scored 0.38–1.00 and
 * every other pair at most 0.11, so 0.3 keeps the one and rejects the other with room on both sides.
 */
export const LABEL_MATCH = { terms: 20, threshold: 0.3 } as const;

export type LabelledTheme = { id: string; label: string; labelZh: string | null; labelSource: LabelSource; terms: readonly string[] };
export type UnlabelledTheme = { id: string; terms: readonly string[] };
export type LabelMatch = { themeId: string; fromThemeId: string; jaccard: number; label: string; labelZh: string | null; labelSource: LabelSource };

/**
 * @example jaccard(["a", "b", "c"], ["b", "c", "d"]) // => 0.5
 */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const term of left) if (right.has(term)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

export function matchLabels(
  previous: readonly LabelledTheme[],
  next: readonly UnlabelledTheme[],
  options: { terms?: number; threshold?: number } = {},
): LabelMatch[] {
  const n = options.terms ?? LABEL_MATCH.terms;
  const threshold = options.threshold ?? LABEL_MATCH.threshold;
  const human = previous.filter((t) => t.labelSource !== "MACHINE");
  const pairs = human.flatMap((from, i) =>
    next.map((to, j) => ({ i, j, score: jaccard(from.terms.slice(0, n), to.terms.slice(0, n)) })).filter((p) => p.score >= threshold),
  );
  pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  const matches: LabelMatch[] = [];
  for (const { i, j, score } of pairs) {
    if (usedFrom.has(i) || usedTo.has(j)) continue;
    usedFrom.add(i);
    usedTo.add(j);
    const from = human[i];
    matches.push({ themeId: next[j].id, fromThemeId: from.id, jaccard: score, label: from.label, labelZh: from.labelZh, labelSource: from.labelSource });
  }
  return matches;
}
