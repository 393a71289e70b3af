// Watching a study: its alerts are delivered to you and you may acknowledge or dismiss them.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";

export async function watchStudy(options: { studyId: string; watching: boolean }, viewer: Viewer): Promise<boolean> {
  const { studyId, watching } = options;
  return db().$transaction(async (tx) => {
    const study = await tx.study.findUnique({ where: { id: studyId }, select: { id: true } });
    if (!study) throw notFound("study");
    const key = { studyId_userId: { studyId, userId: viewer.id } };
    const existing = await tx.studyWatcher.findUnique({ where: key });
    if (watching === Boolean(existing)) return watching;
    if (watching) await tx.studyWatcher.create({ data: { studyId, userId: viewer.id } });
    else await tx.studyWatcher.delete({ where: key });
    await recordAudit({ actorId: viewer.id, action: watching ? "study.watch" : "study.unwatch", entity: "study", entityId: studyId, studyId }, tx);
    return watching;
  });
}
