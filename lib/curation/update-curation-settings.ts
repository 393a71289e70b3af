// The admin sets the study's majority rule; open proposals that already meet it are accepted at once.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can, type Viewer } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { ZCurationSettings, type CurationSettings } from "@/lib/curation/curation-settings";
import { acceptIfMajority, tallyOf } from "@/lib/curation/vote-on-proposal";
import { getCurrentThemeSet } from "@/lib/curation/current-theme-set";

const optionalNumber = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), z.coerce.number().nullable());

/** The form: empty minimum votes turns automatic acceptance off; the share is entered in per cent. */
export const ZCurationSettingsForm = z
  .object({ minVotes: optionalNumber, minSharePercent: optionalNumber })
  .transform((f): CurationSettings => ({
    autoAccept: f.minVotes === null ? null : { minVotes: f.minVotes, minShare: (f.minSharePercent ?? 50) / 100 },
  }))
  .pipe(ZCurationSettings);

export async function updateCurationSettings(viewer: Viewer, studyId: string, input: unknown) {
  if (!can.manageStudies(viewer)) throw forbidden();
  const settings = ZCurationSettingsForm.parse(input);
  const updated = await db().$executeRaw`
    UPDATE "study" SET "settings" = jsonb_set(coalesce("settings", '{}'::jsonb), '{curation}', ${JSON.stringify(settings)}::jsonb), "updated_at" = now()
    WHERE "id" = ${studyId}`;
  if (updated === 0) throw notFound("study");
  await recordAudit({ actorId: viewer.id, action: "study.curation_settings", entity: "study", entityId: studyId, studyId, data: settings });
  let accepted = 0;
  for (;;) {
    // Each acceptance makes a new version and moves the other open proposals onto it, so look again.
    const current = await getCurrentThemeSet(studyId);
    const open = current ? await db().curationProposal.findMany({ where: { themeSetId: current.id, status: "OPEN" }, orderBy: { createdAt: "asc" }, select: { id: true } }) : [];
    let progressed = false;
    for (const { id } of open) {
      if (await acceptIfMajority(studyId, id, await tallyOf(db(), id))) {
        accepted++;
        progressed = true;
        break;
      }
    }
    if (!progressed) return { settings, accepted };
  }
}
