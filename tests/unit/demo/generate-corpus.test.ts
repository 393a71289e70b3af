import { describe, expect, it } from "vitest";
import { generateCorpus } from "@/lib/demo/generate-corpus";
import type { DemoRecord, ThemeTruth } from "@/lib/demo/types";
import { GENERIC_WORDS, THEMES, themeVocabulary, tokenize } from "@/lib/demo/vocabularies";

const corpus = generateCorpus({ seed: 2026 });
const { records, truth } = corpus;

const themeTruth = (id: string): ThemeTruth => truth.themes.find((t) => t.themeId === id)!;
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
const planted = (id: string) => themeTruth(id).perYear.map((y) => y.planted);

describe("generateCorpus", () => {
  it("produces the same corpus for the same seed", () => {
    expect(generateCorpus({ seed: 2026 })).toEqual(corpus);
  });

  it("produces a different corpus for a different seed", () => {
    const other = generateCorpus({ seed: 2027 });
    expect(other.records.map((r) => r.title)).not.toEqual(records.map((r) => r.title));
  });

  it("makes about six hundred documents at scale 1 and proportionally more at a larger scale", () => {
    expect(records.length).toBeGreaterThan(520);
    expect(records.length).toBeLessThan(720);
    const bigger = generateCorpus({ seed: 2026, scale: 3 }).records.length;
    expect(bigger / records.length).toBeGreaterThan(2.6);
    expect(bigger / records.length).toBeLessThan(3.4);
  });

  it("makes exactly the planted number of documents per theme and year", () => {
    for (const theme of truth.themes) {
      for (const { year, planted: count } of theme.perYear) {
        const made = records.filter((r) => r.themeId === theme.themeId && r.year === year).length;
        expect(made, `${theme.themeId} ${year}`).toBe(count);
      }
    }
    expect(sum(truth.themes.map((t) => t.total))).toBe(records.length);
  });

  it("records the trend kind of every theme in the truth", () => {
    expect(truth.themes.map((t) => t.themeId)).toEqual(THEMES.map((t) => t.id));
    for (const theme of truth.themes) expect(theme.trendKind).toBe(theme.trend.kind);
  });

  it.each([2026, 1, 77])("grows emerging themes several-fold: last three years against first five (seed %i)", (seed) => {
    const { truth: t } = generateCorpus({ seed });
    for (const theme of t.themes.filter((x) => x.trendKind === "emerging")) {
      const counts = theme.perYear.map((y) => y.planted);
      expect(sum(counts.slice(-3)), theme.themeId).toBeGreaterThan(3 * Math.max(1, sum(counts.slice(0, 5))));
    }
  });

  it.each([2026, 1, 77])("lets declining themes end below their peak (seed %i)", (seed) => {
    const { truth: t } = generateCorpus({ seed });
    for (const theme of t.themes.filter((x) => x.trendKind === "declining")) {
      const counts = theme.perYear.map((y) => y.planted);
      expect(counts.at(-1)!, theme.themeId).toBeLessThan(Math.max(...counts));
      expect(sum(counts.slice(-5))).toBeLessThan(sum(counts.slice(0, 5)));
    }
  });

  it("gives growing themes more documents in their second half than in their first", () => {
    for (const theme of truth.themes.filter((x) => x.trendKind === "growing")) {
      const half = theme.perYear.length / 2;
      const counts = planted(theme.themeId);
      expect(sum(counts.slice(half)), theme.themeId).toBeGreaterThan(sum(counts.slice(0, half)));
      // The planted curve itself more than doubles; the noisy counts only have to rise.
      const expected = theme.perYear.map((y) => y.expected);
      expect(sum(expected.slice(half)), theme.themeId).toBeGreaterThan(2 * sum(expected.slice(0, half)));
    }
  });

  it("draws about 70 % of each document's content words from its own theme", () => {
    const vocabularies = new Map(THEMES.map((t) => [t.id, themeVocabulary(t)]));
    const generic = new Set(GENERIC_WORDS);
    const shares = records.map((record) => {
      const byTheme = new Map<string, number>();
      let content = 0;
      for (const word of tokenize(record.abstract)) {
        if (generic.has(word)) content++;
        for (const [id, vocabulary] of vocabularies) {
          if (!vocabulary.has(word)) continue;
          content++;
          byTheme.set(id, (byTheme.get(id) ?? 0) + 1);
        }
      }
      const own = byTheme.get(record.themeId) ?? 0;
      const rival = Math.max(0, ...[...byTheme].filter(([id]) => id !== record.themeId).map(([, n]) => n));
      expect(own, record.id).toBeGreaterThan(rival);
      return own / content;
    });
    const mean = sum(shares) / shares.length;
    expect(mean).toBeGreaterThan(0.62);
    expect(mean).toBeLessThan(0.78);
    expect(shares.filter((s) => s >= 0.5).length / shares.length).toBeGreaterThan(0.95);
  });

  it("fills every record with a title, an abstract of 3–6 sentences and 80–150 words, and a date in its year", () => {
    for (const record of records) {
      expect(record.title.trim(), record.id).not.toBe("");
      const words = record.abstract.split(/\s+/).length;
      const sentences = record.abstract.match(/[.!?](?=\s|$)/g)?.length ?? 0;
      expect(words, record.id).toBeGreaterThanOrEqual(80);
      expect(words, record.id).toBeLessThanOrEqual(150);
      expect(sentences, record.id).toBeGreaterThanOrEqual(3);
      expect(sentences, record.id).toBeLessThanOrEqual(6);
      expect(record.year).toBeGreaterThanOrEqual(2012);
      expect(record.year).toBeLessThanOrEqual(2025);
      expect(record.date).toMatch(new RegExp(`^${record.year}-\\d\\d-\\d\\d$`));
      expect(new Date(`${record.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(record.date);
    }
  });

  it("names authors as 'Family, Given' and countries as ISO alpha-2 codes with an affiliation each", () => {
    for (const record of records) {
      expect(record.authors.length).toBeGreaterThan(0);
      for (const author of record.authors) expect(author).toMatch(/^[^,]+, [^,]+$/);
      expect(new Set(record.authors).size).toBe(record.authors.length);
      for (const country of record.countries) expect(country).toMatch(/^[A-Z]{2}$/);
      expect(record.affiliations.length).toBeGreaterThanOrEqual(record.countries.length);
      expect(record.keywords.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives papers unique test-prefix DOIs, patents unique patent numbers and news neither", () => {
    const dois = records.flatMap((r) => (r.doi ? [r.doi] : []));
    expect(new Set(dois).size).toBe(dois.length);
    const numbers = records.flatMap((r) => (r.patentNumber ? [r.patentNumber] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const record of records) {
      const isPaper = record.kind === "PAPER" || record.kind === "CONFERENCE_PAPER";
      if (isPaper) expect(record.doi).toMatch(new RegExp(`^10\\.5555/demo\\.${record.year}\\.\\d{5}$`));
      else expect(record.doi).toBeUndefined();
      if (record.kind === "PATENT") expect(record.patentNumber).toMatch(/^(CN|US|JP|KR|EP|WO)\d+[AB]\d?$/);
      else expect(record.patentNumber).toBeUndefined();
    }
  });

  it("never repeats a title within a year, so deduplication keeps every record", () => {
    const keys = records.map((r) => `${r.title.toLowerCase()}|${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives records ascending ids in date order", () => {
    expect(records.map((r) => r.id)).toEqual(records.map((_, i) => `demo-${String(i + 1).padStart(5, "0")}`));
    expect(records.map((r) => r.date)).toEqual(records.map((r) => r.date).sort());
  });

  it("shifts each theme from papers to patents and news along its life cycle", () => {
    const big = generateCorpus({ seed: 5, scale: 3 }).records;
    const meanYear = (rs: DemoRecord[]) => sum(rs.map((r) => r.year)) / rs.length;
    for (const theme of THEMES) {
      const own = big.filter((r) => r.themeId === theme.id);
      const papers = meanYear(own.filter((r) => r.kind === "PAPER"));
      expect(meanYear(own.filter((r) => r.kind === "PATENT")), theme.id).toBeGreaterThan(papers);
      expect(meanYear(own.filter((r) => r.kind === "NEWS")), theme.id).toBeGreaterThan(papers);
    }
  });

  it("gives each theme's leading country the most documents", () => {
    // At scale 1 a theme has only ~100 documents; a larger corpus keeps sampling noise out.
    const big = generateCorpus({ seed: 2026, scale: 4 }).records;
    const firstCountries = (id: string) => {
      const counts = new Map<string, number>();
      for (const r of big.filter((x) => x.themeId === id)) counts.set(r.countries[0], (counts.get(r.countries[0]) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0][0];
    };
    expect(firstCountries("solid-state-batteries")).toBe("CN");
    expect(firstCountries("large-language-models")).toBe("US");
  });

  it("honours a custom year window", () => {
    const { records: window, truth: t } = generateCorpus({ seed: 3, years: [2018, 2020] });
    expect(new Set(window.map((r) => r.year))).toEqual(new Set([2018, 2019, 2020]));
    expect(t.themes[0].perYear.map((y) => y.year)).toEqual([2018, 2019, 2020]);
  });

  it("rejects a non-integer seed, reversed years and a non-positive scale", () => {
    expect(() => generateCorpus({ seed: 1.5 })).toThrow(/seed/);
    expect(() => generateCorpus({ seed: 1, years: [2025, 2012] })).toThrow(/years/);
    expect(() => generateCorpus({ seed: 1, scale: 0 })).toThrow(/scale/);
  });
});
