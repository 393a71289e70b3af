import { describe, expect, it } from "vitest";
import { encodeTokens, vocabularyIndex } from "@/lib/text/vocabulary";
import { loadLda, trainLda, type LdaModel, type LdaOptions, type LdaProgress } from "@/lib/topics/lda";
import type { Corpus } from "@/lib/text/vocabulary";
import { PLANTED_TOPICS, generatedCorpus, matchTopics, plantedCorpus, plantedVocabularies } from "./planted-corpus";

function train(corpus: Corpus, options: LdaOptions): { model: LdaModel; progress: LdaProgress[] } {
  const run = trainLda(corpus, options);
  const progress: LdaProgress[] = [];
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return { model: step.value, progress };
    progress.push(step.value);
  }
}

const corpus = plantedCorpus();
const options: LdaOptions = { k: PLANTED_TOPICS, seed: 1 };
const { model, progress } = train(corpus, options);
const logLikelihoods = progress.flatMap((p) => (p.logLikelihood === undefined ? [] : [p.logLikelihood]));
const allTopicWords = (m: LdaModel) => Array.from({ length: m.k }, (_, t) => m.topicWords(t, 20));

function expectRecovered(m: LdaModel) {
  const matches = matchTopics(m);
  expect(new Set(matches.map((match) => match.topic)).size).toBe(PLANTED_TOPICS);
  for (const match of matches) expect(match.share).toBeGreaterThanOrEqual(0.8);
}

