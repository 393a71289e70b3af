// A panelist (or the admin) proposes to relabel, merge, split or delete themes of the current version.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can, type Viewer } from "@/lib/auth/permissions";
import { invalid, notFound } from "@/lib/errors";
import { assertCurator } from "@/lib/curation/panel";
import { getCurrentThemeSet } from "@/lib/curation/current-theme-set";
import { payloadOf, themeIdsOf, ZProposalInput, type ProposalInput } from "@/lib/curation/proposal-input";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export async function proposeChange(viewer: Viewer, studyId: string, input: ProposalInput) {
  const proposal = ZProposalInput.parse(input);
  await assertCurator(viewer, studyId, can.proposeCuration);
  const current = await getCurrentThemeSet(studyId);
  if (!current) throw notFound("themeSetForStudy");
  const themeIds = themeIdsOf(proposal);
  const found = await db().theme.findMany({ where: { themeSetId: current.id, id: { in: themeIds } }, select: { id: true, documentCount: true } });
  if (found.length !== themeIds.length) throw invalid("curation.notCurrentVersion", { version: current.version });
  if (proposal.kind === "SPLIT") {
    const documents = await db().documentTheme.count({ where: { themeId: proposal.themeId } });
    if (documents < proposal.parts.length) throw invalid("curation.tooFewDocuments", { documents, parts: proposal.parts.length });
  }
  return db().$transaction(async (tx) => {
    const row = await tx.curationProposal.create({
      data: { themeSetId: current.id, kind: proposal.kind, themeIds, payload: payloadOf(proposal) as InputJsonValue, reason: proposal.reason, proposedById: viewer.id },
    });
    await recordAudit(
      { actorId: viewer.id, action: "proposal.create", entity: "curation_proposal", entityId: row.id, studyId, data: { kind: proposal.kind, themeIds, themeSetVersion: current.version } },
      tx,
    );
    return row;
  });
}
