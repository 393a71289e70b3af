// Accepting a proposal makes the next version of the theme set; the current one is never edited.
// Other open proposals move on to the new version when their themes were carried over unchanged or
// relabelled, and are closed (withdrawn, no decider) when their themes were merged, split or deleted.
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound, statusPhrase } from "@/lib/errors";
import { loadIndicatorDocuments } from "@/lib/indicators/theme-set-indicators";
import { applyOperation } from "@/lib/curation/theme-draft";
import { loadSourceThemes } from "@/lib/curation/load-source-themes";
import { operationOf } from "@/lib/curation/operation-of";
import { draftIndicators, writeThemeSetVersion } from "@/lib/curation/write-theme-set-version";
import { getCurrentThemeSet } from "@/lib/curation/current-theme-set";
import type { VoteTally } from "@/lib/curation/curation-settings";

export type ApplyOptions = { actorId: string | null; auto: boolean; tally?: VoteTally };

/** Seed of a split's re-fit when the version has no topic run to take it from. */
const DEFAULT_SPLIT_SEED = 1;

export async function applyProposal(proposalId: string, options: ApplyOptions) {
  const proposal = await db().curationProposal.findUnique({
    where: { id: proposalId },
    include: { themeSet: { include: { topicRun: { select: { seed: true } } } }, proposedBy: { select: { role: true } } },
  });
  if (!proposal) throw notFound("proposal");
  if (proposal.status !== "OPEN") throw conflict("curation.already", { status: statusPhrase(proposal.status) });
  const parent = proposal.themeSet;
  const current = await getCurrentThemeSet(parent.studyId);
  if (current?.id !== parent.id) throw conflict("curation.changedMeanwhile");

  const themes = await loadSourceThemes(parent.id);
  const stored = { kind: proposal.kind, themeIds: proposal.themeIds, payload: proposal.payload, proposerRole: proposal.proposedBy.role };
  const operation = await operationOf(stored, themes, parent.topicRun?.seed ?? DEFAULT_SPLIT_SEED);
  const drafts = applyOperation(themes, operation);
  const documents = await loadIndicatorDocuments(db(), parent.studyId);
  const computed = draftIndicators(drafts, documents);

  return db().$transaction(
    async (tx) => {
      // One decision per study at a time: the version number and the rebasing below depend on it.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`curation:${parent.studyId}`}))`;
      const claimed = await tx.curationProposal.updateMany({
        where: { id: proposalId, status: "OPEN", themeSetId: parent.id },
        data: { status: "ACCEPTED", decidedById: options.actorId, decidedAt: new Date() },
      });
      const latest = await getCurrentThemeSet(parent.studyId, tx);
      if (claimed.count !== 1 || latest?.id !== parent.id) throw conflict("curation.changedMeanwhile");
      const note = `${proposal.kind.toLowerCase()} accepted${options.auto ? " by majority" : ""}: ${proposal.reason}`.slice(0, 500);
      const { themeSet, copies } = await writeThemeSetVersion(tx, { parent, drafts, documents, note, createdById: options.actorId }, computed);
      await tx.curationProposal.update({ where: { id: proposalId }, data: { resultThemeSetId: themeSet.id } });
      await rebaseOpenProposals(tx, { studyId: parent.studyId, fromSetId: parent.id, toSetId: themeSet.id, copies });
      await recordAudit(
        {
          actorId: options.actorId,
          action: options.auto ? "proposal.accept_by_majority" : "proposal.accept",
          entity: "curation_proposal",
          entityId: proposalId,
          studyId: parent.studyId,
          data: { kind: proposal.kind, themeSetVersion: themeSet.version, ...(options.tally ? { tally: options.tally } : {}) },
        },
        tx,
      );
      await recordAudit(
        { actorId: options.actorId, action: "theme_set.create", entity: "theme_set", entityId: themeSet.id, studyId: parent.studyId, data: { version: themeSet.version, parentVersion: parent.version, proposalId } },
        tx,
      );
      return themeSet;
    },
    { timeout: 120_000 },
  );
}

type Rebase = { studyId: string; fromSetId: string; toSetId: string; copies: ReadonlyMap<string, string> };

async function rebaseOpenProposals(tx: Tx, { studyId, fromSetId, toSetId, copies }: Rebase): Promise<void> {
  const open = await tx.curationProposal.findMany({ where: { themeSetId: fromSetId, status: "OPEN" } });
  for (const other of open) {
    const mapped = other.themeIds.map((id) => copies.get(id));
    if (mapped.every((id): id is string => id !== undefined)) {
      await tx.curationProposal.update({ where: { id: other.id }, data: { themeSetId: toSetId, themeIds: mapped } });
      continue;
    }
    await tx.curationProposal.update({ where: { id: other.id }, data: { status: "WITHDRAWN", decidedAt: new Date() } });
    await recordAudit({ actorId: null, action: "proposal.supersede", entity: "curation_proposal", entityId: other.id, studyId, data: { themeSetId: toSetId } }, tx);
  }
}
