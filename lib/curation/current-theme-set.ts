// The study's current theme set is its latest version; curation always acts on it.
import { db, type Tx } from "@/lib/db";

export async function getCurrentThemeSet(studyId: string, tx?: Tx) {
  return (tx ?? db()).themeSet.findFirst({ where: { studyId }, orderBy: { version: "desc" } });
}
