// The round's answers and comments with each expert's name, as CSV: admins only, and only when the
// study's attribution covers the round (lib/delphi/anonymity-settings.ts).
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { route } from "@/lib/http";
import { forbidden } from "@/lib/errors";
import { attributedAnswersCsv } from "@/lib/delphi/attributed-answers-csv";

export const dynamic = "force-dynamic";

export const GET = route<{ roundId: string }>(async (_request, { params }) => {
  await requireViewer(can.manageRounds);
  const { roundId } = await params;
  const table = await attributedAnswersCsv(roundId);
  if (!table) throw forbidden("attribution.anonymousRound");
  return new Response(table.csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${table.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
