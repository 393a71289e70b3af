// The history of a study's theme set: every version, what changed between a version and an earlier
// one in its line, and per round how much of the machine's proposal the experts left unchanged.
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { invalid, notFound } from "@/lib/errors";
import { assertCurationReader } from "@/lib/curation/panel";
import { agreementOf, compareLineage, type Agreement, type LineageTheme, type ThemeChange } from "@/lib/curation/lineage";

type Version = { id: string; version: number; origin: string; parentId: string | null; note: string | null; createdAt: Date; themes: LineageTheme[] };

async function loadVersions(studyId: string): Promise<Map<string, Version>> {
  const sets = await db().themeSet.findMany({
    where: { studyId },
    orderBy: { version: "asc" },
    select: {
      id: true,
      version: true,
      origin: true,
      parentId: true,
      note: true,
      createdAt: true,
      themes: { orderBy: { index: "asc" }, select: { id: true, label: true, labelZh: true, originIds: true } },
    },
  });
  return new Map(sets.map((s) => [s.id, s]));
}

/** The versions from `fromId` down to `toId` along parent links, oldest first; null when not in one line. */
function chain(versions: ReadonlyMap<string, Version>, fromId: string, toId: string): Version[] | null {
  const path: Version[] = [];
  for (let v = versions.get(toId); v; v = v.parentId ? versions.get(v.parentId) : undefined) {
    path.unshift(v);
    if (v.id === fromId) return path;
  }
  return null;
}

/** The nearest machine version at or above `id`. */
function machineAncestor(versions: ReadonlyMap<string, Version>, id: string): Version | null {
  for (let v = versions.get(id); v; v = v.parentId ? versions.get(v.parentId) : undefined) if (v.origin === "MACHINE") return v;
  return null;
}

export type Comparison = { from: { id: string; version: number }; to: { id: string; version: number }; changes: ThemeChange[] };

/** What changed from `fromId` (default: the parent of `toId`) to `toId`. */
export async function compareThemeSets(viewer: Viewer, studyId: string, toId: string, fromId?: string): Promise<Comparison> {
  await assertCurationReader(viewer, studyId);
  const versions = await loadVersions(studyId);
  const to = versions.get(toId);
  if (!to) throw notFound("themeSetVersion");
  const from = versions.get(fromId ?? to.parentId ?? to.id);
  if (!from) throw notFound("themeSetVersion");
  const path = chain(versions, from.id, to.id);
  if (!path) throw invalid("curation.notEarlierVersion", { from: from.version, to: to.version });
  return { from: { id: from.id, version: from.version }, to: { id: to.id, version: to.version }, changes: compareLineage(path.map((v) => v.themes)) };
}

export type RoundAgreement = { roundId: string; number: number; title: string; themeSetVersion: number | null; machineVersion: number | null; agreement: Agreement | null };

/** Per round: the share of the machine version's themes that reached the round's version unchanged. */
export async function machineAgreementByRound(viewer: Viewer, studyId: string): Promise<RoundAgreement[]> {
  await assertCurationReader(viewer, studyId);
  const versions = await loadVersions(studyId);
  const rounds = await db().round.findMany({ where: { studyId }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true, themeSetId: true } });
  return rounds.map((round) => {
    const used = round.themeSetId ? versions.get(round.themeSetId) : undefined;
    const machine = used ? machineAncestor(versions, used.id) : null;
    const path = used && machine ? chain(versions, machine.id, used.id) : null;
    return {
      roundId: round.id,
      number: round.number,
      title: round.title,
      themeSetVersion: used?.version ?? null,
      machineVersion: machine?.version ?? null,
      agreement: path && machine ? agreementOf(machine.themes.length, compareLineage(path.map((v) => v.themes))) : null,
    };
  });
}

/** Every version, newest first, with its origin and size. */
export async function listThemeSetVersions(viewer: Viewer, studyId: string) {
  await assertCurationReader(viewer, studyId);
  const versions = await loadVersions(studyId);
  return [...versions.values()]
    .reverse()
    .map((v) => ({ id: v.id, version: v.version, origin: v.origin, note: v.note, createdAt: v.createdAt, themes: v.themes.length, parentVersion: v.parentId ? (versions.get(v.parentId)?.version ?? null) : null }));
}
