import { describe, expect, it } from "vitest";
import { SHARED_TEMPLATES } from "@/lib/demo/compose";
import { COUNTRY_POOLS } from "@/lib/demo/people";
import { GENERIC_WORDS, THEMES, getTheme, themeVocabulary, tokenize } from "@/lib/demo/vocabularies";

const SLOT = /\{[tgnp]\}/g;
const vocabularies = new Map(THEMES.map((theme) => [theme.id, themeVocabulary(theme)]));

describe("demo vocabularies", () => {
  it("define eight themes with unique ids, English and Chinese labels", () => {
    expect(THEMES).toHaveLength(8);
    expect(new Set(THEMES.map((t) => t.id)).size).toBe(8);
    for (const theme of THEMES) {
      expect(theme.label).toMatch(/^[A-Z]/);
      expect(theme.labelZh).toMatch(/\p{Script=Han}/u);
    }
  });

  it("cover every trend kind", () => {
    expect(new Set(THEMES.map((t) => t.trend.kind))).toEqual(new Set(["emerging", "growing", "mature", "declining"]));
  });

  it("give each theme about forty distinct terms and about ten templates with term slots", () => {
    for (const theme of THEMES) {
      expect(theme.terms.length).toBeGreaterThanOrEqual(36);
      expect(new Set(theme.terms).size).toBe(theme.terms.length);
      expect(theme.templates.length).toBeGreaterThanOrEqual(10);
      for (const template of theme.templates) {
        expect(template).toMatch(/\{t\}/);
        expect(template).toMatch(/\.$/);
        expect(template.replace(SLOT, "")).not.toMatch(/[{}]/);
      }
    }
  });

  it("share about sixty generic research words, none owned by a theme", () => {
    expect(GENERIC_WORDS.length).toBeGreaterThanOrEqual(55);
    expect(new Set(GENERIC_WORDS).size).toBe(GENERIC_WORDS.length);
    for (const vocabulary of vocabularies.values()) {
      expect(GENERIC_WORDS.filter((w) => vocabulary.has(w))).toEqual([]);
    }
  });

  it("never let two themes own the same word", () => {
    for (const a of THEMES) {
      for (const b of THEMES) {
        if (a.id >= b.id) continue;
        const shared = [...vocabularies.get(a.id)!].filter((w) => vocabularies.get(b.id)!.has(w));
        expect(shared, `${a.id} and ${b.id}`).toEqual([]);
      }
    }
  });

  it("keep other themes' words out of each theme's fixed template text", () => {
    for (const theme of THEMES) {
      const fixed = new Set(theme.templates.flatMap((t) => tokenize(t.replace(SLOT, " "))));
      for (const other of THEMES) {
        if (other.id === theme.id) continue;
        const leaked = [...fixed].filter((w) => vocabularies.get(other.id)!.has(w));
        expect(leaked, `${theme.id} templates use ${other.id} words`).toEqual([]);
      }
    }
  });

  it("keep every theme's words out of the frames all themes share", () => {
    const fixed = new Set(SHARED_TEMPLATES.flatMap((t) => tokenize(t.replace(SLOT, " "))));
    for (const [id, vocabulary] of vocabularies) {
      expect([...fixed].filter((w) => vocabulary.has(w)), id).toEqual([]);
    }
  });

  it("name only related themes that exist and leading countries that have name pools", () => {
    for (const theme of THEMES) {
      for (const id of theme.related) expect(getTheme(id).id).not.toBe(theme.id);
      for (const country of Object.keys(theme.countries)) expect(COUNTRY_POOLS[country], country).toBeDefined();
    }
  });

  it("put China ahead in batteries and the United States ahead in language models", () => {
    const leader = (id: string) => Object.entries(getTheme(id).countries).sort((a, b) => b[1] - a[1])[0][0];
    expect(leader("solid-state-batteries")).toBe("CN");
    expect(leader("large-language-models")).toBe("US");
  });

  it("tokenize into lower-case letter runs of two or more letters", () => {
    expect(tokenize("Cas9-based editing, 42 % of sgRNA")).toEqual(["cas", "based", "editing", "of", "sgrna"]);
  });
});
