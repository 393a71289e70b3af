// Human-readable evidence for a topic: a short label and the documents that show it best.
import type { LdaModel, TopicWord } from "./lda-model";

const LABEL_TERMS = 3;

/** A phrase term as text: "solid_state" → "solid state", "能量_密度" → "能量密度" (Chinese has no spaces). */
function displayTerm(term: string): string {
  return term.replace(/(?<=\p{Script=Han})_(?=\p{Script=Han})/gu, "").replaceAll("_", " ");
}

/**
 * A label from the top three terms of a topic.
 * @example labelTopic([{ term: "solid_state", weight: 0.1 }, { term: "battery", weight: 0.08 },
 *   { term: "electrolyte", weight: 0.05 }]) // => "solid state · battery · electrolyte"
 */
export function labelTopic(topWords: readonly TopicWord[]): string {
  return topWords.slice(0, LABEL_TERMS).map((word) => displayTerm(word.term)).join(" · ");
}

/**
 * For each topic, the indices of the n training documents with the highest θ for it, best first
 * (ties by lower index).
 * @example representativeDocuments(model, 2) // => [[14, 3], [7, 120], …] one list per topic
 */
export function representativeDocuments(model: LdaModel, n: number): number[][] {
  const thetas = Array.from({ length: model.documentCount }, (_, d) => model.documentTopics(d));
  return Array.from({ length: model.k }, (_, t) =>
    thetas
      .map((theta, d) => ({ d, share: theta[t] }))
      .sort((a, b) => b.share - a.share || a.d - b.d)
      .slice(0, n)
      .map(({ d }) => d),
  );
}
