import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { route } from "@/lib/http";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { toCsv } from "@/lib/csv-export";

export const dynamic = "force-dynamic";

/** The per-record error report of an import, as CSV. */
export const GET = route<{ importId: string }>(async (_request, { params }) => {
  await requireViewer(can.viewStudy);
  const { importId } = await params;
  const row = await db().import.findUnique({ where: { id: importId }, select: { fileName: true } });
  if (!row) throw notFound("import");
  const errors = await db().importError.findMany({ where: { importId }, orderBy: { record: "asc" } });
  const csv = toCsv(["record", "line", "message"], errors.map((e) => [e.record, e.line ?? "", e.message]));
  const name = `${(row.fileName ?? "import").replace(/[^\w.-]+/g, "_")}-errors.csv`;
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` } });
});
