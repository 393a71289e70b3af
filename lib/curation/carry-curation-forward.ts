// What curation keeps when a scan stores a new machine version: human labels move to the matching
// themes (carry-expert-labels.ts), and proposals still open on an older version are closed, since the
// themes they name were re-fitted (withdrawn, no decider: "superseded").
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { carryExpertLabels } from "@/lib/curation/carry-expert-labels";

export async function carryCurationForward(themeSetId: string, tx: Tx) {
  const labels = await carryExpertLabels(themeSetId, tx);
  const set = await tx.themeSet.findUniqueOrThrow({ where: { id: themeSetId }, select: { studyId: true } });
  const stale = await tx.curationProposal.findMany({ where: { status: "OPEN", themeSet: { studyId: set.studyId }, themeSetId: { not: themeSetId } }, select: { id: true } });
  if (stale.length > 0) {
    await tx.curationProposal.updateMany({ where: { id: { in: stale.map((p) => p.id) } }, data: { status: "WITHDRAWN", decidedAt: new Date() } });
    for (const { id } of stale) {
      await recordAudit({ actorId: null, action: "proposal.supersede", entity: "curation_proposal", entityId: id, studyId: set.studyId, data: { themeSetId } }, tx);
    }
  }
  return { labels, superseded: stale.length };
}
