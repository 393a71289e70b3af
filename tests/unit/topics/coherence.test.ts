import { describe, expect, it } from "vitest";
import { npmiCoherence } from "@/lib/topics/coherence";

// Reference values from gensim 4.2.0: CoherenceModel(topics, texts, dictionary, coherence="c_npmi", window_size=w).
const texts = [["a", "b", "x", "x"], ["b", "c", "a", "x", "y", "c"], ["c", "y"], ["a", "b", "c", "d", "x", "y", "b"]];
const topics = [["a", "b", "c"], ["x", "y", "d"]];
const reference: [number, number[]][] = [
  [2, [-0.05109930535230652, -0.26830601472761534]],
  [3, [0.013547328168706354, 0.025385553929573607]],
  [10, [0.22004999904314493, 0.08170416594863154]],
];

describe("npmiCoherence", () => {
  it.each(reference)("matches gensim's c_npmi with a window of %i", (window, perTopic) => {
    const result = npmiCoherence({ topics, documents: texts, window });
    result.perTopic.forEach((value, t) => expect(value).toBeCloseTo(perTopic[t], 12));
    expect(result.mean).toBeCloseTo((perTopic[0] + perTopic[1]) / 2, 12);
  });

  it("scores words that always occur together 1 and words never in a window together about −1", () => {
    const documents = [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]];
    expect(npmiCoherence({ topics: [["a", "b"]], documents, window: 2 }).mean).toBeCloseTo(1, 9);
    expect(npmiCoherence({ topics: [["a", "c"]], documents, window: 2 }).mean).toBeLessThan(-0.85);
  });

  it("gives −1 to pairs with a word that never occurs and rejects a window below one", () => {
    expect(npmiCoherence({ topics: [["a", "zzz"]], documents: [["a", "b"]] }).mean).toBe(-1);
    expect(() => npmiCoherence({ topics, documents: texts, window: 0 })).toThrow(RangeError);
  });
});
