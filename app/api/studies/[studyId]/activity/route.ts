import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { route } from "@/lib/http";
import { getStudyActivity } from "@/lib/studies/get-study-overview";

export const dynamic = "force-dynamic";

export const GET = route<{ studyId: string }>(async (_request, { params }) => {
  await requireViewer(can.viewStudy);
  const { studyId } = await params;
  return Response.json(await getStudyActivity(studyId), { headers: { "cache-control": "no-store" } });
});
