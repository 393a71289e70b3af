"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { runAction, type ActionResult } from "@/lib/action-result";
import { OpenRoundsError, updateAnonymitySettings } from "@/lib/delphi/update-anonymity-settings";

/** Switches the study's attribution on or off; updateAnonymitySettings checks the role again and the open-round rule. */
export async function updateAnonymityAction(studyId: string, _: ActionResult<boolean> | null, form: FormData): Promise<ActionResult<boolean>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageStudies);
    try {
      const { settings } = await updateAnonymitySettings(viewer, studyId, { adminAttribution: form.get("adminAttribution") });
      revalidatePath(`/studies/${studyId}`);
      return settings.adminAttribution;
    } catch (error) {
      if (!(error instanceof OpenRoundsError)) throw error;
      const t = await getTranslations("anonymitySetting");
      throw new AppError("conflict", t("openRounds", { rounds: error.rounds.join(t("listSeparator")) }));
    }
  });
}
