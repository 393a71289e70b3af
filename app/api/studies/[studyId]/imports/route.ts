import { Readable } from "node:stream";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { assertSameOrigin, route } from "@/lib/http";
import { env } from "@/lib/env";
import { invalid } from "@/lib/errors";
import { getStudyOrThrow } from "@/lib/studies/get-studies";
import { startImport } from "@/lib/ingest/start-import";

export const dynamic = "force-dynamic";

/** Upload: the raw file is the body; ?name= gives its name. */
export const PUT = route<{ studyId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const viewer = await requireViewer(can.importDocuments);
  const { studyId } = await params;
  await getStudyOrThrow(studyId);
  if (!request.body) throw invalid("The request has no file");
  const fileName = new URL(request.url).searchParams.get("name") ?? "upload";
  const row = await startImport({
    studyId,
    fileName,
    body: Readable.fromWeb(request.body as never),
    actorId: viewer.id,
    limitBytes: env().UPLOAD_LIMIT_MB * 1024 * 1024,
  });
  return Response.json({ importId: row.id }, { status: 202 });
});
