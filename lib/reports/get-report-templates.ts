// The study's template reports page: its templates (with their latest issue) and every issue made,
// newest first, failed ones with their reason; and how many people an issue is announced to.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

export async function getReportTemplates(studyId: string) {
  const study = await db().study.findUnique({ where: { id: studyId }, select: { id: true, name: true } });
  if (!study) throw notFound("study");
  const [templates, issues, subscribers, rounds] = await Promise.all([
    db().reportTemplate.findMany({ where: { studyId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, kind: true, schedule: true, params: true, createdAt: true, _count: { select: { reports: true } } } }),
    db().report.findMany({
      where: { studyId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, templateId: true, kind: true, title: true, status: true, error: true, createdAt: true, generatedAt: true },
    }),
    db().studyWatcher.count({ where: { studyId, user: { disabledAt: null, role: { in: ["ADMIN", "PLANNER"] } } } }),
    db().round.findMany({ where: { studyId }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true, kind: true, status: true } }),
  ]);
  return { study, templates, issues, subscribers, rounds };
}
