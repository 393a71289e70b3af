import { Readable } from "node:stream";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { assertSameOrigin, route } from "@/lib/http";
import { env } from "@/lib/env";
import { invalid } from "@/lib/errors";
import { getStudyOrThrow } from "@/lib/studies/get-studies";
import { ZCsvMapping, type CsvMapping } from "@/lib/ingest/csv-mapping";
import { startImport } from "@/lib/ingest/start-import";
import { DEFAULT_KINDS, type DocumentKind } from "@/lib/ingest/record";

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

/** The kind of records that do not state one, as the upload form names it. */
function parseKind(text: string | null): DocumentKind | undefined {
  if (!text) return undefined;
  if (!(DEFAULT_KINDS as readonly string[]).includes(text)) throw invalid("imports.unknownKind", { kind: text });
  return text as DocumentKind;
}

/**
 * Upload: the raw file is the body; ?name= gives its name, ?format= a format id (default auto),
 * ?mapping= a column mapping (JSON), ?kind= the kind of CSV / JSON Lines records that do not state one.
 */
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
    defaultKind: parseKind(query.get("kind")),
    studyId,
    fileName,
    body: Readable.fromWeb(request.body as never),
    actorId: viewer.id,
    limitBytes: env().UPLOAD_LIMIT_MB * 1024 * 1024,
  });
  return Response.json({ importId: row.id }, { status: 202 });
});
