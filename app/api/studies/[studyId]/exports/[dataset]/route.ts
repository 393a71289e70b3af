import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { route } from "@/lib/http";
import { prepareExport } from "@/lib/exports/get-export";
import { CONTENT_TYPE, tableStream } from "@/lib/exports/write-table";

export const dynamic = "force-dynamic";

/**
 * GET /api/studies/:studyId/exports/:dataset?format=csv|xlsx[&round=…][&version=…] — streamed as it is
 * read; documents, themes and theme-years of a theme set; items, statistics and answers of a round.
 */
export const GET = route<{ studyId: string; dataset: string }>(async (request, { params }) => {
  const viewer = await requireViewer(can.viewStudy);
  const { studyId, dataset } = await params;
  const query = new URL(request.url).searchParams;
  const prepared = await prepareExport(
    studyId,
    { dataset: dataset as never, format: (query.get("format") ?? undefined) as never, round: query.get("round") ?? undefined, version: query.get("version") ?? undefined },
    viewer,
  );
  return new Response(tableStream(prepared.table, prepared.format), {
    headers: {
      "content-type": CONTENT_TYPE[prepared.format],
      "content-disposition": `attachment; filename="${prepared.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
