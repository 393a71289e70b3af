import { describe, expect, it } from "vitest";
import { buildCorpus, encodeTokens, vocabularyIndex } from "@/lib/text/vocabulary";

const docs = [
  ["cell", "solar", "cell"],
  ["cell", "battery", "anode"],
  ["cell", "solar", "anode"],
  ["wind", "battery", "cell"],
];

describe("buildCorpus", () => {
  it("orders the vocabulary by document frequency, then by term", () => {
    const corpus = buildCorpus(docs, { minDf: 1, maxDfRatio: 1 });
    expect(corpus.vocab).toEqual(["cell", "anode", "battery", "solar", "wind"]);
  });

  it("encodes every document as ids, keeping repeats and order", () => {
    const corpus = buildCorpus(docs, { minDf: 1, maxDfRatio: 1 });
    expect(corpus.docs.map((d) => [...d])).toEqual([
      [0, 3, 0],
      [0, 2, 1],
      [0, 3, 1],
      [4, 2, 0],
    ]);
  });

  it("prunes rare terms, terms in too many documents, and caps the vocabulary size", () => {
    expect(buildCorpus(docs, { minDf: 2, maxDfRatio: 1 }).vocab).toEqual(["cell", "anode", "battery", "solar"]);
    expect(buildCorpus(docs, { minDf: 2, maxDfRatio: 0.5 }).vocab).toEqual(["anode", "battery", "solar"]);
    expect(buildCorpus(docs, { minDf: 1, maxDfRatio: 1, maxVocab: 2 }).vocab).toEqual(["cell", "anode"]);
  });

  it("keeps one entry per input document even when pruning empties it", () => {
    const corpus = buildCorpus(docs, { minDf: 2, maxDfRatio: 0.5 });
    expect(corpus.docs).toHaveLength(4);
    expect([...corpus.docs[3]]).toEqual([corpus.vocab.indexOf("battery")]);
  });

  it("uses the defaults minDf 2 and maxDfRatio 0.5 and does not modify its input", () => {
    const copy = structuredClone(docs);
    expect(buildCorpus(docs).vocab).toEqual(["anode", "battery", "solar"]);
    expect(docs).toEqual(copy);
  });
});

describe("encodeTokens", () => {
  it("maps known terms to ids and skips unknown ones", () => {
    const index = vocabularyIndex(["cell", "anode"]);
    expect([...encodeTokens(["anode", "graphene", "cell"], index)]).toEqual([1, 0]);
  });
});
