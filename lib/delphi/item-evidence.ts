// The snapshot of a theme's evidence an item carries (PRODUCT.md §2: every machine judgement shows its
// evidence): top terms, representative documents, volume and growth, and the model version. A
// snapshot, so the item shows what the experts judged even after the theme set moves on.
import type { Db, Tx } from "@/lib/db";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export type EvidenceTheme = { id: string; topTerms: unknown; documentCount: number; evidence: unknown };
type ThemeEvidence = { representative: { documentId: string }[]; growth: number | null; volume: unknown; modelVersion?: string };
type EvidenceDocument = { id: string; title: string; year: number | null; kind: string };
const present = <T>(d: T | undefined): d is T => d !== undefined;

export type ItemEvidence = {
  topTerms: { term: string; weight: number }[];
  documentCount: number;
  growth: number | null;
  volume: unknown;
  modelVersion?: string;
  documents: EvidenceDocument[];
};

function themeEvidence(value: unknown): ThemeEvidence {
  const e = (value ?? {}) as Partial<ThemeEvidence>;
  return { representative: e.representative ?? [], growth: e.growth ?? null, volume: e.volume ?? [], modelVersion: e.modelVersion };
}

/** Evidence snapshots for the given themes, with their representative documents read in one query. */
export async function buildEvidence(client: Db | Tx, themes: readonly EvidenceTheme[]): Promise<Map<string, InputJsonValue>> {
  const ids = themes.flatMap((t) => themeEvidence(t.evidence).representative.map((r) => r.documentId));
  const documents = ids.length === 0 ? [] : await client.document.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, year: true, kind: true } });
  const byId = new Map(documents.map((d) => [d.id, d]));
  return new Map(
    themes.map((theme) => {
      const e = themeEvidence(theme.evidence);
      const evidence: ItemEvidence = {
        topTerms: ((theme.topTerms ?? []) as { term: string; weight: number }[]).slice(0, 10),
        documentCount: theme.documentCount,
        growth: e.growth,
        volume: e.volume,
        modelVersion: e.modelVersion,
        documents: e.representative.map((r) => byId.get(r.documentId)).filter(present),
      };
      return [theme.id, evidence as unknown as InputJsonValue];
    }),
  );
}
