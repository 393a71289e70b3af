// The admin accepts or rejects a proposal; its author may withdraw it while it is open.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can, type Viewer } from "@/lib/auth/permissions";
import { conflict, forbidden, notFound, statusPhrase } from "@/lib/errors";
import { applyProposal } from "@/lib/curation/apply-proposal";

export async function acceptProposal(viewer: Viewer, proposalId: string) {
  if (!can.decideProposals(viewer)) throw forbidden();
  return applyProposal(proposalId, { actorId: viewer.id, auto: false });
}

const ZNote = z.string().trim().max(2000).optional();

export async function rejectProposal(viewer: Viewer, proposalId: string, note?: string) {
  if (!can.decideProposals(viewer)) throw forbidden();
  return close(viewer, proposalId, { status: "REJECTED", action: "proposal.reject", note: ZNote.parse(note) });
}

export async function withdrawProposal(viewer: Viewer, proposalId: string) {
  const proposal = await db().curationProposal.findUnique({ where: { id: proposalId }, select: { proposedById: true } });
  if (!proposal) throw notFound("proposal");
  if (proposal.proposedById !== viewer.id) throw forbidden("curation.authorWithdraws");
  return close(viewer, proposalId, { status: "WITHDRAWN", action: "proposal.withdraw" });
}

async function close(viewer: Viewer, proposalId: string, change: { status: "REJECTED" | "WITHDRAWN"; action: string; note?: string }) {
  return db().$transaction(async (tx) => {
    const proposal = await tx.curationProposal.findUnique({ where: { id: proposalId }, include: { themeSet: { select: { studyId: true } } } });
    if (!proposal) throw notFound("proposal");
    const closed = await tx.curationProposal.updateMany({
      where: { id: proposalId, status: "OPEN" },
      data: { status: change.status, decidedById: viewer.id, decidedAt: new Date() },
    });
    if (closed.count !== 1) throw conflict("curation.already", { status: statusPhrase(proposal.status) });
    await recordAudit(
      { actorId: viewer.id, action: change.action, entity: "curation_proposal", entityId: proposalId, studyId: proposal.themeSet.studyId, data: change.note ? { note: change.note } : {} },
      tx,
    );
    return { id: proposalId, status: change.status };
  });
}
