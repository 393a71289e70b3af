// Everything the theme evidence page shows: terms, representative documents, the yearly table,
// the indicators and where they came from (model version, run, theme set).
import { db } from "@/lib/db";
import type { ThemeIndicators, YearBreakdown } from "./theme-indicators";

export type StoredEvidence = {
  modelVersion?: string;
  topicRunId?: string;
  terms?: string[];
  basis?: { table: string; minWeight: number; membershipThreshold: number; documents: number };
  indicators?: ThemeIndicators;
  /** The fitted trend of the yearly volume and its next years (lib/tensor/forecast.ts); null with under 3 years. */
  forecast?: StoredForecast | null;
};

export type StoredForecast = { growth: number; points: { year: number; value: number; lower: number; upper: number }[] };

/** A theme's stored forecast, or null when there is none or it is not in the expected shape. */
export function forecastOf(evidence: unknown): StoredForecast | null {
  const forecast = (evidence as StoredEvidence | null)?.forecast;
  if (!forecast || typeof forecast.growth !== "number" || !Array.isArray(forecast.points)) return null;
  const points = forecast.points.filter((p) => [p?.year, p?.value, p?.lower, p?.upper].every(Number.isFinite));
  return points.length ? { growth: forecast.growth, points } : null;
}

/** A theme's stored indicators; null for themes stored before indicators existed. */
export function indicatorsOf(evidence: unknown): ThemeIndicators | null {
  const indicators = (evidence as StoredEvidence | null)?.indicators;
  return indicators && typeof indicators.volume === "number" && indicators.lifeCycle ? indicators : null;
}

export type YearRow = { year: number; documentCount: number; volume: number; breakdown: Partial<Omit<YearBreakdown, "year" | "volume">> };

/** The theme of a study with its evidence, or null when the study has no such theme. */
export async function getThemeEvidence(studyId: string, themeId: string) {
  const theme = await db().theme.findFirst({
    where: { id: themeId, themeSet: { studyId } },
    include: {
      themeSet: {
        select: {
          id: true,
          version: true,
          origin: true,
          createdAt: true,
          study: { select: { id: true, name: true } },
          topicRun: { select: { id: true, algorithm: true, modelVersion: true, k: true, seed: true, documentCount: true, vocabularySize: true, finishedAt: true } },
        },
      },
      yearStats: { orderBy: { year: "asc" } },
      alerts: { orderBy: { createdAt: "desc" }, select: { id: true, title: true, message: true, status: true, createdAt: true } },
      documents: {
        orderBy: [{ weight: "desc" }, { documentId: "asc" }],
        take: 10,
        select: { weight: true, document: { select: { id: true, title: true, year: true, kind: true, countries: true, venue: true } } },
      },
      _count: { select: { documents: true } },
    },
  });
  if (!theme) return null;
  const years: YearRow[] = theme.yearStats.map((s) => ({ year: s.year, documentCount: s.documentCount, volume: s.volume, breakdown: s.breakdown as YearRow["breakdown"] }));
  return { theme, evidence: theme.evidence as StoredEvidence, indicators: indicatorsOf(theme.evidence), forecast: forecastOf(theme.evidence), years };
}
