// An admin sets a study's alert thresholds; the current themes are checked against them at once.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { raiseThemeAlerts } from "./raise-theme-alerts";
import { ZAlertThresholds, type AlertThresholds } from "./thresholds";

const optionalNumber = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), z.coerce.number().nullable());

/** The form: empty fields turn a rule off; growth is entered in per cent per year. */
export const ZAlertThresholdsForm = z
  .object({ emergingScoreMin: optionalNumber, growthMinPercent: optionalNumber, volumeMax: optionalNumber })
  .transform((f): AlertThresholds => ({
    emergingScoreMin: f.emergingScoreMin,
    weakSignal: f.growthMinPercent !== null && f.volumeMax !== null ? { growthMin: f.growthMinPercent / 100, volumeMax: f.volumeMax } : null,
  }))
  .pipe(ZAlertThresholds);

/** Stores the thresholds (other settings untouched) and raises alerts the latest theme set now crosses. */
export async function updateAlertThresholds(studyId: string, input: unknown, actorId: string | null) {
  const thresholds = ZAlertThresholdsForm.parse(input);
  const updated = await db().$executeRaw`
    UPDATE "study" SET "settings" = jsonb_set(coalesce("settings", '{}'::jsonb), '{alerts}', ${JSON.stringify(thresholds)}::jsonb), "updated_at" = now()
    WHERE "id" = ${studyId}`;
  if (updated === 0) throw notFound("study");
  await recordAudit({ actorId, action: "study.alert_thresholds", entity: "study", entityId: studyId, studyId, data: thresholds });
  const latest = await db().themeSet.findFirst({ where: { studyId }, orderBy: { version: "desc" }, select: { id: true } });
  const raised = latest ? await raiseThemeAlerts(latest.id) : [];
  return { thresholds, raised: raised.length };
}
