// Step 2–3 of a scan: the study's documents as token ids, with phrases and a pruned vocabulary; and
// documents outside the training corpus encoded with a trained model's vocabulary.
import { tokenise } from "@/lib/text/tokenise";
import { applyPhrases, buildCorpus, detectPhrases, encodeTokens, vocabularyIndex, type Corpus } from "@/lib/text/vocabulary";

export type ScanDocument = { id: string; title: string; abstract: string; year: number | null };

const textOf = (d: ScanDocument) => tokenise(`${d.title}. ${d.abstract}`, { language: "auto" });

export function prepareCorpus(documents: readonly ScanDocument[]): Corpus {
  const tokens = documents.map(textOf);
  const phrases = detectPhrases(tokens, { minCount: 5 });
  const joined = tokens.map((t) => applyPhrases(t, phrases));
  const minDf = documents.length >= 200 ? 3 : 2;
  return buildCorpus(joined, { minDf, maxDfRatio: 0.5 });
}

/**
 * Token ids into a trained vocabulary, tokenised as in training; the phrases are the vocabulary's
 * joined terms ("solid_state"). Terms outside the vocabulary are skipped.
 */
export function encodeForModel(documents: readonly ScanDocument[], vocab: readonly string[]): Int32Array[] {
  const phrases = new Set(vocab.filter((term) => term.includes("_")));
  const index = vocabularyIndex(vocab);
  return documents.map((d) => encodeTokens(applyPhrases(textOf(d), phrases), index));
}
