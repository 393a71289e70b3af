import { describe, expect, it } from "vitest";
import { trainLda, type LdaModel, type LdaOptions } from "@/lib/topics/lda";
import { blockBounds, mergeCounts } from "@/lib/topics/sampler-pool";
import type { Corpus } from "@/lib/text/vocabulary";
import { PLANTED_TOPICS, matchTopics, plantedCorpus } from "./planted-corpus";

function fit(corpus: Corpus, options: LdaOptions): { model: LdaModel; logLikelihoods: number[] } {
  const run = trainLda(corpus, options);
  const logLikelihoods: number[] = [];
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return { model: step.value, logLikelihoods };
    if (step.value.logLikelihood !== undefined) logLikelihoods.push(step.value.logLikelihood);
  }
}

const corpus = plantedCorpus({ documents: 300 });
const options: LdaOptions = { k: PLANTED_TOPICS, seed: 7, iterations: 120, threads: 2 };
const { model, logLikelihoods } = fit(corpus, options);
const saved = model.toJSON();

describe("trainLda on two threads", () => {
  it("recovers the planted topics", () => {
    const matches = matchTopics(model);
    expect(new Set(matches.map((m) => m.topic)).size).toBe(PLANTED_TOPICS);
    for (const match of matches) expect(match.share).toBeGreaterThanOrEqual(0.8);
    expect(logLikelihoods.at(-1)!).toBeGreaterThan(logLikelihoods[0]);
  });

  it("ends with counts that add up after every merge: no negatives, one count per token in every view", () => {
    const { k } = model;
    const tokens = corpus.docs.reduce((n, doc) => n + doc.length, 0);
    expect(saved.nwk.every((n) => n >= 0)).toBe(true);
    expect(saved.ndk.every((n) => n >= 0)).toBe(true);
    expect(saved.nwk.reduce((a, b) => a + b, 0)).toBe(tokens);
    expect(saved.ndk.reduce((a, b) => a + b, 0)).toBe(tokens);
    // Each word's row holds exactly its occurrences, each document's row exactly its length.
    const frequency = new Array(corpus.vocab.length).fill(0);
    for (const doc of corpus.docs) for (const w of doc) frequency[w]++;
    frequency.forEach((f, w) => expect(saved.nwk.slice(w * k, (w + 1) * k).reduce((a, b) => a + b, 0)).toBe(f));
    corpus.docs.forEach((doc, d) => expect(saved.ndk.slice(d * k, (d + 1) * k).reduce((a, b) => a + b, 0)).toBe(doc.length));
    // Topic totals from words and from documents agree.
    for (let t = 0; t < k; t++) {
      let fromWords = 0;
      let fromDocs = 0;
      for (let i = t; i < saved.nwk.length; i += k) fromWords += saved.nwk[i];
      for (let i = t; i < saved.ndk.length; i += k) fromDocs += saved.ndk[i];
      expect(fromWords).toBe(fromDocs);
    }
  });

  it("gives an identical model for the same seed and thread count, and a different one for another seed", () => {
    const again = fit(corpus, options);
    expect(again.model.toJSON()).toEqual(saved);
    expect(again.logLikelihoods).toEqual(logLikelihoods);
    const other = fit(corpus, { ...options, seed: 8 });
    expect(other.model.toJSON().nwk).not.toEqual(saved.nwk);
  });

  it("gives a different chain on three threads than on two, reproducibly", () => {
    const three = fit(corpus, { ...options, threads: 3, iterations: 30 });
    const threeAgain = fit(corpus, { ...options, threads: 3, iterations: 30 });
    const two = fit(corpus, { ...options, iterations: 30 });
    expect(threeAgain.model.toJSON()).toEqual(three.model.toJSON());
    expect(three.model.toJSON().nwk).not.toEqual(two.model.toJSON().nwk);
  });

  it("stops its threads when a run is abandoned part-way", () => {
    const run = trainLda(corpus, options);
    run.next();
    run.next();
    expect(run.return(undefined as never).done).toBe(true);
  });
});

describe("mergeCounts", () => {
  it("adds every copy's change to the global counts", () => {
    const global = Int32Array.of(5, 0, 3);
    mergeCounts(global, [Int32Array.of(4, 1, 3), Int32Array.of(5, 2, 1)]);
    expect([...global]).toEqual([4, 3, 1]);
  });
});

describe("blockBounds", () => {
  it("splits documents into contiguous blocks of about equal token counts", () => {
    // Documents of 10, 10, 10, 30, 20 tokens.
    const docStart = Int32Array.of(0, 10, 20, 30, 60, 80);
    expect(blockBounds(docStart, 1)).toEqual([0, 5]);
    expect(blockBounds(docStart, 2)).toEqual([0, 3, 5]);
    expect(blockBounds(Int32Array.of(0, 5), 3)).toEqual([0, 0, 1, 1]); // more threads than documents: empty blocks
  });
});
