// The consensus report as JSON (for planners' own tools): the same figures as the page, with every
// aggregate below the round's minimum n withheld.
import { route } from "@/lib/http";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getRoundReport } from "@/lib/delphi/get-round-report";

export const dynamic = "force-dynamic";

export const GET = route<{ roundId: string }>(async (_request, { params }) => {
  await requireViewer(can.viewReports);
  const { roundId } = await params;
  const report = await getRoundReport(roundId);
  return Response.json(report, { headers: { "Content-Disposition": `inline; filename="round-${report.number}-report.json"`, "Cache-Control": "no-store" } });
});
