// A corpus for topic models: a pruned vocabulary and each document as token ids.
export { applyPhrases, detectPhrases, type PhraseOptions } from "./phrases";

/** Token ids per document, in input order (a document may end up empty after pruning). */
export type Corpus = { vocab: string[]; docs: Int32Array[] };

export type CorpusOptions = {
  /** Drop terms in fewer documents than this. */
  minDf?: number;
  /** Drop terms in more than this share of documents (corpus-specific boilerplate). */
  maxDfRatio?: number;
  /** Keep at most this many terms, the most frequent by document frequency. */
  maxVocab?: number;
};

/** gensim's `filter_extremes` defaults, except minDf 2 so small scans keep their vocabulary. */
export const corpusDefaults = { minDf: 2, maxDfRatio: 0.5, maxVocab: 50_000 } as const;

/** Document frequency of every term. */
function documentFrequencies(docs: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return df;
}

/** Code-unit order, not locale order, so the vocabulary is the same on every machine. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds the vocabulary (terms kept by document frequency, ordered by df descending, then term)
 * and encodes each document as ids into it.
 * @example buildCorpus([["cell", "solar"], ["cell", "battery"], ["cell", "solar"]], { minDf: 2, maxDfRatio: 1 })
 * // => { vocab: ["cell", "solar"], docs: [Int32Array [0, 1], Int32Array [0], Int32Array [0, 1]] }
 */
export function buildCorpus(docs: readonly (readonly string[])[], options: CorpusOptions = {}): Corpus {
  const minDf = options.minDf ?? corpusDefaults.minDf;
  const maxDf = (options.maxDfRatio ?? corpusDefaults.maxDfRatio) * docs.length;
  const maxVocab = options.maxVocab ?? corpusDefaults.maxVocab;
  const vocab = [...documentFrequencies(docs)]
    .filter(([, df]) => df >= minDf && df <= maxDf)
    .sort(([a, dfA], [b, dfB]) => dfB - dfA || byCodeUnit(a, b))
    .slice(0, maxVocab)
    .map(([term]) => term);
  const index = vocabularyIndex(vocab);
  return { vocab, docs: docs.map((doc) => encodeTokens(doc, index)) };
}

/** Term → id, for encoding documents that were not in the training corpus. */
export function vocabularyIndex(vocab: readonly string[]): Map<string, number> {
  return new Map(vocab.map((term, id) => [term, id]));
}

/** Token ids of the terms that are in the vocabulary; unknown terms are skipped. */
export function encodeTokens(tokens: readonly string[], index: ReadonlyMap<string, number>): Int32Array {
  const ids: number[] = [];
  for (const token of tokens) {
    const id = index.get(token);
    if (id !== undefined) ids.push(id);
  }
  return Int32Array.from(ids);
}
