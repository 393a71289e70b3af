// Indicators for every theme of a new theme set, from the weights the set stores (document_theme),
// so each figure can be recomputed from the database.
import type { Tx } from "@/lib/db";
import { toIndicatorDocument, type IndicatorDocument, type Member } from "./document";
import { corpusBaseline, themeIndicators, yearBreakdowns, type ThemeIndicators, type YearBreakdown } from "./theme-indicators";

/** Countries kept in the stored evidence; the leader is always among them. */
const STORED_COUNTRIES = 25;

export type ThemeWeights = { documents: readonly { documentId: string; weight: number }[] };
export type ThemeSetIndicator = { indicators: ThemeIndicators; years: YearBreakdown[] };

/** The study's documents as the indicators read them. */
export async function loadIndicatorDocuments(tx: Tx, studyId: string): Promise<Map<string, IndicatorDocument>> {
  const rows = await tx.document.findMany({
    where: { studyId },
    select: { id: true, year: true, kind: true, countries: true, affiliations: true, assignees: true, venue: true, patentNumber: true },
  });
  return new Map(rows.map((row) => [row.id, toIndicatorDocument(row)]));
}

/**
 * Indicators of each theme, in the order given. The corpus runs to its latest year, but never past
 * the current one (a mistyped future date must not make every theme look like it collapsed).
 */
export function themeSetIndicators(
  themes: readonly ThemeWeights[],
  documents: ReadonlyMap<string, IndicatorDocument>,
  options: { membershipThreshold?: number; now?: Date } = {},
): ThemeSetIndicator[] {
  const thisYear = (options.now ?? new Date()).getUTCFullYear();
  const years = [...documents.values()].flatMap((d) => (d.year !== null && d.year <= thisYear ? [d.year] : []));
  const untilYear = years.length ? Math.max(...years) : thisYear;
  const baseline = corpusBaseline([...documents.values()], { themeCount: themes.length, untilYear });
  return themes.map((theme) => {
    const members: Member[] = theme.documents.flatMap(({ documentId, weight }) => {
      const document = documents.get(documentId);
      return document ? [{ document, weight }] : [];
    });
    const indicators = themeIndicators(members, baseline, { membershipThreshold: options.membershipThreshold });
    const shares = indicators.countries.shares.slice(0, STORED_COUNTRIES);
    return { indicators: { ...indicators, countries: { ...indicators.countries, shares } }, years: yearBreakdowns(members) };
  });
}
