// A synthetic corpus from known topics, for checking that LDA finds them again.
import { buildCorpus, type Corpus } from "@/lib/text/vocabulary";
import type { LdaModel } from "@/lib/topics/lda";
import { createRandom } from "@/lib/topics/random";

export const PLANTED_TOPICS = 4;
const WORDS_PER_TOPIC = 25;
const BACKGROUND_SHARE = 0.05;

/** Disjoint vocabularies: topic 0 has t0w00 … t0w24, and so on. */
export const plantedVocabularies: string[][] = Array.from({ length: PLANTED_TOPICS }, (_, t) =>
  Array.from({ length: WORDS_PER_TOPIC }, (_, i) => `t${t}w${String(i).padStart(2, "0")}`),
);
const background = Array.from({ length: 30 }, (_, i) => `bg${i}`);

/**
 * Documents mixing a main topic (70–100 %) with a second one, plus 5 % background words shared by all.
 * Words within a topic follow a Zipf-like law so top words are well defined.
 */
export function plantedCorpus(options: { documents?: number; length?: number; seed?: number } = {}): Corpus {
  const { documents = 200, length = 50, seed = 2024 } = options;
  const random = createRandom(seed);
  const zipf = (n: number) => Math.min(n - 1, Math.floor(n * random.next() ** 2));
  const docs = Array.from({ length: documents }, () => {
    const main = random.int(PLANTED_TOPICS);
    const second = random.int(PLANTED_TOPICS);
    const mainShare = 0.7 + 0.3 * random.next();
    return Array.from({ length }, () => {
      if (random.next() < BACKGROUND_SHARE) return background[random.int(background.length)];
      const words = plantedVocabularies[random.next() < mainShare ? main : second];
      return words[zipf(words.length)];
    });
  });
  return buildCorpus(docs, { minDf: 1, maxDfRatio: 1 });
}

/** For each planted topic, the learned topic sharing most of its top-10 words, and that share. */
export function matchTopics(model: LdaModel): { topic: number; share: number }[] {
  const tops = Array.from({ length: model.k }, (_, t) => model.topicWords(t, 10).map((w) => w.term));
  return plantedVocabularies.map((vocabulary) => {
    const planted = new Set(vocabulary);
    const shares = tops.map((terms) => terms.filter((term) => planted.has(term)).length / terms.length);
    const topic = shares.indexOf(Math.max(...shares));
    return { topic, share: shares[topic] };
  });
}
