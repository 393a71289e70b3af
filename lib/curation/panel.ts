// Who may take part in a study's curation: admins, and experts on its panel (invited to one of its
// rounds and not revoked). Planners read the proposals; nobody else sees them.
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";

export async function isPanelist(userId: string, studyId: string): Promise<boolean> {
  const invitation = await db().invitation.findFirst({ where: { userId, status: { not: "REVOKED" }, round: { studyId } }, select: { id: true } });
  return invitation !== null;
}

/** Throws `forbidden` unless the viewer may propose or vote in the study's curation. */
export async function assertCurator(viewer: Viewer, studyId: string, check: (v: Viewer) => boolean): Promise<void> {
  if (!check(viewer)) throw forbidden();
  if (viewer.role === "EXPERT" && !(await isPanelist(viewer.id, studyId))) throw forbidden("curation.notOnPanel");
}

/** Throws `forbidden` unless the viewer may read the study's proposals. */
export async function assertCurationReader(viewer: Viewer, studyId: string): Promise<void> {
  if (can.viewStudy(viewer)) return;
  await assertCurator(viewer, studyId, can.proposeCuration);
}

/** The studies whose panel an expert is on, for their way into curation. */
export async function getPanelStudies(userId: string) {
  return db().study.findMany({
    where: { rounds: { some: { invitations: { some: { userId, status: { not: "REVOKED" } } } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
