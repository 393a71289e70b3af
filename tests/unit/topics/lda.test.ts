import { describe, expect, it } from "vitest";
import { encodeTokens, vocabularyIndex } from "@/lib/text/vocabulary";
import { loadLda, trainLda, type LdaModel, type LdaOptions, type LdaProgress } from "@/lib/topics/lda";
import type { Corpus } from "@/lib/text/vocabulary";
import { PLANTED_TOPICS, matchTopics, plantedCorpus, plantedVocabularies } from "./planted-corpus";

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

  it("gives identical topics and log-likelihoods for the same seed", () => {
    const again = train(corpus, options);
    expect(allTopicWords(again.model)).toEqual(allTopicWords(model));
    expect(again.progress).toEqual(progress);
  });

  it("yields once per sweep and reports the log-likelihood on sweep 1, every 10th sweep and the last", () => {
    expect(progress).toHaveLength(200);
    expect(progress.at(-1)).toMatchObject({ sweep: 200, sweeps: 200 });
    const reported = progress.filter((p) => p.logLikelihood !== undefined).map((p) => p.sweep);
    expect(reported).toEqual([1, ...Array.from({ length: 20 }, (_, i) => (i + 1) * 10)]);
  });

  it("raises the log-likelihood from the first report to the last", () => {
    expect(logLikelihoods.at(-1)!).toBeGreaterThan(logLikelihoods[0]);
    expect(logLikelihoods.every(Number.isFinite)).toBe(true);
  });

  it("does not modify the corpus it trains on", () => {
    const fresh = plantedCorpus();
    const before = structuredClone(fresh);
    train(fresh, { k: 3, seed: 5, iterations: 5 });
    expect(fresh).toEqual(before);
  });

  it("checks its options when called, before any sweep", () => {
    expect(() => trainLda(corpus, { k: 0, seed: 1 })).toThrow(RangeError);
    expect(() => trainLda(corpus, { k: 2, seed: 1, alpha: -1 })).toThrow(RangeError);
    expect(() => trainLda({ vocab: ["a"], docs: [Int32Array.of(0, 1)] }, { k: 2, seed: 1 })).toThrow(RangeError);
  });

  it("takes options passed as undefined to mean the defaults", () => {
    const run = trainLda(corpus, { k: 2, seed: 1, alpha: undefined, beta: undefined, iterations: undefined });
    let step = run.next();
    while (!step.done) step = run.next();
    expect(step.value.params).toEqual({ k: 2, alpha: 0.1, beta: 0.01, seed: 1, iterations: 200 });
  });
});

describe("LdaModel", () => {
  it("gives topic-word and document-topic distributions that sum to one", () => {
    for (let t = 0; t < model.k; t++) {
      const total = model.topicWords(t, corpus.vocab.length).reduce((sum, w) => sum + w.weight, 0);
      expect(total).toBeCloseTo(1, 10);
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

  it("infers the uniform distribution for a document with no known words", () => {
    expect([...model.infer(Int32Array.of(-1, 10_000))]).toEqual(new Array(model.k).fill(1 / model.k));
  });

  it("round-trips through JSON to a model with identical topics, document topics and inference", () => {
    const loaded = loadLda(JSON.parse(JSON.stringify(model.toJSON())));
    expect(loaded.version).toBe("gibbs-1");
    expect(loaded.params).toEqual({ k: 4, alpha: 0.1, beta: 0.01, seed: 1, iterations: 200 });
    expect(allTopicWords(loaded)).toEqual(allTopicWords(model));
    expect(loaded.documentTopics(3)).toEqual(model.documentTopics(3));
    const tokens = corpus.docs[5];
    expect(loaded.infer(tokens, { seed: 8 })).toEqual(model.infer(tokens, { seed: 8 }));
  });

  it("refuses to load a saved model of another version or with inconsistent counts", () => {
    const saved = model.toJSON();
    expect(() => loadLda({ ...saved, version: "gibbs-0" })).toThrow();
    expect(() => loadLda({ ...saved, nwk: saved.nwk.slice(1) })).toThrow();
  });
});
