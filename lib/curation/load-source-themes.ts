// The themes of one version with their stored document weights, as the curation operations take them.
import { db } from "@/lib/db";
import type { SourceTheme } from "@/lib/curation/theme-draft";

export async function loadSourceThemes(themeSetId: string): Promise<SourceTheme[]> {
  const themes = await db().theme.findMany({
    where: { themeSetId },
    orderBy: { index: "asc" },
    include: { documents: { select: { documentId: true, weight: true }, orderBy: [{ weight: "desc" }, { documentId: "asc" }] } },
  });
  return themes.map((t) => ({
    id: t.id,
    label: t.label,
    labelZh: t.labelZh,
    labelSource: t.labelSource,
    topTerms: t.topTerms as SourceTheme["topTerms"],
    weight: t.weight,
    documentCount: t.documentCount,
    evidence: (t.evidence ?? {}) as Record<string, unknown>,
    documents: t.documents,
  }));
}