describe("trainLda", () => {
  it("recovers each planted topic as a distinct learned topic whose top 10 words are at least 80 % its own", () => {
    expectRecovered(model);
  });

  it("still recovers the planted topics with a different seed, through a different chain", () => {
    const other = train(corpus, { ...options, seed: 99 });
    expectRecovered(other.model);
    expect(other.progress.map((p) => p.logLikelihood)).not.toEqual(progress.map((p) => p.logLikelihood));
  });

  it("gives identical topics, α and log-likelihoods for the same seed", () => {
    const again = train(corpus, options);
    expect(allTopicWords(again.model)).toEqual(allTopicWords(model));
    expect(again.model.alpha).toEqual(model.alpha);
    expect(again.progress).toEqual(progress);
  });

  it("yields once per sweep and reports the log-likelihood on sweep 1, every 10th sweep and the last", () => {
    expect(progress).toHaveLength(200);
    expect(progress.at(-1)).toMatchObject({ sweep: 200, sweeps: 200 });
    const reported = progress.filter((p) => p.logLikelihood !== undefined).map((p) => p.sweep);
    expect(reported).toEqual([1, ...Array.from({ length: 20 }, (_, i) => (i + 1) * 10)]);
  });

  it("raises the joint log-likelihood from the first report to the last, and at each of the first three reports", () => {
    expect(logLikelihoods.every(Number.isFinite)).toBe(true);
    expect(logLikelihoods.at(-1)!).toBeGreaterThan(logLikelihoods[0]);
    const early = logLikelihoods.slice(0, 3);
    expect(early).toEqual([...early].sort((a, b) => a - b));
  });

  it("keeps α fixed during burn-in and re-estimates it every 10 sweeps afterwards", () => {
    const sums = progress.map((p) => p.alphaSum);
    expect(new Set(sums.slice(0, 50))).toEqual(new Set([0.4]));
    expect(sums[59]).not.toBe(0.4);
    for (let s = 61; s < 70; s++) expect(sums[s - 1]).toBe(sums[59]);
  });

  it("does not modify the corpus it trains on", () => {
    const fresh = plantedCorpus();
    const before = structuredClone(fresh);
    train(fresh, { k: 3, seed: 5, iterations: 5 });
    train(fresh, { k: 3, seed: 5, iterations: 5, threads: 2 });
    expect(fresh).toEqual(before);
  });

  it("checks its options when called, before any sweep", () => {
    expect(() => trainLda(corpus, { k: 0, seed: 1 })).toThrow(RangeError);
    expect(() => trainLda(corpus, { k: 2, seed: 1, alpha: -1 })).toThrow(RangeError);
    expect(() => trainLda(corpus, { k: 2, seed: 1, threads: 0 })).toThrow(RangeError);
    expect(() => trainLda(corpus, { k: 2, seed: 1, optimiseEvery: -1 })).toThrow(RangeError);
    expect(() => trainLda({ vocab: ["a"], docs: [Int32Array.of(0, 1)] }, { k: 2, seed: 1 })).toThrow(RangeError);
  });

  it("takes options passed as undefined to mean the defaults", () => {
    const run = trainLda(corpus, { k: 2, seed: 1, alpha: undefined, beta: undefined, iterations: undefined, threads: undefined });
    let step = run.next();
    while (!step.done) step = run.next();
    expect(step.value.params).toEqual({ k: 2, alpha: 0.1, beta: 0.01, seed: 1, iterations: 200, threads: 1, optimiseEvery: 10, burnIn: 50 });
  });

  it("trains an empty corpus and documents without tokens without failing", () => {
    const empty = train({ vocab: ["a", "b"], docs: [new Int32Array(0), Int32Array.of(0, 1, 1), new Int32Array(0)] }, { k: 2, seed: 1, iterations: 30, threads: 2 });
    expect(empty.model.documentCount).toBe(3);
    expect([...empty.model.documentTopics(0)].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe("trainLda learning α", () => {
  // Topic 0 is in nearly every document, topic 3 in few: Dirichlet(1.2, 0.4, 0.2, 0.1).
  const truth = [1.2, 0.4, 0.2, 0.1];
  const planted = generatedCorpus({ alpha: truth, documents: 600, length: 40, seed: 11 });

  it("moves α from a symmetric start towards the planted asymmetric α, in the planted order", () => {
    const learned = train(planted.corpus, { k: 4, seed: 3, iterations: 150, alpha: 0.5 }).model;
    const matches = matchTopics(learned);
    expect(new Set(matches.map((m) => m.topic)).size).toBe(4);
    const alpha = matches.map((m) => learned.alpha[m.topic]);
    expect(alpha).toEqual([...alpha].sort((a, b) => b - a));
    expect(alpha[0] / alpha[3]).toBeGreaterThan(4);
    // Closer to the truth than the symmetric start, topic by topic (on a log scale).
    alpha.forEach((a, t) => expect(Math.abs(Math.log(a / truth[t]))).toBeLessThan(Math.abs(Math.log(0.5 / truth[t])) + 1e-9));
    expect(alpha.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.6 * 1.9);
    expect(alpha.reduce((a, b) => a + b, 0)).toBeLessThan(1.6 * 1.9);
  });

  it("keeps α at its starting value when optimisation is off", () => {
    const fixed = train(planted.corpus, { k: 4, seed: 3, iterations: 20, optimiseEvery: 0 }).model;
    expect([...fixed.alpha]).toEqual([0.1, 0.1, 0.1, 0.1]);
  });
});

describe("LdaModel", () => {
  it("gives topic-word and document-topic distributions that sum to one", () => {
    for (let t = 0; t < model.k; t++) {
      const total = model.topicWords(t, corpus.vocab.length).reduce((sum, w) => sum + w.weight, 0);
      expect(total).toBeCloseTo(1, 10);
      expect(model.phi(t).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    }
    expect(model.documentCount).toBe(corpus.docs.length);
    const theta = model.documentTopics(17);
    expect(theta.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it("lists topic words by weight, heaviest first", () => {
    const weights = model.topicWords(0, 30).map((w) => w.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it("infers more than 70 % of the matching topic for a document made only of planted topic 2's words", () => {
    const index = vocabularyIndex(model.vocab);
    const tokens = encodeTokens(Array.from({ length: 30 }, (_, i) => plantedVocabularies[2][i % 10]), index);
    const theta = model.infer(tokens);
    expect(theta[matchTopics(model)[2].topic]).toBeGreaterThan(0.7);
    expect(theta.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(model.infer(tokens)).toEqual(theta);
  });

  it("infers a planted 60/40 mixture of two topics to within 0.1", () => {
    const index = vocabularyIndex(model.vocab);
    const words = [...Array.from({ length: 60 }, (_, i) => plantedVocabularies[0][i % 12]), ...Array.from({ length: 40 }, (_, i) => plantedVocabularies[3][i % 12])];
    const theta = model.infer(encodeTokens(words, index), { iterations: 200 });
    const matches = matchTopics(model);
    expect(Math.abs(theta[matches[0].topic] - 0.6)).toBeLessThan(0.1);
    expect(Math.abs(theta[matches[3].topic] - 0.4)).toBeLessThan(0.1);
  });

  it("infers α normalised for a document with no known words", () => {
    const theta = model.infer(Int32Array.of(-1, 10_000));
    const alphaSum = model.alpha.reduce((a, b) => a + b, 0);
    expect([...theta]).toEqual([...model.alpha].map((a) => a / alphaSum));
  });

  it("round-trips through JSON to a model with identical topics, α, document topics and inference", () => {
    const loaded = loadLda(JSON.parse(JSON.stringify(model.toJSON())));
    expect(loaded.version).toBe("gibbs-2");
    expect(loaded.params).toEqual(model.params);
    expect(loaded.alpha).toEqual(model.alpha);
    expect(allTopicWords(loaded)).toEqual(allTopicWords(model));
    expect(loaded.documentTopics(3)).toEqual(model.documentTopics(3));
    const tokens = corpus.docs[5];
    expect(loaded.infer(tokens, { seed: 8 })).toEqual(model.infer(tokens, { seed: 8 }));
  });

  it("loads a model saved by the first engine with its single α for every topic", () => {
    const { version: _version, alpha: _alpha, params, ...rest } = model.toJSON();
    const legacy = { ...rest, version: "gibbs-1", params: { k: params.k, alpha: 0.1, beta: params.beta, seed: params.seed, iterations: params.iterations } };
    const loaded = loadLda(legacy);
    expect([...loaded.alpha]).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(allTopicWords(loaded)).toEqual(allTopicWords(model));
  });

  it("refuses to load a saved model of another version or with inconsistent counts", () => {
    const saved = model.toJSON();
    expect(() => loadLda({ ...saved, version: "gibbs-0" })).toThrow();
    expect(() => loadLda({ ...saved, nwk: saved.nwk.slice(1) })).toThrow();
    expect(() => loadLda({ ...saved, alpha: saved.alpha.slice(1) })).toThrow();
  });
});
