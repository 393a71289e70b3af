// One stored issue of a template report, as it was made: its content is read back, never rebuilt.
import { db } from "@/lib/db";
import type { IssueContent } from "./generate-report";

export async function getReport(studyId: string, reportId: string) {
  const report = await db().report.findFirst({
    where: { id: reportId, studyId },
    select: { id: true, studyId: true, templateId: true, kind: true, title: true, status: true, error: true, createdAt: true, generatedAt: true, content: true, template: { select: { name: true } }, study: { select: { name: true } } },
  });
  if (!report) return null;
  const { content, ...rest } = report;
  return { ...rest, content: report.status === "SUCCEEDED" ? (content as unknown as IssueContent) : null };
}
