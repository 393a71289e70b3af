// What the curation page shows: the current themes and the study's proposals with their vote counts.
// To anyone but the admin an author is a pseudonym ("You" for one's own); voters are never named.
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { assertCurationReader, isPanelist } from "@/lib/curation/panel";
import { studyPseudonym } from "@/lib/curation/pseudonym";
import { curationSettingsOf } from "@/lib/curation/curation-settings";
import { getCurrentThemeSet } from "@/lib/curation/current-theme-set";

const PROPOSALS_SHOWN = 200;

export async function getCurationBoard(viewer: Viewer, studyId: string) {
  await assertCurationReader(viewer, studyId);
  const study = await db().study.findUnique({ where: { id: studyId }, select: { id: true, name: true, settings: true } });
  if (!study) throw notFound("study");
  const current = await getCurrentThemeSet(studyId);
  const themes = current
    ? await db().theme.findMany({
        where: { themeSetId: current.id },
        orderBy: { index: "asc" },
        select: { id: true, index: true, label: true, labelZh: true, labelSource: true, topTerms: true, documentCount: true, weight: true },
      })
    : [];
  const proposals = await db().curationProposal.findMany({
    where: { themeSet: { studyId } },
    orderBy: [{ createdAt: "desc" }],
    take: PROPOSALS_SHOWN,
    include: {
      votes: { select: { userId: true, support: true } },
      proposedBy: { select: { id: true, name: true, email: true, role: true } },
      themeSet: { select: { version: true } },
      resultThemeSet: { select: { version: true } },
    },
  });
  const labels = await themeLabels(proposals.flatMap((p) => p.themeIds));
  const admin = can.decideProposals(viewer);
  const panelist = viewer.role === "EXPERT" && (await isPanelist(viewer.id, studyId));
  const canPropose = admin || panelist;
  const canVote = panelist && can.voteOnProposals(viewer);

  const authorOf = (p: (typeof proposals)[number]) => {
    if (p.proposedBy.id === viewer.id) return "You";
    if (admin) return `${p.proposedBy.name} <${p.proposedBy.email}>`;
    return p.proposedBy.role === "ADMIN" ? "Programme office" : studyPseudonym(studyId, p.proposedBy.id);
  };

  return {
    study: { id: study.id, name: study.name },
    settings: curationSettingsOf(study.settings),
    themeSet: current ? { id: current.id, version: current.version, origin: current.origin } : null,
    themes: themes.map((t) => ({ ...t, topTerms: (t.topTerms as { term: string; weight: number }[]).slice(0, 10) })),
    permissions: { canPropose, canVote, canDecide: admin },
    proposals: proposals
      .sort((a, b) => Number(b.status === "OPEN") - Number(a.status === "OPEN"))
      .map((p) => {
        const mine = p.votes.find((v) => v.userId === viewer.id);
        return {
          id: p.id,
          kind: p.kind,
          status: p.status,
          reason: p.reason,
          payload: p.payload as Record<string, unknown>,
          themes: p.themeIds.map((id) => ({ id, label: labels.get(id) ?? "(theme no longer stored)" })),
          themeSetVersion: p.themeSet.version,
          resultVersion: p.resultThemeSet?.version ?? null,
          onCurrentVersion: p.themeSetId === current?.id,
          /** Dates only, so the order of events cannot be matched to people by the minute. */
          date: p.createdAt.toISOString().slice(0, 10),
          decidedOn: p.decidedAt?.toISOString().slice(0, 10) ?? null,
          /** A withdrawal nobody made: the proposal's themes were merged, split or deleted by another. */
          superseded: p.status === "WITHDRAWN" && p.decidedById === null,
          author: authorOf(p),
          mine: p.proposedBy.id === viewer.id,
          tally: { support: p.votes.filter((v) => v.support).length, oppose: p.votes.filter((v) => !v.support).length },
          myVote: mine ? mine.support : null,
        };
      }),
  };
}

async function themeLabels(ids: string[]) {
  const rows = await db().theme.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, label: true } });
  return new Map(rows.map((r) => [r.id, r.label]));
}

export type CurationBoard = Awaited<ReturnType<typeof getCurationBoard>>;
