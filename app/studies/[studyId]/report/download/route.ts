import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { route } from "@/lib/http";
import { requestLocale } from "@/lib/i18n/request";
import { getStudyReport } from "@/lib/reports/get-study-report";
import { renderReportHtml } from "@/lib/reports/render-report";
import { reportFileName } from "@/lib/reports/file-name";

export const dynamic = "force-dynamic";

/** GET /studies/:studyId/report/download[?round=…] — the consensus report as one self-contained HTML file. */
export const GET = route<{ studyId: string }>(async (request, { params }) => {
  await requireViewer(can.viewReports);
  const { studyId } = await params;
  const roundId = new URL(request.url).searchParams.get("round") || null;
  const locale = await requestLocale();
  const report = await getStudyReport(studyId, { roundId });
  const html = await renderReportHtml(report, locale);
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-disposition": `attachment; filename="${reportFileName(report, locale)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
