import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { route } from "@/lib/http";
import { notFound } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/request";
import { getReport } from "@/lib/reports/get-report";
import { slug } from "@/lib/reports/file-name";

export const dynamic = "force-dynamic";

/** GET /studies/:studyId/reports/:reportId/download — the issue's HTML file exactly as it was stored. */
export const GET = route<{ studyId: string; reportId: string }>(async (_request, { params }) => {
  await requireViewer(can.viewReports);
  const { studyId, reportId } = await params;
  const issue = await getReport(studyId, reportId);
  if (!issue?.content) throw notFound("reportIssue");
  const locale = await requestLocale();
  const date = (issue.generatedAt ?? issue.createdAt).toISOString().slice(0, 10);
  return new Response(issue.content.html[locale], {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-disposition": `attachment; filename="${slug(issue.template?.name ?? issue.title)}-${date}-${locale}.html"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
