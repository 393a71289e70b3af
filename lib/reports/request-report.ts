// A new issue of a template report is first a queued report row (the row is the truth); "generate now"
// then enqueues `reports.generate` with the row id as the job id, and a schedule tick generates it in
// the tick's own job. The template row is locked while the issue row is made, so two ticks (or a tick
// and a click) arriving together cannot both start one.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/queues";
import type { ReportKind } from "@/lib/generated/prisma/enums";

/** An issue still queued or running after this long is taken to be dead (its worker stopped). */
export const STALE_ISSUE_MS = 30 * 60 * 1000;

export type Issue = { id: string; studyId: string; templateId: string | null; kind: ReportKind; title: string };

/** The queued report row of the template's next issue; null (or `conflict`) when one is still being made. */
export async function createIssue(templateId: string, options: { skipIfBusy?: boolean; actorId?: string | null } = {}): Promise<Issue | null> {
  return db().$transaction(async (tx) => {
    const [template] = await tx.$queryRaw<{ id: string; study_id: string; kind: ReportKind; name: string }[]>`
      SELECT id, study_id, kind, name FROM report_template WHERE id = ${templateId} FOR UPDATE`;
    if (!template) throw notFound("reportTemplate");
    const busy = await tx.report.count({ where: { templateId, status: { in: ["QUEUED", "RUNNING"] }, createdAt: { gt: new Date(Date.now() - STALE_ISSUE_MS) } } });
    if (busy > 0) {
      if (options.skipIfBusy) return null;
      throw conflict("reports.issueInProgress");
    }
    const issue = await tx.report.create({
      data: { studyId: template.study_id, templateId, kind: template.kind, title: template.name },
      select: { id: true, studyId: true, templateId: true, kind: true, title: true },
    });
    await recordAudit({ actorId: options.actorId ?? null, action: "report.request", entity: "report", entityId: issue.id, studyId: template.study_id, data: { templateId, via: options.actorId ? "hand" : "schedule" } }, tx);
    return issue;
  });
}

/** "Generate now": a queued issue for a worker. */
export async function requestReport(options: { studyId: string; templateId: string }, actorId: string): Promise<Issue> {
  const template = await db().reportTemplate.findUnique({ where: { id: options.templateId }, select: { studyId: true } });
  if (!template || template.studyId !== options.studyId) throw notFound("reportTemplate");
  const issue = (await createIssue(options.templateId, { actorId })) as Issue;
  await enqueue("reports.generate", issue.id);
  return issue;
}
