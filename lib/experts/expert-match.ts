// How well an expert's profile covers a theme: the theme's top terms, weighted by their share of the
// top-term weight, that appear among the words of the expert's keywords (weight 1) or fields (weight
// 0.5: a field is broader than a keyword). A phrase term counts by the share of its words found.
// score = Σ_terms w̃_t · max(1 · k_t, 0.5 · f_t) ∈ [0, 1], where w̃ sums to 1 over the theme's terms.
import { tokenise } from "@/lib/text/tokenise";

export const MATCH_WEIGHTS = { keyword: 1, field: 0.5 } as const;

export type ProfileTerms = { keywords: readonly string[]; fields: readonly string[] };
export type ThemeTerms = { topTerms: readonly { term: string; weight: number }[] };
export type MatchReason = { term: string; via: "keyword" | "field"; entry: string; contribution: number };
export type ThemeMatch = { score: number; reasons: MatchReason[] };

/** Words of a profile entry or a theme term, after the scan's tokeniser (so "batteries" meets "battery"). */
export function wordsOf(text: string): string[] {
  return tokenise(text.replaceAll("_", " ")).flatMap((token) => token.split("-")).filter(Boolean);
}

type WordIndex = Map<string, string>;

/** Word → the first profile entry it came from. */
function indexEntries(entries: readonly string[]): WordIndex {
  const index: WordIndex = new Map();
  for (const entry of entries) for (const word of wordsOf(entry)) if (!index.has(word)) index.set(word, entry);
  return index;
}

export type ProfileIndex = { keywords: WordIndex; fields: WordIndex };

export function indexProfile(profile: ProfileTerms): ProfileIndex {
  return { keywords: indexEntries(profile.keywords), fields: indexEntries(profile.fields) };
}

/**
 * @example matchTheme(indexProfile({ keywords: ["solid-state batteries"], fields: [] }),
 *   { topTerms: [{ term: "battery", weight: 3 }, { term: "hydrogen", weight: 1 }] })
 * // => { score: 0.75, reasons: [{ term: "battery", via: "keyword", entry: "solid-state batteries", contribution: 0.75 }] }
 */
export function matchTheme(profile: ProfileIndex, theme: ThemeTerms): ThemeMatch {
  const total = theme.topTerms.reduce((a, t) => a + t.weight, 0);
  const reasons: MatchReason[] = [];
  let score = 0;
  for (const { term, weight } of theme.topTerms) {
    const words = wordsOf(term);
    if (words.length === 0 || total <= 0) continue;
    const found = (index: WordIndex) => words.filter((w) => index.has(w));
    const viaKeyword = found(profile.keywords);
    const viaField = found(profile.fields);
    const k = (MATCH_WEIGHTS.keyword * viaKeyword.length) / words.length;
    const f = (MATCH_WEIGHTS.field * viaField.length) / words.length;
    if (k === 0 && f === 0) continue;
    const contribution = (weight / total) * Math.max(k, f);
    score += contribution;
    const keyword = k >= f;
    const entry = keyword ? profile.keywords.get(viaKeyword[0])! : profile.fields.get(viaField[0])!;
    reasons.push({ term, via: keyword ? "keyword" : "field", entry, contribution });
  }
  reasons.sort((a, b) => b.contribution - a.contribution);
  return { score, reasons };
}
