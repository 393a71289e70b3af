// All indicators of one theme, from its documents with their weights and the corpus they came from.
import { growthRate, yearlyVolume, type YearValue } from "@/lib/trends/growth";
import { corpusCountryShares, countryLeadership, crossSectorShare, internationalShare, type CollaborationShare, type CountryLeadership } from "./countries";
import { diversity, fractionalTotals, type Diversity } from "./diversity";
import type { IndicatorDocument, Member } from "./document";
import { emergingScore, type EmergingScore } from "./emerging";
import { corpusPhaseShares, kindMix, type KindMix, type PhaseShares } from "./kind-mix";
import { lifeCycle, type LifeCycle } from "./life-cycle";

/** The corpus side of every relative indicator. */
export type CorpusBaseline = {
  firstYear: number;
  untilYear: number;
  /** Documents per year, each weighing 1. */
  yearly: YearValue[];
  countryShares: Map<string, number>;
  phaseShares: PhaseShares;
  /** Number of themes: 1 / themeCount is the average theme's share, the weak-signal reference. */
  themeCount: number;
};

export function corpusBaseline(documents: readonly IndicatorDocument[], options: { themeCount: number; untilYear?: number }): CorpusBaseline {
  const yearly = yearlyVolume(documents.map((d) => ({ year: d.year, weight: 1 })));
  const years = yearly.map((y) => y.year);
  const untilYear = options.untilYear ?? (years.length ? Math.max(...years) : new Date().getUTCFullYear());
  return {
    firstYear: years.length ? Math.min(...years) : untilYear,
    untilYear,
    yearly: yearly.filter((y) => y.year <= untilYear),
    countryShares: corpusCountryShares(documents),
    phaseShares: corpusPhaseShares(documents),
    themeCount: options.themeCount,
  };
}

export type ThemeIndicators = {
  firstYear: number;
  untilYear: number;
  /** Σ weights: document-equivalents. */
  volume: number;
  /** Documents with at least `membershipThreshold` of the theme. */
  documentCount: number;
  /** volume ÷ documents in the corpus. */
  volumeShare: number;
  /** growthRate of the yearly volume over the last 5 years (lib/trends/growth). */
  growth: number | null;
  emerging: EmergingScore | null;
  lifeCycle: LifeCycle;
  kindMix: KindMix | null;
  diversity: { countries: Diversity | null; institutions: Diversity | null; sources: Diversity | null };
  countries: CountryLeadership;
  collaboration: { international: CollaborationShare; crossSector: CollaborationShare };
};

export type ThemeIndicatorOptions = { membershipThreshold?: number; growthWindow?: number };

const keyDiversity = (members: readonly Member[], keys: (d: IndicatorDocument) => readonly string[]) =>
  diversity(fractionalTotals(members.map((m) => ({ weight: m.weight, keys: keys(m.document) }))).totals.values());

/** The theme's indicators up to the baseline's untilYear (later documents are left out). */
export function themeIndicators(allMembers: readonly Member[], baseline: CorpusBaseline, options: ThemeIndicatorOptions = {}): ThemeIndicators {
  const { firstYear, untilYear } = baseline;
  const members = allMembers.filter((m) => m.weight > 0 && (m.document.year === null || m.document.year <= untilYear));
  const series = yearlyVolume(members.map((m) => ({ year: m.document.year, weight: m.weight })));
  const volume = members.reduce((a, m) => a + m.weight, 0);
  const corpusVolume = baseline.yearly.reduce((a, y) => a + y.value, 0);
  return {
    firstYear,
    untilYear,
    volume,
    documentCount: members.filter((m) => m.weight >= (options.membershipThreshold ?? 0.2)).length,
    volumeShare: corpusVolume > 0 ? volume / corpusVolume : 0,
    growth: growthRate(series, { window: options.growthWindow ?? 5, untilYear }),
    emerging: emergingScore(series, baseline.yearly, { untilYear, referenceShare: 1 / Math.max(1, baseline.themeCount) }),
    lifeCycle: lifeCycle(series, { firstYear, untilYear }),
    kindMix: kindMix(members, baseline.phaseShares),
    diversity: {
      countries: keyDiversity(members, (d) => d.countries),
      institutions: keyDiversity(members, (d) => d.institutions),
      sources: keyDiversity(members, (d) => (d.source ? [d.source] : [])),
    },
    countries: countryLeadership(members, baseline.countryShares),
    collaboration: { international: internationalShare(members), crossSector: crossSectorShare(members) },
  };
}

export type YearBreakdown = {
  year: number;
  volume: number;
  /** Volume per document kind. */
  kinds: Record<string, number>;
  /** Volume per country, fractionally counted. */
  countries: Record<string, number>;
  /** Volume per sector, fractionally counted over a document's known sectors. */
  sectors: Record<string, number>;
  /** Effective numbers (exp H) of countries, institutions and sources. */
  diversity: { countries: number | null; institutions: number | null; sources: number | null };
  international: number | null;
  crossSector: number | null;
};

/** Per-year breakdowns of a theme, for the yearly table (ThemeYearStat.breakdown). */
export function yearBreakdowns(members: readonly Member[]): YearBreakdown[] {
  const byYear = new Map<number, Member[]>();
  for (const m of members) {
    if (m.document.year === null || !(m.weight > 0)) continue;
    const group = byYear.get(m.document.year);
    if (group) group.push(m);
    else byYear.set(m.document.year, [m]);
  }
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, group]) => {
      const totals = (keys: (d: IndicatorDocument) => readonly string[]) =>
        Object.fromEntries(fractionalTotals(group.map((m) => ({ weight: m.weight, keys: keys(m.document) }))).totals);
      const effective = (keys: (d: IndicatorDocument) => readonly string[]) => keyDiversity(group, keys)?.effective ?? null;
      return {
        year,
        volume: group.reduce((a, m) => a + m.weight, 0),
        kinds: totals((d) => [d.kind]),
        countries: totals((d) => d.countries),
        sectors: totals((d) => d.sectors),
        diversity: {
          countries: effective((d) => d.countries),
          institutions: effective((d) => d.institutions),
          sources: effective((d) => (d.source ? [d.source] : [])),
        },
        international: internationalShare(group).share,
        crossSector: crossSectorShare(group).share,
      };
    });
}
