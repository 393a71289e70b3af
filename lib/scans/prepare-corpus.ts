// Step 2–3 of a scan: the study's documents as token ids, with phrases and a pruned vocabulary.
import { tokenise } from "@/lib/text/tokenise";
import { applyPhrases, buildCorpus, detectPhrases, type Corpus } from "@/lib/text/vocabulary";

export type ScanDocument = { id: string; title: string; abstract: string; year: number | null };

export function prepareCorpus(documents: readonly ScanDocument[]): Corpus {
  const tokens = documents.map((d) => tokenise(`${d.title}. ${d.abstract}`, { language: "auto" }));
  const phrases = detectPhrases(tokens, { minCount: 5 });
  const joined = tokens.map((t) => applyPhrases(t, phrases));
  const minDf = documents.length >= 200 ? 3 : 2;
  return buildCorpus(joined, { minDf, maxDfRatio: 0.5 });
}
