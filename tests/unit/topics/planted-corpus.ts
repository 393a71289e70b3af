// A synthetic corpus from known topics, for checking that LDA finds them again.
import { buildCorpus, type Corpus } from "@/lib/text/vocabulary";
import type { LdaModel } from "@/lib/topics/lda";
import { createRandom, type Random } from "@/lib/topics/random";

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

/** A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 by boosting with U^(1/shape)). */
function gamma(shape: number, random: Random): number {
  if (shape < 1) return gamma(shape + 1, random) * random.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - random.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A draw from Dirichlet(alpha). */
export function dirichlet(alpha: readonly number[], random: Random): number[] {
  const draws = alpha.map((a) => gamma(a, random));
  const total = draws.reduce((a, b) => a + b, 0);
  return draws.map((g) => g / total);
}

/** An index drawn from a probability vector. */
export function categorical(p: readonly number[], random: Random): number {
  let u = random.next();
  for (let i = 0; i < p.length - 1; i++) if ((u -= p[i]) < 0) return i;
  return p.length - 1;
}

/**
 * The LDA generative process itself: θ_d ~ Dirichlet(alpha) per document, planted topic words drawn
 * Zipf-like from the topic's own vocabulary. Returns the corpus and each document's θ.
 */
export function generatedCorpus(options: { alpha: readonly number[]; documents: number; length: number; seed: number }): { corpus: Corpus; thetas: number[][] } {
  const random = createRandom(options.seed);
  const zipf = (n: number) => Math.min(n - 1, Math.floor(n * random.next() ** 2));
  const thetas: number[][] = [];
  const docs = Array.from({ length: options.documents }, () => {
    const theta = dirichlet(options.alpha, random);
    thetas.push(theta);
    return Array.from({ length: options.length }, () => {
      const words = plantedVocabularies[categorical(theta, random)];
      return words[zipf(words.length)];
    });
  });
  return { corpus: buildCorpus(docs, { minDf: 1, maxDfRatio: 1 }), thetas };
}
