// Choosing K: the range, the held-out split, the rule, and the figures on a corpus with known topics.
import { describe, expect, it } from "vitest";
import { trainLda } from "@/lib/topics/lda";
import { chooseK, kRange, phiMatrix, scoreCandidate, splitHeldOut, subCorpus } from "@/lib/topics/model-selection";
import { plantedCorpus, PLANTED_TOPICS } from "../topics/planted-corpus";

const train = (corpus: Parameters<typeof trainLda>[0], k: number) => {
  const run = trainLda(corpus, { k, seed: 3, iterations: 60 });
  let step = run.next();
  while (!step.done) step = run.next();
  return step.value;
};

describe("kRange", () => {
  it("lists from … to by step, including the end when the steps land on it", () => {
    expect(kRange({ from: 10, to: 40, step: 5 })).toEqual([10, 15, 20, 25, 30, 35, 40]);
    expect(kRange({ from: 4, to: 10, step: 4 })).toEqual([4, 8]);
    expect(kRange({ from: 6, to: 6, step: 1 })).toEqual([6]);
  });
  it("refuses an empty, backwards or oversized range", () => {
    expect(() => kRange({ from: 10, to: 5, step: 1 })).toThrow(RangeError);
    expect(() => kRange({ from: 2, to: 10, step: 0 })).toThrow(RangeError);
    expect(() => kRange({ from: 2, to: 200, step: 1 })).toThrow(/at most 20/);
  });
});

describe("splitHeldOut", () => {
  it("is seeded, disjoint, complete and close to the share", () => {
    const a = splitHeldOut(2000, { share: 0.1, seed: 7 });
    expect(splitHeldOut(2000, { share: 0.1, seed: 7 })).toEqual(a);
    expect(splitHeldOut(2000, { share: 0.1, seed: 8 })).not.toEqual(a);
    expect([...a.train, ...a.heldOut].sort((x, y) => x - y)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(a.heldOut.length).toBeGreaterThan(150);
    expect(a.heldOut.length).toBeLessThan(250);
  });
  it("keeps a document on each side of a tiny corpus", () => {
    const { train, heldOut } = splitHeldOut(2, { share: 0.01, seed: 1 });
    expect(train).toHaveLength(1);
    expect(heldOut).toHaveLength(1);
  });
});

describe("chooseK", () => {
  it("takes the most coherent K among those within 10 % of the best perplexity", () => {
    const candidates = [
      { k: 10, coherence: 0.02, perplexity: 1200 }, // too far from the best perplexity
      { k: 20, coherence: 0.09, perplexity: 1050 },
      { k: 30, coherence: 0.07, perplexity: 1000 },
      { k: 40, coherence: 0.05, perplexity: 990 },
    ];
    expect(chooseK(candidates)).toBe(20);
    expect(chooseK(candidates, { tolerance: 0.02 })).toBe(30);
    expect(chooseK(candidates, { tolerance: 0.005 })).toBe(40);
    expect(chooseK([{ k: 10, coherence: 0.3, perplexity: 1200 }, ...candidates.slice(1)])).toBe(20);
  });
  it("breaks ties towards fewer themes and never picks a non-finite figure", () => {
    expect(chooseK([{ k: 12, coherence: 0.1, perplexity: 100 }, { k: 8, coherence: 0.1, perplexity: 100 }])).toBe(8);
    expect(chooseK([{ k: 8, coherence: Number.NaN, perplexity: 100 }, { k: 12, coherence: 0.01, perplexity: 105 }])).toBe(12);
    expect(() => chooseK([{ k: 8, coherence: Number.NaN, perplexity: 1 }])).toThrow(RangeError);
  });
});

describe("scoring candidates on a corpus with four planted topics", () => {
  const corpus = plantedCorpus({ documents: 240, length: 50, seed: 11 });
  const { train: trainIdx, heldOut: heldIdx } = splitHeldOut(corpus.docs.length, { share: 0.1, seed: 5 });
  const training = subCorpus(corpus, trainIdx);
  const heldOut = heldIdx.map((d) => corpus.docs[d]);
  const scores = [2, PLANTED_TOPICS, 8].map((k) => scoreCandidate(train(training, k), { training, heldOut, seed: 1 }));

  it("gives the planted K better perplexity than too few topics, and picks it", () => {
    const [two, four] = scores;
    expect(four.perplexity).toBeLessThan(two.perplexity * 0.9);
    expect(four.coherence).toBeGreaterThan(0);
    expect(chooseK(scores)).toBe(PLANTED_TOPICS);
  });

  it("lays φ out word-major with each topic summing to one", () => {
    const model = train(training, 3);
    const phi = phiMatrix(model);
    expect(phi).toHaveLength(model.vocab.length * 3);
    for (let t = 0; t < 3; t++) {
      let sum = 0;
      for (let w = 0; w < model.vocab.length; w++) sum += phi[w * 3 + t];
      expect(sum).toBeCloseTo(1, 9);
      expect(phi[5 * 3 + t]).toBe(model.phi(t)[5]);
    }
  });
});
