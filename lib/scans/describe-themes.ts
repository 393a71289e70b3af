// Step 4 of a scan: from a fitted model to themes with their evidence (terms, documents, yearly volume).
import type { LdaModel } from "@/lib/topics/lda";
import { labelTopic } from "@/lib/topics/label";
import { growthRate, yearlyVolume, type YearValue } from "@/lib/trends/growth";
import type { ScanDocument } from "@/lib/scans/prepare-corpus";

/** A document belongs to a theme for counting when the theme has at least this share of it. */
export const MEMBERSHIP_THRESHOLD = 0.2;
/** Document–theme weights below this are not stored. */
export const STORED_WEIGHT_MIN = 0.05;

export type ThemeDescription = {
  index: number;
  label: string;
  topTerms: { term: string; weight: number }[];
  weight: number;
  documentCount: number;
  representative: { documentId: string; weight: number }[];
  volume: YearValue[];
  /** Documents per year with at least MEMBERSHIP_THRESHOLD of the theme. */
  counts: YearValue[];
  growth: number | null;
  documents: { documentId: string; weight: number }[];
};

export type DescribeOptions = {
  untilYear?: number;
  /** θ per document, aligned with `documents`; default the model's training θ (document d is training document d). */
  thetas?: readonly Float64Array[];
};

export function describeThemes(model: LdaModel, documents: readonly ScanDocument[], options: DescribeOptions = {}): ThemeDescription[] {
  const thetas = options.thetas ?? documents.map((_, d) => model.documentTopics(d));
  if (thetas.length !== documents.length) throw new RangeError("one θ per document");
  const totals = new Float64Array(model.k);
  for (const theta of thetas) for (let t = 0; t < model.k; t++) totals[t] += theta[t];
  const grand = totals.reduce((a, b) => a + b, 0) || 1;
  return Array.from({ length: model.k }, (_, t) => {
    const topTerms = model.relevantWords(t, 20);
    const members = documents.map((doc, d) => ({ documentId: doc.id, year: doc.year, weight: thetas[d][t] }));
    const ranked = [...members].sort((a, b) => b.weight - a.weight);
    // Volume from the weights that are stored (document_theme), so every figure can be recomputed.
    const stored = members.filter((m) => m.weight >= STORED_WEIGHT_MIN);
    const volume = yearlyVolume(stored);
    return {
      index: t,
      label: labelTopic(topTerms),
      topTerms,
      weight: totals[t] / grand,
      documentCount: members.filter((m) => m.weight >= MEMBERSHIP_THRESHOLD).length,
      representative: ranked.slice(0, 5).map(({ documentId, weight }) => ({ documentId, weight })),
      volume,
      counts: yearlyVolume(members.filter((m) => m.weight >= MEMBERSHIP_THRESHOLD).map((m) => ({ year: m.year, weight: 1 }))),
      growth: growthRate(volume, { window: 5, untilYear: options.untilYear }),
      documents: stored.map(({ documentId, weight }) => ({ documentId, weight })),
    };
  });
}
