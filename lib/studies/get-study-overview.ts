// Everything the study page shows: imports and scans with progress, the current themes with their
// evidence, and the rounds.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

export async function getStudyOverview(studyId: string) {
  const study = await db().study.findUnique({
    where: { id: studyId },
    include: {
      _count: { select: { documents: true } },
      imports: { orderBy: { createdAt: "desc" }, take: 20, include: { _count: { select: { errors: true } } } },
      scans: { orderBy: { createdAt: "desc" }, take: 10 },
      rounds: { orderBy: { number: "asc" }, include: { _count: { select: { items: true, invitations: true } } } },
    },
  });
  if (!study) throw notFound("study");
  const themeSet = await db().themeSet.findFirst({
    where: { studyId },
    orderBy: { version: "desc" },
    include: { themes: { orderBy: { weight: "desc" } }, topicRun: { select: { k: true, documentCount: true, vocabularySize: true, trainSeconds: true, modelVersion: true } } },
  });
  const representativeIds = themeSet?.themes.flatMap((t) => ((t.evidence as { representative?: { documentId: string }[] }).representative ?? []).map((r) => r.documentId)) ?? [];
  const documents = await db().document.findMany({ where: { id: { in: representativeIds } }, select: { id: true, title: true, year: true, kind: true } });
  return { study, themeSet, documents: new Map(documents.map((d) => [d.id, d])) };
}

/** The progress of a study's running work, polled by the study page. */
export async function getStudyActivity(studyId: string) {
  const [imports, scans] = await Promise.all([
    db().import.findMany({ where: { studyId, status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true, status: true, progress: true, recordsRead: true } }),
    db().scan.findMany({ where: { studyId, status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true, status: true, progress: true, stage: true } }),
  ]);
  return { running: imports.length + scans.length, imports, scans };
}
