import { describe, expect, it } from "vitest";
import { jaccard, LABEL_MATCH, matchLabels, type LabelledTheme } from "@/lib/curation/label-matching";

const words = (prefix: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `${prefix}${i + from}`);

describe("jaccard", () => {
  it("is |A ∩ B| / |A ∪ B|", () => {
    expect(jaccard(["a", "b", "c"], ["b", "c", "d"])).toBe(0.5);
    expect(jaccard([], [])).toBe(0);
    expect(jaccard(["a"], ["a"])).toBe(1);
  });
});

describe("matchLabels", () => {
  const labelled = (id: string, terms: string[], labelSource: LabelledTheme["labelSource"] = "EXPERT"): LabelledTheme => ({ id, label: `label ${id}`, labelZh: null, labelSource, terms });

  it("gives a new theme the human label of the previous theme whose top terms it shares", () => {
    // 12 of 20 shared: Jaccard 12 / 28 ≈ 0.43.
    const previous = [labelled("old", [...words("w", 12), ...words("x", 8)])];
    const next = [
      { id: "other", terms: words("z", 20) },
      { id: "same", terms: [...words("w", 12), ...words("y", 8)] },
    ];
    expect(matchLabels(previous, next)).toEqual([{ themeId: "same", fromThemeId: "old", jaccard: 12 / 28, label: "label old", labelZh: null, labelSource: "EXPERT" }]);
  });

  it("leaves machine labels and weak overlaps alone", () => {
    const previous = [labelled("machine", words("w", 20), "MACHINE"), labelled("weak", [...words("v", 8), ...words("u", 12)])];
    // 8 of 20 shared with "weak": 8 / 32 = 0.25 < threshold.
    const next = [{ id: "n1", terms: words("w", 20) }, { id: "n2", terms: [...words("v", 8), ...words("t", 12)] }];
    expect(LABEL_MATCH.threshold).toBeGreaterThan(0.25);
    expect(matchLabels(previous, next)).toEqual([]);
  });

  it("gives each label to one theme only, the best match first", () => {
    const previous = [labelled("p", words("w", 20))];
    const next = [{ id: "half", terms: [...words("w", 14), ...words("y", 6)] }, { id: "full", terms: words("w", 20) }];
    expect(matchLabels(previous, next).map((m) => m.themeId)).toEqual(["full"]);
  });
});
