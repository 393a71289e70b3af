// The expert pool as the admin sees it: every expert with their profile and how many rounds they were
// invited to and answered (participation, never answers).
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";

export async function getExpertPool(viewer: Viewer) {
  if (!can.manageExperts(viewer)) throw forbidden();
  const experts = await db().user.findMany({
    where: { role: "EXPERT" },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      disabledAt: true,
      profile: true,
      invitations: { select: { submittedAt: true, status: true } },
    },
  });
  return experts.map(({ invitations, ...e }) => ({
    ...e,
    invited: invitations.filter((i) => i.status !== "REVOKED").length,
    submitted: invitations.filter((i) => i.submittedAt !== null).length,
  }));
}

/** One expert's profile, for the admin or the expert themself. */
export async function getExpertProfile(viewer: Viewer, userId: string) {
  if (!can.editExpertProfile(viewer, userId)) throw forbidden();
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, profile: true } });
  if (!user || user.role !== "EXPERT") throw notFound("expert");
  return user;
}
