"use server";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { runAction, type ActionResult } from "@/lib/action-result";
import { setAlertStatus } from "@/lib/alerts/set-alert-status";
import { watchStudy } from "@/lib/alerts/watch-study";
import { updateAlertThresholds } from "@/lib/alerts/update-alert-thresholds";

/** Acknowledge or dismiss; setAlertStatus checks that the viewer watches the alert's study. */
export async function setAlertStatusAction(studyId: string, alertId: string, status: "ACKNOWLEDGED" | "DISMISSED"): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.viewStudy);
    await setAlertStatus({ alertId, status }, viewer);
    revalidatePath(`/studies/${studyId}`);
    return status;
  });
}

export async function watchStudyAction(studyId: string, watching: boolean): Promise<ActionResult<boolean>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.viewStudy);
    const result = await watchStudy({ studyId, watching }, viewer);
    revalidatePath(`/studies/${studyId}`);
    return result;
  });
}

export async function updateAlertThresholdsAction(studyId: string, _: ActionResult<number> | null, form: FormData): Promise<ActionResult<number>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageStudies);
    const { raised } = await updateAlertThresholds(studyId, Object.fromEntries(form), viewer.id);
    revalidatePath(`/studies/${studyId}`);
    return raised;
  });
}
