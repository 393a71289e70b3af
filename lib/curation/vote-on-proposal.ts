// A panelist supports or opposes another's proposal: one vote each, changeable while the proposal is
// open. When the study has a majority rule and the votes now meet it, the proposal is accepted.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can, type Viewer } from "@/lib/auth/permissions";
import { AppError, conflict, notFound, statusPhrase } from "@/lib/errors";
import { assertCurator } from "@/lib/curation/panel";
import { applyProposal } from "@/lib/curation/apply-proposal";
import { curationSettingsOf, majorityReached, type VoteTally } from "@/lib/curation/curation-settings";

export const ZVoteInput = z
  .object({ proposalId: z.string().min(1), support: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]) })
  .strict();
export type VoteInput = z.input<typeof ZVoteInput>;

export async function voteOnProposal(viewer: Viewer, input: VoteInput) {
  const { proposalId, support } = ZVoteInput.parse(input);
  const proposal = await db().curationProposal.findUnique({ where: { id: proposalId }, include: { themeSet: { select: { studyId: true } } } });
  if (!proposal) throw notFound("proposal");
  const { studyId } = proposal.themeSet;
  await assertCurator(viewer, studyId, can.voteOnProposals);
  if (proposal.proposedById === viewer.id) throw conflict("curation.ownProposal");

  const tally = await db().$transaction(async (tx) => {
    // Lock the proposal row so a vote cannot land on a proposal being decided.
    const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM curation_proposal WHERE id = ${proposalId} FOR UPDATE`;
    if (row?.status !== "OPEN") throw conflict("curation.already", { status: statusPhrase(row?.status ?? "gone") });
    await tx.proposalVote.upsert({
      where: { proposalId_userId: { proposalId, userId: viewer.id } },
      create: { proposalId, userId: viewer.id, support },
      update: { support, createdAt: new Date() },
    });
    await recordAudit({ actorId: viewer.id, action: "proposal.vote", entity: "curation_proposal", entityId: proposalId, studyId, data: { support } }, tx);
    return tallyOf(tx, proposalId);
  });
  const accepted = await acceptIfMajority(studyId, proposalId, tally);
  return { tally, accepted };
}

export async function tallyOf(client: Pick<ReturnType<typeof db>, "proposalVote">, proposalId: string): Promise<VoteTally> {
  const groups = await client.proposalVote.groupBy({ by: ["support"], where: { proposalId }, _count: { _all: true } });
  const count = (support: boolean) => groups.find((g) => g.support === support)?._count._all ?? 0;
  return { support: count(true), oppose: count(false) };
}

/** Accepts the proposal when the study's rule says the votes suffice; false when they do not (yet). */
export async function acceptIfMajority(studyId: string, proposalId: string, tally: VoteTally): Promise<boolean> {
  const study = await db().study.findUnique({ where: { id: studyId }, select: { settings: true } });
  if (!majorityReached(tally, curationSettingsOf(study?.settings).autoAccept)) return false;
  try {
    await applyProposal(proposalId, { actorId: null, auto: true, tally });
    return true;
  } catch (error) {
    // Decided meanwhile by the admin or another vote: the outcome stands either way.
    if (error instanceof AppError && error.code === "conflict") return false;
    throw error;
  }
}
