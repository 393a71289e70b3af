import { Readable } from "node:stream";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { assertSameOrigin, route } from "@/lib/http";
import { env } from "@/lib/env";
import { invalid } from "@/lib/errors";
import { getStudyOrThrow } from "@/lib/studies/get-studies";
import { ZCsvMapping, type CsvMapping } from "@/lib/ingest/csv-mapping";
import { startImport } from "@/lib/ingest/start-import";

export const dynamic = "force-dynamic";

/** A mapping arrives as JSON in the query string; a bad one is refused before any byte is stored. */
function parseMapping(text: string | null): CsvMapping | undefined {
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid("imports.mappingNotJson");
  }
  const parsed = ZCsvMapping.safeParse(json);
  if (!parsed.success) throw invalid("imports.mappingInvalid", { reason: parsed.error.issues[0]?.message ?? "unknown field" });
  return parsed.data;
}

/** Upload: the raw file is the body; ?name= gives its name, ?format= a format id (default auto), ?mapping= a column mapping (JSON). */
export const PUT = route<{ studyId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const viewer = await requireViewer(can.importDocuments);
  const { studyId } = await params;
  await getStudyOrThrow(studyId);
  if (!request.body) throw invalid("imports.noFile");
  const query = new URL(request.url).searchParams;
  const fileName = query.get("name") ?? "upload";
  const row = await startImport({
    format: query.get("format") ?? "auto",
    mapping: parseMapping(query.get("mapping")),
    studyId,
    fileName,
    body: Readable.fromWeb(request.body as never),
    actorId: viewer.id,
    limitBytes: env().UPLOAD_LIMIT_MB * 1024 * 1024,
  });
  return Response.json({ importId: row.id }, { status: 202 });
});
