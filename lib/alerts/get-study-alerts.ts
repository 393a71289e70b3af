// The alerts a study page shows: not dismissed, newest first, with why each was raised.
import { db } from "@/lib/db";
import { alertThresholdsOf } from "./thresholds";

export async function getStudyAlerts(studyId: string, viewerId: string) {
  const [alerts, watcher, study] = await Promise.all([
    db().alert.findMany({
      where: { studyId, status: { in: ["OPEN", "ACKNOWLEDGED"] } },
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      take: 50,
      include: { theme: { select: { id: true, label: true } }, deliveries: { where: { userId: viewerId }, select: { readAt: true } } },
    }),
    db().studyWatcher.findUnique({ where: { studyId_userId: { studyId, userId: viewerId } } }),
    db().study.findUnique({ where: { id: studyId }, select: { settings: true, _count: { select: { watchers: true } } } }),
  ]);
  return {
    alerts,
    watching: Boolean(watcher),
    watchers: study?._count.watchers ?? 0,
    thresholds: alertThresholdsOf(study?.settings),
  };
}
