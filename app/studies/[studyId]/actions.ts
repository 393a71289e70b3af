"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { runAction, type ActionResult } from "@/lib/action-result";
import { startScan } from "@/lib/scans/start-scan";
import { createRoundFromThemes } from "@/lib/delphi/create-round";

export async function launchScanAction(studyId: string, _: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.launchScan);
    const scan = await startScan(
      { studyId, question: String(form.get("question") ?? ""), k: form.get("k") as string, kTo: (form.get("kTo") as string) || undefined, kStep: (form.get("kStep") as string) || undefined, iterations: form.get("iterations") as string, seed: form.get("seed") as string },
      viewer.id,
    );
    revalidatePath(`/studies/${studyId}`);
    return scan.id;
  });
}

export async function createRoundAction(studyId: string, _: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    const round = await createRoundFromThemes({ studyId, minN: form.get("minN") as string, title: (form.get("title") as string) || undefined }, viewer.id);
    return round.id;
  });
  if (result.ok) redirect(`/rounds/${result.data}`);
  return result;
}
