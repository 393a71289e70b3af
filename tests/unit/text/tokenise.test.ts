import { describe, expect, it } from "vitest";
import { tokenise } from "@/lib/text/tokenise";

describe("tokenise", () => {
  it("drops English stop words, academic boilerplate, numbers and words under three letters", () => {
    const tokens = tokenise("In this paper we propose a novel approach to 3 of the 12 AI batteries in 2024.");
    expect(tokens).toEqual(["battery"]);
  });

  it("lower-cases, applies NFKC and strips Latin accents", () => {
    expect(tokenise("Ｆｕｌｌ-width GRAPHENE café")).toEqual(["full-width", "graphene", "cafe"]);
  });

  it("keeps hyphenated compounds whole and words that start with a letter and contain digits", () => {
    expect(tokenise("lithium-ion cells, covid-19 and h2o")).toEqual(["lithium-ion", "cell", "covid-19", "h2o"]);
  });

  it("merges plurals but keeps -ing and -ed forms readable", () => {
    expect(tokenise("networks network learning batteries vehicles encoded")).toEqual([
      "network",
      "network",
      "learning",
      "battery",
      "vehicle",
      "encoded",
    ]);
  });

  it("removes stop words in their plural or inflected form too", () => {
    expect(tokenise("results methods proposed studies showed")).toEqual([]);
  });

  it("segments a Chinese sentence into words and drops stop words and single characters", () => {
    const tokens = tokenise("固态电池的能量密度研究");
    expect(tokens).toContain("固态");
    expect(tokens.some((t) => t === "密度" || t === "能量密度")).toBe(true);
    expect(tokens).not.toContain("的");
    expect(tokens).not.toContain("研究");
    expect(tokens.every((t) => t.length >= 2)).toBe(true);
  });

  it("handles mixed Chinese and English text in reading order", () => {
    const tokens = tokenise("基于Transformer的锂离子电池 state estimation");
    expect(tokens).toEqual(["transformer", "锂离子", "电池", "state", "estimation"]);
  });

  it("restricts tokens to one script when a language is given", () => {
    const text = "固态电池 solid electrolytes";
    expect(tokenise(text, { language: "en" })).toEqual(["solid", "electrolyte"]);
    expect(tokenise(text, { language: "zh" })).toEqual(["固态", "电池"]);
  });

  it("returns nothing for empty or punctuation-only text", () => {
    expect(tokenise("")).toEqual([]);
    expect(tokenise("— … 。，！ 123 4.5")).toEqual([]);
  });
});
