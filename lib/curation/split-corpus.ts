// The documents of one theme as a small corpus for re-fitting it into parts: the scan's tokeniser and
// phrase detection, and a vocabulary pruned only of terms (nearly) every document shares.
import { tokenise } from "@/lib/text/tokenise";
import { applyPhrases, buildCorpus, detectPhrases, type Corpus } from "@/lib/text/vocabulary";
import type { TermWeight } from "@/lib/curation/theme-draft";

export type SplitCorpus = Corpus & {
  /** Tokens per document before phrases are joined, for matching seed words. */
  tokens: string[][];
  phrases: Set<string>;
};

/**
 * maxDfRatio 0.9, not the scan's 0.5: within one theme, the words that tell two halves apart occur in
 * about half of the documents each, and 0.5 would prune exactly them.
 */
export function splitCorpus(texts: readonly string[]): SplitCorpus {
  const tokens = texts.map((text) => tokenise(text, { language: "auto" }));
  const phrases = detectPhrases(tokens, { minCount: 3 });
  const corpus = buildCorpus(
    tokens.map((t) => applyPhrases(t, phrases)),
    { minDf: 2, maxDfRatio: 0.9 },
  );
  return { ...corpus, tokens, phrases };
}

/**
 * The n most relevant terms of each part from the token counts of its documents (Sievert & Shirley
 * 2014: λ·log φ + (1 − λ)·log(φ / p), λ = 0.6, as the scan's themes), with φ as the weight.
 */
export function partTerms(corpus: Corpus, assignment: readonly number[], parts: number, n = 20, beta = 0.01): TermWeight[][] {
  const v = corpus.vocab.length;
  const counts = Array.from({ length: parts }, () => new Float64Array(v));
  const totals = new Float64Array(parts);
  const overall = new Float64Array(v);
  corpus.docs.forEach((doc, d) => {
    for (const w of doc) {
      counts[assignment[d]][w]++;
      totals[assignment[d]]++;
      overall[w]++;
    }
  });
  const grand = overall.reduce((a, b) => a + b, 0);
  return counts.map((row, p) =>
    corpus.vocab
      .map((term, w) => {
        const phi = (row[w] + beta) / (totals[p] + v * beta);
        const pw = (overall[w] + 1) / (grand + v);
        return { term, weight: phi, relevance: 0.6 * Math.log(phi) + 0.4 * Math.log(phi / pw), present: row[w] > 0 };
      })
      .filter((t) => t.present)
      .sort((a, b) => b.relevance - a.relevance || (a.term < b.term ? -1 : 1))
      .slice(0, n)
      .map(({ term, weight }) => ({ term, weight })),
  );
}
