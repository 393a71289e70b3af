// After a scan stores a new machine version, its themes that match a human-labelled theme of the
// previous version take that label (label-matching.ts says when two themes match).
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { matchLabels, type LabelMatch } from "@/lib/curation/label-matching";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

const termsOf = (topTerms: unknown) => ((topTerms ?? []) as { term: string }[]).map((t) => t.term);

export async function carryExpertLabels(themeSetId: string, tx: Tx): Promise<LabelMatch[]> {
  const set = await tx.themeSet.findUniqueOrThrow({ where: { id: themeSetId }, include: { themes: { orderBy: { index: "asc" } } } });
  const previous = await tx.themeSet.findFirst({
    where: { studyId: set.studyId, version: { lt: set.version } },
    orderBy: { version: "desc" },
    include: { themes: { where: { labelSource: { not: "MACHINE" } }, orderBy: { index: "asc" } } },
  });
  if (!previous || previous.themes.length === 0) return [];
  const matches = matchLabels(
    previous.themes.map((t) => ({ id: t.id, label: t.label, labelZh: t.labelZh, labelSource: t.labelSource, terms: termsOf(t.topTerms) })),
    set.themes.map((t) => ({ id: t.id, terms: termsOf(t.topTerms) })),
  );
  const byId = new Map(set.themes.map((t) => [t.id, t]));
  for (const match of matches) {
    const theme = byId.get(match.themeId)!;
    const labelCarried = { fromThemeId: match.fromThemeId, fromVersion: previous.version, jaccard: match.jaccard, machineLabel: theme.label };
    await tx.theme.update({
      where: { id: theme.id },
      data: { label: match.label, labelZh: match.labelZh, labelSource: match.labelSource, evidence: { ...(theme.evidence as object), labelCarried } as InputJsonValue },
    });
  }
  if (matches.length > 0) {
    await recordAudit(
      { actorId: null, action: "theme_set.carry_labels", entity: "theme_set", entityId: themeSetId, studyId: set.studyId, data: { fromVersion: previous.version, matches } as InputJsonValue },
      tx,
    );
  }
  return matches;
}
