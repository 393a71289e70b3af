// Stores the next version of a study's theme set: its themes (in the order given), their document
// weights and yearly indicators, recomputed from the stored weights exactly as a scan computes them.
import type { Tx } from "@/lib/db";
import { MEMBERSHIP_THRESHOLD, STORED_WEIGHT_MIN } from "@/lib/scans/describe-themes";
import { yearlyVolume } from "@/lib/trends/growth";
import { themeSetIndicators, type ThemeSetIndicator } from "@/lib/indicators/theme-set-indicators";
import type { IndicatorDocument } from "@/lib/indicators/document";
import type { ThemeDraft } from "@/lib/curation/theme-draft";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export type VersionParent = { id: string; studyId: string; version: number; topicRunId: string | null };
export type WriteVersionOptions = {
  parent: VersionParent;
  drafts: readonly ThemeDraft[];
  documents: ReadonlyMap<string, IndicatorDocument>;
  note: string;
  createdById: string | null;
};

/** Indicators for the drafts; pure, so it runs before the transaction opens. */
export function draftIndicators(drafts: readonly ThemeDraft[], documents: ReadonlyMap<string, IndicatorDocument>): ThemeSetIndicator[] {
  return themeSetIndicators(drafts, documents, { membershipThreshold: MEMBERSHIP_THRESHOLD });
}

function evidenceOf(draft: ThemeDraft, computed: ThemeSetIndicator, documents: ReadonlyMap<string, IndicatorDocument>) {
  const dated = draft.documents.map((d) => ({ year: documents.get(d.documentId)?.year ?? null, weight: d.weight }));
  const volume = yearlyVolume(dated);
  const counts = yearlyVolume(dated.filter((d) => d.weight >= MEMBERSHIP_THRESHOLD).map((d) => ({ year: d.year, weight: 1 })));
  const kept = (draft.evidence as { representative?: unknown }).representative;
  return {
    evidence: {
      ...draft.evidence,
      terms: draft.topTerms.slice(0, 10).map((t) => t.term),
      representative: draft.copyOf && kept ? kept : draft.documents.slice(0, 5),
      volume,
      counts,
      growth: computed.indicators.growth,
      basis: { table: "document_theme", minWeight: STORED_WEIGHT_MIN, membershipThreshold: MEMBERSHIP_THRESHOLD, documents: draft.documents.length },
      indicators: computed.indicators,
    },
    counts: new Map(counts.map((c) => [c.year, c.value])),
  };
}

/** Returns the new set and, for each copied theme, parent theme id → new theme id. */
export async function writeThemeSetVersion(tx: Tx, options: WriteVersionOptions, computed: readonly ThemeSetIndicator[]) {
  const { parent, drafts, documents } = options;
  const themeSet = await tx.themeSet.create({
    data: { studyId: parent.studyId, version: parent.version + 1, origin: "CURATION", parentId: parent.id, topicRunId: parent.topicRunId, note: options.note, createdById: options.createdById },
  });
  const copies = new Map<string, string>();
  for (const [index, draft] of drafts.entries()) {
    const { evidence, counts } = evidenceOf(draft, computed[index], documents);
    const theme = await tx.theme.create({
      data: {
        themeSetId: themeSet.id,
        index,
        label: draft.label,
        labelZh: draft.labelZh,
        labelSource: draft.labelSource,
        topTerms: draft.topTerms,
        weight: draft.weight,
        documentCount: draft.documentCount,
        originIds: draft.originIds,
        evidence: evidence as InputJsonValue,
      },
    });
    if (draft.copyOf) copies.set(draft.copyOf, theme.id);
    await insertDocumentWeights(tx, theme.id, draft);
    await tx.themeYearStat.createMany({
      data: computed[index].years.map(({ year, volume, ...breakdown }) => ({ themeId: theme.id, year, volume, documentCount: counts.get(year) ?? 0, breakdown: breakdown as InputJsonValue })),
    });
  }
  return { themeSet, copies };
}

/**
 * One statement per theme: a copy is copied inside the database, other themes' weights go in as two
 * arrays. (Row-by-row inserts made accepting a proposal on a 60 000-weight set take seconds.)
 */
async function insertDocumentWeights(tx: Tx, themeId: string, draft: ThemeDraft): Promise<void> {
  if (draft.copyOf) {
    await tx.$executeRaw`
      INSERT INTO document_theme (theme_id, document_id, weight)
      SELECT ${themeId}, document_id, weight FROM document_theme WHERE theme_id = ${draft.copyOf}`;
    return;
  }
  const ids = draft.documents.map((d) => d.documentId);
  const weights = draft.documents.map((d) => d.weight);
  await tx.$executeRaw`
    INSERT INTO document_theme (theme_id, document_id, weight)
    SELECT ${themeId}, d.id, d.weight FROM unnest(${ids}::text[], ${weights}::float8[]) AS d(id, weight)`;
}
