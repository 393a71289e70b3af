import { describe, expect, it } from "vitest";
import { logLikelihood, type LdaCounts } from "@/lib/topics/lda-counts";

describe("logLikelihood", () => {
  it("matches the Dirichlet-multinomial formula computed independently with Python's lgamma", () => {
    // Two topics, three words: word 0 twice in topic 0, word 1 once in each, word 2 three times in topic 1.
    const counts: LdaCounts = {
      k: 2,
      vocabSize: 3,
      nwk: Int32Array.of(2, 0, 1, 1, 0, 3),
      ndk: Int32Array.of(3, 4),
      nk: Int32Array.of(3, 4),
    };
    expect(logLikelihood(counts, 0.5)).toBeCloseTo(-7.698482787880949, 12);
  });

  it("equals ln 1/3 for one word type seen twice among two with beta 1 (Pólya urn: 1/2 · 2/3)", () => {
    const counts: LdaCounts = { k: 1, vocabSize: 2, nwk: Int32Array.of(2, 0), ndk: Int32Array.of(2), nk: Int32Array.of(2) };
    expect(logLikelihood(counts, 1)).toBeCloseTo(Math.log(1 / 3), 12);
  });

  it("is zero for an empty corpus", () => {
    const counts: LdaCounts = { k: 3, vocabSize: 4, nwk: new Int32Array(12), ndk: new Int32Array(0), nk: new Int32Array(3) };
    expect(logLikelihood(counts, 0.01)).toBeCloseTo(0, 10);
  });
});
