// An admin creates or edits a report template. The row and its job scheduler change together: the
// scheduler is upserted inside the transaction (BullMQ validates the cron there), so a pattern that
// is not cron leaves nothing behind, and a cleared schedule removes the scheduler.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound } from "@/lib/errors";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { ZSaveReportTemplateInput, type SaveReportTemplateInput } from "./template-input";
import { setTemplateScheduler } from "./schedule-report-template";

export async function saveReportTemplate(input: SaveReportTemplateInput, actorId: string) {
  const { id, studyId, name, kind, schedule, params } = ZSaveReportTemplateInput.parse(input);
  const saved = await db().$transaction(
    async (tx) => {
      const study = await tx.study.findUnique({ where: { id: studyId }, select: { id: true } });
      if (!study) throw notFound("study");
      if (params.roundId) {
        const round = await tx.round.findFirst({ where: { id: String(params.roundId), studyId }, select: { id: true } });
        if (!round) throw notFound("roundOfStudy");
      }
      const data = { name, kind, schedule, params: params as InputJsonValue };
      let template;
      if (id) {
        const existing = await tx.reportTemplate.findUnique({ where: { id }, select: { studyId: true } });
        if (!existing || existing.studyId !== studyId) throw notFound("reportTemplate");
        template = await tx.reportTemplate.update({ where: { id }, data });
      } else {
        const same = await tx.reportTemplate.count({ where: { studyId, name } });
        if (same > 0) throw conflict("reports.templateNameTaken", { name });
        template = await tx.reportTemplate.create({ data: { studyId, ...data } });
      }
      await setTemplateScheduler(template.id, schedule);
      await recordAudit({ actorId, action: id ? "report_template.update" : "report_template.create", entity: "report_template", entityId: template.id, studyId, data: { name, kind, schedule, params: params as InputJsonValue } }, tx);
      return template;
    },
    { timeout: 30_000 },
  );
  return saved;
}
