// Reads what the consensus report of a study (or one of its rounds) needs and builds it. Expert
// identities stop here: invitations become opaque numbers with a sector, comment and rationale
// authors become the round's pseudonyms (lib/delphi/pseudonyms), and no user id is returned.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { pseudonyms } from "@/lib/delphi/pseudonyms";
import { RATIONALE_KEY } from "@/lib/delphi/default-item-block";
import type { StoredStatistic } from "@/lib/delphi/feedback";
import { buildStudyReport } from "./build-study-report";
import type { InputInvitation, InputNote, ReportInput } from "./report-input";
import type { StudyReport } from "./report-types";

export type StudyReportOptions = { roundId?: string | null; now?: Date };

async function loadRounds(studyId: string) {
  return db().round.findMany({
    where: { studyId },
    orderBy: { number: "asc" },
    select: {
      id: true, number: true, kind: true, title: true, status: true, minN: true, openedAt: true, closedAt: true,
      items: { orderBy: { position: "asc" }, select: { id: true, position: true, title: true, titleZh: true, themeId: true, outcome: true, previousId: true, evidence: true } },
      questions: { orderBy: { position: "asc" }, select: { id: true, key: true, kind: true, label: true, labelZh: true, config: true } },
    },
  });
}

async function loadInvitations(roundIds: string[]): Promise<InputInvitation[]> {
  const rows = await db().invitation.findMany({
    where: { roundId: { in: roundIds }, status: { not: "REVOKED" } },
    orderBy: [{ roundId: "asc" }, { id: "asc" }],
    select: { roundId: true, userId: true, submittedAt: true, user: { select: { profile: { select: { sector: true } } } } },
  });
  const number = new Map<string, number>();
  for (const r of rows) if (!number.has(r.userId)) number.set(r.userId, number.size + 1);
  return rows.map((r) => ({ roundId: r.roundId, expert: number.get(r.userId) as number, sector: r.user.profile?.sector ?? "OTHER", submitted: r.submittedAt !== null }));
}

/** Visible board comments and submitted rationales of closed rounds, each under its round's pseudonym. */
async function loadNotes(roundIds: string[]): Promise<InputNote[]> {
  const [comments, rationales] = await Promise.all([
    db().comment.findMany({ where: { roundId: { in: roundIds }, status: "VISIBLE" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { roundId: true, itemId: true, authorId: true, body: true } }),
    db().answer.findMany({
      where: { roundId: { in: roundIds }, status: "SUBMITTED", text: { not: null }, question: { key: RATIONALE_KEY } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: { roundId: true, itemId: true, expertId: true, text: true },
    }),
  ]);
  const names = new Map(
    roundIds.map((roundId) => [roundId, pseudonyms(roundId, [...comments.filter((c) => c.roundId === roundId).map((c) => c.authorId), ...rationales.filter((a) => a.roundId === roundId).map((a) => a.expertId)])]),
  );
  const author = (roundId: string, userId: string) => names.get(roundId)?.get(userId) ?? "Expert";
  return [
    ...comments.map((c) => ({ roundId: c.roundId, itemId: c.itemId, author: author(c.roundId, c.authorId), body: c.body, kind: "comment" as const })),
    ...rationales.filter((a) => (a.text ?? "").trim()).map((a) => ({ roundId: a.roundId, itemId: a.itemId, author: author(a.roundId, a.expertId), body: (a.text ?? "").trim(), kind: "rationale" as const })),
  ];
}

/** The rows the builders read; exported for the template reports, which store them as the snapshot. */
export async function loadReportInput(studyId: string, options: StudyReportOptions = {}): Promise<ReportInput> {
  const study = await db().study.findUnique({ where: { id: studyId }, select: { id: true, name: true, question: true, scope: true, horizonYear: true, homeCountry: true } });
  if (!study) throw notFound("study");
  const rounds = await loadRounds(studyId);
  if (options.roundId && !rounds.some((r) => r.id === options.roundId)) throw notFound("roundOfStudy");
  const closed = rounds.filter((r) => r.status === "CLOSED").map((r) => r.id);
  const themeIds = [...new Set(rounds.flatMap((r) => r.items.flatMap((i) => (i.themeId ? [i.themeId] : []))))];
  const [rules, themes, statistics, invitations, notes] = await Promise.all([
    db().consensusRule.findMany({ where: { studyId }, orderBy: { createdAt: "asc" }, select: { kind: true, questionKey: true, params: true } }),
    db().theme.findMany({ where: { id: { in: themeIds } }, select: { id: true, areaId: true } }),
    db().itemStatistic.findMany({ where: { roundId: { in: closed }, subgroup: "all" } }),
    loadInvitations(rounds.map((r) => r.id)),
    loadNotes(closed),
  ]);
  const areaIds = [...new Set(themes.flatMap((t) => (t.areaId ? [t.areaId] : [])))];
  const areas = await db().themeArea.findMany({ where: { id: { in: areaIds } }, select: { id: true, label: true, labelZh: true } });
  return {
    study,
    rounds,
    rules,
    themeAreas: new Map(themes.map((t) => [t.id, t.areaId])),
    areas,
    statistics: statistics as StoredStatistic[],
    invitations,
    notes,
    roundId: options.roundId ?? null,
    generatedAt: options.now ?? new Date(),
  };
}

export async function getStudyReport(studyId: string, options: StudyReportOptions = {}): Promise<StudyReport> {
  return buildStudyReport(await loadReportInput(studyId, options));
}
