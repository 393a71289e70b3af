import { describe, expect, it } from "vitest";
import { foldIn } from "@/lib/topics/fold-in";
import { documentCompletion } from "@/lib/topics/perplexity";

/** Two topics over four words: topic 0 says words 0 and 1, topic 1 says words 2 and 3 (word-major φ). */
const phi = Float64Array.of(0.5, 0, 0.5, 0, 0, 0.5, 0, 0.5);
const alpha = Float64Array.of(0.1, 0.1);

describe("foldIn", () => {
  it("puts a document of topic-0 words almost wholly in topic 0, deterministically per seed", () => {
    const tokens = Int32Array.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
    const theta = foldIn({ phi, k: 2, tokens, alpha, iterations: 50, seed: 3 });
    // With φ this sharp every draw is topic 0: θ = (10 + 0.1) / (10 + 0.2).
    expect(theta[0]).toBeCloseTo(10.1 / 10.2, 12);
    expect(foldIn({ phi, k: 2, tokens, alpha, iterations: 50, seed: 3 })).toEqual(theta);
  });

  it("recovers a 30/70 mixture", () => {
    const tokens = Int32Array.from([...new Array(30).fill(0), ...new Array(70).fill(3)]);
    const theta = foldIn({ phi, k: 2, tokens, alpha, iterations: 50, seed: 1 });
    expect(theta[0]).toBeCloseTo(30.1 / 100.2, 12);
  });
});

describe("documentCompletion", () => {
  it("equals the vocabulary size for one uniform topic", () => {
    const uniform = new Float64Array(5).fill(0.2);
    const documents = [Int32Array.of(0, 1, 2, 3), Int32Array.of(4, 4, 1)];
    const result = documentCompletion({ phi: uniform, k: 1, documents, alpha: Float64Array.of(1) });
    expect(result.perplexity).toBeCloseTo(5, 10);
    expect(result.tokens).toBe(2 + 2);
    expect(result.documents).toBe(2);
  });

  it("scores the second half with θ from the first: a topic-pure document costs about 2 per token", () => {
    // First half words 0, 1 → θ ≈ (0.99, 0.01); second half words 0, 1 each have p ≈ 0.99 · 0.5.
    const result = documentCompletion({ phi, k: 2, documents: [Int32Array.of(0, 1, 0, 1)], alpha, iterations: 20 });
    const p = ((2 + 0.1) / 2.2) * 0.5;
    expect(result.perplexity).toBeCloseTo(1 / p, 10);
  });

  it("skips documents too short to split", () => {
    const result = documentCompletion({ phi, k: 2, documents: [Int32Array.of(0)], alpha });
    expect(result.documents).toBe(0);
    expect(result.tokens).toBe(0);
  });
});
