// The admin edits any expert's profile; an expert edits their own.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can, type Viewer } from "@/lib/auth/permissions";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { ZExpertProfileInput, type ExpertProfileInput } from "@/lib/experts/profile-input";

export async function updateExpertProfile(viewer: Viewer, userId: string, input: ExpertProfileInput) {
  if (!can.editExpertProfile(viewer, userId)) throw forbidden();
  const { name, ...profile } = ZExpertProfileInput.parse(input);
  const user = await db().user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw notFound("expert");
  if (user.role !== "EXPERT") throw invalid("experts.notExpert");
  return db().$transaction(async (tx) => {
    if (name) await tx.user.update({ where: { id: userId }, data: { name } });
    const saved = await tx.expertProfile.upsert({ where: { userId }, create: { userId, ...profile }, update: profile });
    await recordAudit(
      { actorId: viewer.id, action: "expert_profile.update", entity: "expert_profile", entityId: saved.id, data: { userId, ...(name ? { name } : {}), ...profile } },
      tx,
    );
    return saved;
  });
}
