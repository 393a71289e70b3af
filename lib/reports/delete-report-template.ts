// Deleting a template stops its schedule; its issues stay readable (report.template_id is set null).
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { setTemplateScheduler } from "./schedule-report-template";

export async function deleteReportTemplate(options: { studyId: string; templateId: string }, actorId: string): Promise<void> {
  const { studyId, templateId } = options;
  await db().$transaction(async (tx) => {
    const template = await tx.reportTemplate.findUnique({ where: { id: templateId }, select: { studyId: true, name: true, _count: { select: { reports: true } } } });
    if (!template || template.studyId !== studyId) throw notFound("reportTemplate");
    await tx.reportTemplate.delete({ where: { id: templateId } });
    await recordAudit({ actorId, action: "report_template.delete", entity: "report_template", entityId: templateId, studyId, data: { name: template.name, issues: template._count.reports } }, tx);
  });
  await setTemplateScheduler(templateId, null);
}
