// The admin adds a person to the expert pool before inviting them: an expert account without a
// password (the first invitation link sets it) and a profile.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can, type Viewer } from "@/lib/auth/permissions";
import { conflict, forbidden, isUniqueViolation } from "@/lib/errors";
import { ZNewExpertInput, type NewExpertInput } from "@/lib/experts/profile-input";

export async function addExpert(viewer: Viewer, input: NewExpertInput) {
  if (!can.manageExperts(viewer)) throw forbidden();
  const { email, name, ...profile } = ZNewExpertInput.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name, role: "EXPERT", profile: { create: profile } } });
      await recordAudit({ actorId: viewer.id, action: "expert.create", entity: "user", entityId: user.id, data: { email, name, ...profile } }, tx);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("experts.emailTaken", { email });
    throw error;
  }
}
