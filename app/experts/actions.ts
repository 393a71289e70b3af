"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { runAction, type ActionResult } from "@/lib/action-result";
import { addExpert } from "@/lib/experts/add-expert";
import { updateExpertProfile } from "@/lib/experts/update-expert-profile";
import { inviteExpert } from "@/lib/delphi/invite-expert";
import type { ExpertProfileInput } from "@/lib/experts/profile-input";

/** The profile form's fields; the domain function validates them (lists come comma-separated). */
const fields = (form: FormData): ExpertProfileInput => {
  const { name, organisation, sector, country, fields: f, keywords, bio } = Object.fromEntries(form) as Record<string, string | undefined>;
  return { name: name || undefined, organisation, sector: (sector || undefined) as ExpertProfileInput["sector"], country, fields: f ?? "", keywords: keywords ?? "", bio };
};

export async function addExpertAction(_: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageExperts);
    const user = await addExpert(viewer, { ...fields(form), email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") });
    revalidatePath("/experts");
    return user.id;
  });
}

export async function updateProfileAction(userId: string, _: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer((v) => can.editExpertProfile(v, userId));
    const profile = await updateExpertProfile(viewer, userId, fields(form));
    revalidatePath(`/experts/${userId}`);
    return profile.id;
  });
}

async function baseUrl(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host")}`;
}

/** Invites a suggested expert to the study's round that is being prepared or running. */
export async function inviteToRoundAction(studyId: string, roundId: string, email: string): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.inviteExperts);
    const { link } = await inviteExpert({ roundId, email }, { actorId: viewer.id, baseUrl: await baseUrl() });
    revalidatePath(`/experts/study/${studyId}`);
    return link;
  });
}
