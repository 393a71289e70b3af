// Who leads a theme: country shares by fractional counting, revealed comparative advantage, and the
// open-innovation shares (international co-authorship / co-patenting, cross-sector collaboration).
import { fractionalTotals } from "./diversity";
import type { Member } from "./document";

export type CountryShare = {
  country: string;
  /** The country's share of the theme's country-attributed volume. */
  share: number;
  /** share ÷ the country's share of the whole corpus; null when the corpus has none of it. */
  rca: number | null;
};

export type CountryLeadership = {
  /** Best first (share, then code). */
  shares: CountryShare[];
  /** The country with the largest share; null when no document has a country. */
  leader: CountryShare | null;
  /** Share of the theme's volume whose documents have at least one country. */
  coverage: number;
};

/**
 * A corpus's country shares with every document weighing 1, the denominator of RCA.
 * @example corpusCountryShares([{ countries: ["CN", "US"] }, { countries: ["CN"] }]) // => { CN: 0.75, US: 0.25 }
 */
export function corpusCountryShares(documents: Iterable<{ countries: readonly string[] }>): Map<string, number> {
  const { totals, covered } = fractionalTotals([...documents].map((d) => ({ weight: 1, keys: d.countries })));
  return new Map([...totals].map(([country, value]) => [country, value / covered]));
}

/**
 * Country shares of a theme by fractional counting (a document's theme weight split equally among its
 * countries), with Balassa's revealed comparative advantage RCA = (country's share in the theme) /
 * (country's share in the corpus): above 1 the country specialises in the theme.
 * @example countryLeadership([{ document: { countries: ["CN"] … }, weight: 1 }], new Map([["CN", 0.5]]))
 * // => shares [{ country: "CN", share: 1, rca: 2 }], leader CN, coverage 1
 */
export function countryLeadership(members: readonly Member[], corpusShares: ReadonlyMap<string, number>): CountryLeadership {
  const { totals, covered, total } = fractionalTotals(members.map((m) => ({ weight: m.weight, keys: m.document.countries })));
  const shares = [...totals]
    .map(([country, value]): CountryShare => {
      const share = value / covered;
      const base = corpusShares.get(country);
      return { country, share, rca: base ? share / base : null };
    })
    .sort((a, b) => b.share - a.share || (a.country < b.country ? -1 : 1));
  return { shares, leader: shares[0] ?? null, coverage: total > 0 ? covered / total : 0 };
}

export type CollaborationShare = {
  /** Weighted share of the eligible documents that collaborate; null when none is eligible. */
  share: number | null;
  /** Summed theme weight of the documents that could be judged (≥ 1 country, or ≥ 1 known sector). */
  eligible: number;
};

function weightedShare(members: readonly Member[], size: (m: Member) => number): CollaborationShare {
  let eligible = 0;
  let collaborating = 0;
  for (const m of members) {
    const n = size(m);
    if (n === 0) continue;
    eligible += m.weight;
    if (n >= 2) collaborating += m.weight;
  }
  return { share: eligible > 0 ? collaborating / eligible : null, eligible };
}

/**
 * International co-authorship (papers) or co-patenting (patents): the weighted share of documents with
 * two or more countries, among the documents with at least one.
 */
export function internationalShare(members: readonly Member[]): CollaborationShare {
  return weightedShare(members, (m) => m.document.countries.length);
}

/**
 * Cross-sector collaboration: the weighted share of documents whose organisations span two or more of
 * academia / industry / government / other, among the documents with at least one known sector.
 */
export function crossSectorShare(members: readonly Member[]): CollaborationShare {
  return weightedShare(members, (m) => m.document.sectors.length);
}
