// An admin switches attribution on or off for a study. On only while no round of the study is open:
// the experts of an open round were told their answers are anonymous, and some may already have
// answered. Off at any time. The study row is locked so concurrent switches are recorded in order,
// and the study's rounds are share-locked so a round cannot open between the check and the write.
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can, type Viewer } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { anonymitySettingsOf, ZAnonymitySettings, type AnonymitySettings } from "@/lib/delphi/anonymity-settings";

/** The form (or a caller): "true" / "false" as a form sends them, or a boolean. */
export const ZAnonymitySettingsInput = z.object({
  adminAttribution: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export type AnonymitySettingsInput = z.input<typeof ZAnonymitySettingsInput>;

/** Refusal to switch attribution on while rounds are open; `rounds` are their numbers. */
export class OpenRoundsError extends AppError {
  constructor(readonly rounds: number[]) {
    super("conflict", `Attribution can be switched on only while no round of the study is open; close round ${rounds.join(", ")} first`);
    this.name = "OpenRoundsError";
  }
}

export type AnonymitySettingsUpdate = { settings: AnonymitySettings; previous: AnonymitySettings; changed: boolean };

export async function updateAnonymitySettings(viewer: Viewer, studyId: string, input: unknown, now: Date = new Date()): Promise<AnonymitySettingsUpdate> {
  if (!can.manageStudies(viewer)) throw forbidden();
  const { adminAttribution } = ZAnonymitySettingsInput.parse(input);
  return db().$transaction(async (tx) => {
    const [study] = await tx.$queryRaw<{ settings: unknown }[]>`SELECT settings FROM study WHERE id = ${studyId} FOR UPDATE`;
    if (!study) throw notFound("study");
    const previous = anonymitySettingsOf(study.settings);
    // Switching on again keeps the first time: rounds opened since then stay attributed.
    if (previous.adminAttribution === adminAttribution) return { settings: previous, previous, changed: false };
    if (adminAttribution) await refuseWhileOpen(tx, studyId);
    const settings = ZAnonymitySettings.parse({ adminAttribution, attributedSince: adminAttribution ? now.toISOString() : null });
    await tx.$executeRaw`
      UPDATE "study" SET "settings" = jsonb_set(coalesce("settings", '{}'::jsonb), '{anonymity}', ${JSON.stringify(settings)}::jsonb), "updated_at" = now()
      WHERE "id" = ${studyId}`;
    await recordAudit({ actorId: viewer.id, action: "study.anonymity_settings", entity: "study", entityId: studyId, studyId, data: { previous, settings } }, tx);
    return { settings, previous, changed: true };
  });
}

async function refuseWhileOpen(tx: Tx, studyId: string): Promise<void> {
  const rounds = await tx.$queryRaw<{ number: number; status: string }[]>`SELECT number, status::text AS status FROM round WHERE study_id = ${studyId} ORDER BY number FOR SHARE`;
  const open = rounds.filter((r) => r.status === "OPEN").map((r) => r.number);
  if (open.length) throw new OpenRoundsError(open);
}
