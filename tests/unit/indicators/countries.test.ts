import { describe, expect, it } from "vitest";
import { corpusCountryShares, countryLeadership, crossSectorShare, internationalShare } from "@/lib/indicators/countries";
import { CORPUS, MEMBERS } from "./six-documents";

describe("country shares and RCA on the six-document example", () => {
  // Corpus, every document weighing 1, split over its countries; d5 has none, so 5 documents count:
  // CN = ½ (d1) + 1 (d2) + ½ (d4) = 2 → 0.4;  US = ½ (d1) + 1 (d3) = 1.5 → 0.3;  DE = ½ (d4) + 1 (d6) = 1.5 → 0.3.
  const corpus = corpusCountryShares(CORPUS);

  it("counts the corpus fractionally, each document once", () => {
    expect(Object.fromEntries(corpus)).toEqual({ CN: 0.4, US: 0.3, DE: 0.3 });
  });

  it("gives the theme's shares by fractional counting of its weights, with RCA against the corpus", () => {
    // Theme: d1 (w 1) CN ½ US ½; d2 (w ½) CN ½; d3 (w ½) US ½; d4 (w ¼) DE ⅛ CN ⅛; d5 (w 1) no country.
    // CN = 1.125, US = 1, DE = 0.125 of a covered 2.25 → 0.5, 0.4444…, 0.0555…
    // RCA = 0.5 / 0.4 = 1.25;  0.4444 / 0.3 = 1.4815;  0.0556 / 0.3 = 0.1852.
    const { shares, leader, coverage } = countryLeadership(MEMBERS, corpus);
    expect(shares.map((s) => s.country)).toEqual(["CN", "US", "DE"]);
    expect(shares[0].share).toBeCloseTo(0.5, 12);
    expect(shares[1].share).toBeCloseTo(1 / 2.25, 12);
    expect(shares[2].share).toBeCloseTo(0.125 / 2.25, 12);
    expect(shares[0].rca).toBeCloseTo(1.25, 12);
    expect(shares[1].rca).toBeCloseTo(1 / 2.25 / 0.3, 12);
    expect(shares[2].rca).toBeCloseTo(0.125 / 2.25 / 0.3, 12);
    expect(leader?.country).toBe("CN");
    // Covered 2.25 of a total weight 3.25 (d5's 1 has no country).
    expect(coverage).toBeCloseTo(2.25 / 3.25, 12);
    expect(shares.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12);
  });

  it("measures international co-authorship among the documents that have a country", () => {
    // Eligible: d1 1 + d2 ½ + d3 ½ + d4 ¼ = 2.25; with ≥ 2 countries: d1 1 + d4 ¼ = 1.25 → 0.5556.
    expect(internationalShare(MEMBERS)).toEqual({ share: 1.25 / 2.25, eligible: 2.25 });
  });

  it("measures cross-sector collaboration among the documents with a known sector", () => {
    // Eligible: d1 1 + d2 ½ + d3 ½ + d4 ¼ = 2.25; two sectors only in d1 (academia + industry) → 1 / 2.25.
    expect(crossSectorShare(MEMBERS)).toEqual({ share: 1 / 2.25, eligible: 2.25 });
  });

  it("gives no leader, no share and RCA null for what the corpus lacks", () => {
    const none = countryLeadership([{ document: { ...CORPUS[4] }, weight: 1 }], corpus);
    expect(none).toEqual({ shares: [], leader: null, coverage: 0 });
    expect(internationalShare([])).toEqual({ share: null, eligible: 0 });
    const elsewhere = countryLeadership([{ document: { ...CORPUS[0], countries: ["FR"] }, weight: 1 }], corpus);
    expect(elsewhere.shares).toEqual([{ country: "FR", share: 1, rca: null }]);
  });

  it("makes RCA 1 for every country when the theme is the whole corpus", () => {
    const whole = countryLeadership(CORPUS.map((document) => ({ document, weight: 1 })), corpus);
    for (const s of whole.shares) expect(s.rca).toBeCloseTo(1, 12);
  });
});
