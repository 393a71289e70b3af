// Hand-made themes for the dashboard builders: only the figures a test names, the rest neutral.
import type { ThemeIndicators } from "@/lib/indicators/theme-indicators";
import type { DashboardTheme } from "@/lib/dashboard/types";

export type ThemeFigures = {
  volume?: number;
  growth?: number | null;
  score?: number | null;
  stage?: "emerging" | "growing" | "mature" | "saturating" | null;
  countries?: { country: string; share: number; rca?: number | null }[];
  international?: number | null;
  crossSector?: number | null;
  eligible?: number;
  leadingPhase?: "science" | "technology" | "market" | "policy" | "other";
  relative?: number | null;
  effectiveCountries?: number | null;
};

export function indicators(f: ThemeFigures = {}): ThemeIndicators {
  const shares = (f.countries ?? []).map((c) => ({ country: c.country, share: c.share, rca: c.rca ?? null }));
  const phase = f.leadingPhase ?? "science";
  const zero = { science: 0, technology: 0, market: 0, policy: 0, other: 0 };
  const diversity = (effective: number | null | undefined) =>
    effective === null || effective === undefined ? null : { categories: 2, entropy: Math.log(effective), effective, evenness: 1, total: 1 };
  return {
    firstYear: 2015,
    untilYear: 2024,
    volume: f.volume ?? 10,
    documentCount: Math.round(f.volume ?? 10),
    volumeShare: 0.1,
    growth: f.growth === undefined ? 0.1 : f.growth,
    emerging: f.score === null || f.score === undefined ? null : { score: f.score, novelty: 1, shareGrowth: 0.1, weakSignal: 0, volumeShare: 0.1 },
    lifeCycle: { stage: f.stage ?? null, reason: null, position: null, fit: null, inflectionYear: null },
    kindMix: { shares: { ...zero, [phase]: 1 }, dominant: phase, leading: phase, relative: { ...zero, [phase]: f.relative ?? 2 }, meanYear: { science: null, technology: null, market: null, policy: null, other: null } },
    diversity: { countries: diversity(f.effectiveCountries), institutions: null, sources: null },
    countries: { shares, leader: shares[0] ?? null, coverage: shares.length ? 1 : 0 },
    collaboration: {
      international: { share: f.international ?? null, eligible: f.international === undefined || f.international === null ? 0 : (f.eligible ?? 10) },
      crossSector: { share: f.crossSector ?? null, eligible: f.crossSector === undefined || f.crossSector === null ? 0 : (f.eligible ?? 10) },
    },
  };
}

let counter = 0;

export function theme(options: { id?: string; label?: string; labelZh?: string | null; areaId?: string | null; terms?: [string, number][]; figures?: ThemeFigures | null } = {}): DashboardTheme {
  const index = counter++;
  return {
    id: options.id ?? `t${index}`,
    index,
    label: options.label ?? `theme ${index}`,
    labelZh: options.labelZh ?? null,
    areaId: options.areaId ?? null,
    topTerms: (options.terms ?? []).map(([term, weight]) => ({ term, weight })),
    documentCount: 0,
    indicators: options.figures === null ? null : indicators(options.figures ?? {}),
  };
}
