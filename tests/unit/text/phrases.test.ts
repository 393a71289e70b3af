import { describe, expect, it } from "vitest";
import { applyPhrases, detectPhrases, npmi } from "@/lib/text/phrases";
import { createRandom } from "@/lib/topics/random";

const filler = Array.from({ length: 30 }, (_, i) => `word${i}`);

/** 200 documents of random filler words; 60 of them also say "neural network" somewhere. */
function corpusWithPlantedPhrase(): string[][] {
  const random = createRandom(7);
  return Array.from({ length: 200 }, (_, d) => {
    const doc = Array.from({ length: 40 }, () => filler[random.int(filler.length)]);
    if (d % 10 < 3) doc.splice(random.int(doc.length), 0, "neural", "network");
    if (d % 10 === 5) doc.push("network");
    return doc;
  });
}

describe("npmi", () => {
  it("is 1 for words that only occur together, 0 for independent ones and negative for avoiding ones", () => {
    expect(npmi({ pair: 10, first: 10, second: 10, total: 100 })).toBeCloseTo(1, 12);
    expect(npmi({ pair: 1, first: 10, second: 10, total: 100 })).toBeCloseTo(0, 12);
    expect(npmi({ pair: 1, first: 50, second: 50, total: 100 })).toBeLessThan(0);
  });
});

describe("detectPhrases", () => {
  it("finds a bigram planted across many documents and none of the chance pairs", () => {
    const docs = corpusWithPlantedPhrase();
    expect([...detectPhrases(docs)]).toEqual(["neural_network"]);
  });

  it("ignores a strongly associated pair that is rarer than minCount", () => {
    const docs = corpusWithPlantedPhrase();
    docs[0].push("quantum", "dot", "quantum", "dot");
    expect(detectPhrases(docs).has("quantum_dot")).toBe(false);
    expect(detectPhrases(docs, { minCount: 2 }).has("quantum_dot")).toBe(true);
  });

  it("does not modify its input", () => {
    const docs = corpusWithPlantedPhrase();
    const copy = structuredClone(docs);
    detectPhrases(docs);
    expect(docs).toEqual(copy);
  });
});

describe("applyPhrases", () => {
  it("joins known phrases greedily from the left and leaves the input untouched", () => {
    const tokens = ["deep", "neural", "network", "training"];
    const joined = applyPhrases(tokens, new Set(["neural_network", "network_training"]));
    expect(joined).toEqual(["deep", "neural_network", "training"]);
    expect(tokens).toEqual(["deep", "neural", "network", "training"]);
  });
});
