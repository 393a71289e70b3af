// Train on the past, encode the future with the past's vocabulary: nothing after the cut-off year may
// shape the model, its phrases or its vocabulary.
import { tokenise } from "@/lib/text/tokenise";
import { applyPhrases, buildCorpus, detectPhrases, encodeTokens, vocabularyIndex, type Corpus } from "@/lib/text/vocabulary";
import type { BacktestDocument } from "./read-corpus";

export type SplitCorpus = {
  corpus: Corpus;
  train: BacktestDocument[];
  test: BacktestDocument[];
  /** Token ids of the test documents in the training vocabulary. */
  testTokens: Int32Array[];
  /** Documents after the horizon, not used. */
  ignored: number;
};

/** The scan's preparation (lib/scans/prepare-corpus), fitted on the training documents only. */
export function splitCorpus(documents: readonly BacktestDocument[], options: { until: number; horizon: number }): SplitCorpus {
  const train = documents.filter((d) => d.year <= options.until);
  const test = documents.filter((d) => d.year > options.until && d.year <= options.until + options.horizon);
  const tokensOf = (d: BacktestDocument) => tokenise(d.text, { language: "auto" });
  const trainTokens = train.map(tokensOf);
  const phrases = detectPhrases(trainTokens, { minCount: 5 });
  const corpus = buildCorpus(
    trainTokens.map((t) => applyPhrases(t, phrases)),
    { minDf: train.length >= 200 ? 3 : 2, maxDfRatio: 0.5 },
  );
  const index = vocabularyIndex(corpus.vocab);
  const testTokens = test.map((d) => encodeTokens(applyPhrases(tokensOf(d), phrases), index));
  return { corpus, train, test, testTokens, ignored: documents.length - train.length - test.length };
}
