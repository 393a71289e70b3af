// What curation changed between the theme set a round used and the one the next round runs on: the
// versions between them along the parent chain, compared by curation's lineage. Null when the new set
// does not descend from the old one (a fresh machine scan starts a new line).
import type { Tx } from "@/lib/db";
import { compareLineage, type ThemeChange } from "@/lib/curation/lineage";

export async function themeChangesBetween(tx: Tx, { studyId, fromSetId, toSetId }: { studyId: string; fromSetId: string | null; toSetId: string }): Promise<ThemeChange[] | null> {
  if (!fromSetId) return null;
  const sets = await tx.themeSet.findMany({
    where: { studyId },
    select: { id: true, parentId: true, themes: { orderBy: { index: "asc" }, select: { id: true, label: true, labelZh: true, originIds: true } } },
  });
  const byId = new Map(sets.map((s) => [s.id, s]));
  const path: (typeof sets)[number][] = [];
  for (let set = byId.get(toSetId); set; set = set.parentId ? byId.get(set.parentId) : undefined) {
    path.unshift(set);
    if (set.id === fromSetId) return compareLineage(path.map((s) => s.themes));
    if (path.length > sets.length) break;
  }
  return null;
}
