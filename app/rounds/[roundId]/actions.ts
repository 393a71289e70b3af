"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { runAction, type ActionResult } from "@/lib/action-result";
import { inviteExpert } from "@/lib/delphi/invite-expert";
import { openRound } from "@/lib/delphi/open-round";
import { closeRound } from "@/lib/delphi/close-round";

async function baseUrl(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host")}`;
}

export async function inviteExpertAction(roundId: string, _: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.inviteExperts);
    const { link } = await inviteExpert({ roundId, email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") || undefined }, { actorId: viewer.id, baseUrl: await baseUrl() });
    revalidatePath(`/rounds/${roundId}`);
    return link;
  });
}

export async function openRoundAction(roundId: string, _: ActionResult | null): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    await openRound(roundId, viewer.id);
    revalidatePath(`/rounds/${roundId}`);
    return null;
  });
}

export async function closeRoundAction(roundId: string, _: ActionResult | null): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    await closeRound(roundId, viewer.id);
    revalidatePath(`/rounds/${roundId}`);
    return null;
  });
}
