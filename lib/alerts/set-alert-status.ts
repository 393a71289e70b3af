// A watcher acknowledges an alert ("seen, we are on it") or dismisses it ("not relevant").
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, forbidden, notFound, statusPhrase } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";

export const ZSetAlertStatusInput = z.object({ alertId: z.string().min(1), status: z.enum(["ACKNOWLEDGED", "DISMISSED"]) }).strict();
export type SetAlertStatusInput = z.input<typeof ZSetAlertStatusInput>;

/** Acknowledging is for open alerts; dismissing for open or acknowledged ones. */
const FROM = { ACKNOWLEDGED: ["OPEN"], DISMISSED: ["OPEN", "ACKNOWLEDGED"] } as const;

/** Only people watching the alert's study may act on it (checked here, whoever calls). */
export async function setAlertStatus(input: SetAlertStatusInput, viewer: Viewer) {
  const { alertId, status } = ZSetAlertStatusInput.parse(input);
  return db().$transaction(async (tx) => {
    const alert = await tx.alert.findUnique({ where: { id: alertId }, select: { id: true, studyId: true, status: true } });
    if (!alert) throw notFound("alert");
    const watching = await tx.studyWatcher.findUnique({ where: { studyId_userId: { studyId: alert.studyId, userId: viewer.id } } });
    if (!watching) throw forbidden("alerts.watchersOnly");
    const changed = await tx.alert.updateMany({ where: { id: alertId, status: { in: [...FROM[status]] } }, data: { status } });
    if (changed.count === 0) throw conflict("alerts.already", { status: statusPhrase(alert.status) });
    await tx.alertDelivery.updateMany({ where: { alertId, userId: viewer.id, readAt: null }, data: { readAt: new Date() } });
    const action = status === "ACKNOWLEDGED" ? "alert.acknowledge" : "alert.dismiss";
    await recordAudit({ actorId: viewer.id, action, entity: "alert", entityId: alertId, studyId: alert.studyId, data: { from: alert.status, to: status } }, tx);
    return { id: alertId, status };
  });
}
