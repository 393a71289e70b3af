import { describe, expect, it } from "vitest";
import { corpusBaseline, themeIndicators, yearBreakdowns } from "@/lib/indicators/theme-indicators";
import { themeSetIndicators } from "@/lib/indicators/theme-set-indicators";
import { CORPUS, MEMBERS, WEIGHTS } from "./six-documents";

describe("themeIndicators on the six-document example", () => {
  const baseline = corpusBaseline(CORPUS, { themeCount: 4 });

  it("reads the corpus: years, documents per year, country and phase shares", () => {
    expect(baseline.firstYear).toBe(2020);
    expect(baseline.untilYear).toBe(2023);
    expect(baseline.yearly).toEqual([{ year: 2020, value: 1 }, { year: 2021, value: 2 }, { year: 2022, value: 1 }, { year: 2023, value: 2 }]);
    expect(baseline.countryShares.get("CN")).toBeCloseTo(0.4, 12);
  });

  it("gathers volume, counts, shares, diversity and collaboration", () => {
    const result = themeIndicators(MEMBERS, baseline);
    // Volume 1 + ½ + ½ + ¼ + 1 = 3.25 of 6 documents; at ≥ 0.2: d1, d2, d3, d4, d5 = 5 documents.
    expect(result.volume).toBe(3.25);
    expect(result.volumeShare).toBeCloseTo(3.25 / 6, 12);
    expect(result.documentCount).toBe(5);
    expect(result.countries.leader?.country).toBe("CN");
    expect(result.collaboration.international.share).toBeCloseTo(1.25 / 2.25, 12);
    expect(result.kindMix?.leading).toBe("market");
    // Countries CN 1.125, US 1, DE 0.125 (see countries.test.ts): H = −Σ p ln p over 0.5, 0.4444, 0.0556.
    const p = [1.125, 1, 0.125].map((v) => v / 2.25);
    expect(result.diversity.countries?.entropy).toBeCloseTo(-p.reduce((a, x) => a + x * Math.log(x), 0), 12);
    // Institutions: d1 tsinghua ½ acme ½; d2 tsinghua ½; d3 acme ½; d4 tum ⅛ tsinghua ⅛ → 1.125, 1, 0.125 again.
    expect(result.diversity.institutions?.effective).toBeCloseTo(result.diversity.countries!.effective, 12);
    // Sources: nature 1 + ½ = 1.5, patent office CN ½, neurips ¼ (d5 has none) → 3 categories.
    expect(result.diversity.sources?.categories).toBe(3);
    expect(result.diversity.sources?.total).toBe(2.25);
    // Four years are too few for a life-cycle stage.
    expect(result.lifeCycle).toMatchObject({ stage: null, reason: "too short: 4 years, at least 5 needed" });
  });

  it("grows with the theme's yearly volume and scores it against the corpus", () => {
    const result = themeIndicators(MEMBERS, baseline);
    // Theme volume 2019–2023: 0, 1, 1, 0.25, 1. growthRate fits ln(1 + v) = 0, ln 2, ln 2, ln 1.25, ln 2
    // on x = −2 … 2: Σ x·y = −ln 2 + 0 + ln 1.25 + 2 ln 2 = ln 2.5, slope ln 2.5 / 10,
    // growth 2.5^0.1 − 1 = 0.0959582 (numpy.polyfit on log1p gives 0.09595822638521728).
    expect(result.growth).toBeCloseTo(2.5 ** 0.1 - 1, 12);
    expect(result.emerging?.volumeShare).toBeCloseTo(3.25 / 6, 12);
  });

  it("leaves out documents after untilYear", () => {
    const until2021 = themeIndicators(MEMBERS, corpusBaseline(CORPUS, { themeCount: 4, untilYear: 2021 }));
    // Only d1, d2, d3 (2020–2021): 1 + ½ + ½ = 2.
    expect(until2021.volume).toBe(2);
    expect(until2021.countries.shares.map((s) => s.country)).toEqual(["CN", "US"]);
  });
});

describe("yearBreakdowns", () => {
  it("splits each year's volume by kind, country and sector", () => {
    const years = yearBreakdowns(MEMBERS);
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023]);
    const y2021 = years[1];
    // d2 (PATENT, CN, academia, w ½) and d3 (PAPER, US, industry, w ½).
    expect(y2021).toMatchObject({ volume: 1, kinds: { PATENT: 0.5, PAPER: 0.5 }, countries: { CN: 0.5, US: 0.5 }, sectors: { academia: 0.5, industry: 0.5 } });
    expect(y2021.diversity.countries).toBeCloseTo(2, 12);
    expect(y2021.international).toBe(0);
    expect(years[0].international).toBe(1);
    expect(years[3]).toMatchObject({ volume: 1, countries: {}, international: null, crossSector: null });
  });
});

describe("themeSetIndicators", () => {
  it("joins stored weights to documents and ends at the current year at the latest", () => {
    const documents = new Map(CORPUS.map((d) => [d.id, d]));
    const themes = [{ documents: CORPUS.map((d, i) => ({ documentId: d.id, weight: WEIGHTS[i] })).filter((d) => d.weight > 0) }];
    const [result] = themeSetIndicators(themes, documents, { now: new Date("2022-06-01") });
    expect(result.indicators.untilYear).toBe(2022);
    expect(result.indicators.volume).toBe(2.25); // d5 (2023) is after untilYear
    expect(result.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023]);
  });
});
