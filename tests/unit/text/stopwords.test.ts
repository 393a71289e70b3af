import { describe, expect, it } from "vitest";
import { chineseStopWords, englishStopWords } from "@/lib/text/stopwords";

describe("stop words", () => {
  it("hold a standard-sized English list with academic boilerplate", () => {
    expect(englishStopWords.size).toBeGreaterThanOrEqual(300);
    for (const word of ["the", "which", "paper", "propose", "result", "method", "approach", "show", "study", "based", "using"]) {
      expect(englishStopWords.has(word)).toBe(true);
    }
  });

  it("leave technology words such as system, computer and energy to the topic model", () => {
    for (const word of ["system", "computer", "energy", "network", "performance"]) {
      expect(englishStopWords.has(word)).toBe(false);
    }
  });

  it("hold the common Chinese function words and abstract boilerplate", () => {
    expect(chineseStopWords.size).toBeGreaterThanOrEqual(150);
    for (const word of ["的", "了", "和", "是", "在", "我们", "本文", "研究", "方法"]) {
      expect(chineseStopWords.has(word)).toBe(true);
    }
  });
});
