// Collocations ("neural network" → "neural_network") found by normalised pointwise mutual information.

export type PhraseOptions = {
  /** A bigram must occur at least this often. */
  minCount?: number;
  /** And have at least this NPMI, in [-1, 1]: 0 is chance, 1 means the words only occur together. */
  threshold?: number;
};

export const phraseDefaults = { minCount: 5, threshold: 0.5 } as const;

const SEPARATOR = "_";

/**
 * Normalised PMI of a bigram (Bouma 2009): ln(p(ab) / (p(a) p(b))) / −ln p(ab), probabilities as
 * counts over `total`.
 * @example npmi({ pair: 10, first: 10, second: 10, total: 100 }) // => 1
 */
export function npmi(counts: { pair: number; first: number; second: number; total: number }): number {
  const { pair, first, second, total } = counts;
  const pPair = pair / total;
  if (pPair >= 1) return 1;
  return Math.log(pPair / ((first / total) * (second / total))) / -Math.log(pPair);
}

function countTerms(docs: readonly (readonly string[])[]) {
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, number>();
  let total = 0;
  for (const doc of docs) {
    for (let i = 0; i < doc.length; i++) {
      unigrams.set(doc[i], (unigrams.get(doc[i]) ?? 0) + 1);
      total++;
      if (i + 1 < doc.length) {
        const key = doc[i] + SEPARATOR + doc[i + 1];
        bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
      }
    }
  }
  return { unigrams, bigrams, total };
}

/**
 * Frequent, strongly associated adjacent pairs, as joined terms ("neural_network").
 * Tokens must not contain "_" themselves (tokenise never emits it).
 */
export function detectPhrases(docs: readonly (readonly string[])[], options: PhraseOptions = {}): Set<string> {
  const minCount = options.minCount ?? phraseDefaults.minCount;
  const threshold = options.threshold ?? phraseDefaults.threshold;
  const { unigrams, bigrams, total } = countTerms(docs);
  const phrases = new Set<string>();
  for (const [key, pair] of bigrams) {
    if (pair < minCount) continue;
    const [a, b] = key.split(SEPARATOR);
    if (a === b) continue;
    const score = npmi({ pair, first: unigrams.get(a)!, second: unigrams.get(b)!, total });
    if (score >= threshold) phrases.add(key);
  }
  return phrases;
}

/** The tokens with known phrases joined, greedily from the left ("a b c" with a_b and b_c → a_b, c). */
export function applyPhrases(tokens: readonly string[], phrases: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const joined = i + 1 < tokens.length ? tokens[i] + SEPARATOR + tokens[i + 1] : "";
    if (phrases.has(joined)) {
      out.push(joined);
      i++;
    } else {
      out.push(tokens[i]);
    }
  }
  return out;
}
