// What an expert sees of a round: the items with their evidence, the item block, their own answers or
// ranking, the comment boards, and — for items carried from the previous round — that round's group
// feedback (distribution, median, IQR, anonymised comments, the expert's own previous answer). Once
// the round closes, its own results too. Nothing here names or identifies another expert: comment
// authors are per-round pseudonyms and no user id leaves this function.
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { pseudonyms } from "@/lib/delphi/pseudonyms";
import { parseQuestion, RANKING_QUESTION_KEY, type ParsedQuestion } from "@/lib/delphi/question-config";
import { expertWriteRefusal } from "@/lib/delphi/round-guard";
import { visibleStatistics, type QuestionStatistics } from "@/lib/delphi/feedback";
import { getPreviousSpreads } from "@/lib/delphi/get-previous-spreads";
import { getRankingResults } from "@/lib/delphi/get-ranking-results";

export type OwnAnswer = { itemId: string; questionKey: string; value: number | null; choice: string | null; choices: string[]; text: string | null; dontKnow: boolean; status: string; revision: number };
export type ShownComment = { itemId: string; body: string; author: string; date: string };
type KeyedStatistics = QuestionStatistics & { questionKey: string; question: ParsedQuestion };

export async function getExpertRound(viewer: Viewer, roundId: string) {
  const invitation = await db().invitation.findUnique({ where: { roundId_userId: { roundId, userId: viewer.id } } });
  if (!invitation || invitation.status === "REVOKED") throw forbidden("round.notInvited");
  const round = await db().round.findUnique({
    where: { id: roundId },
    select: {
      id: true, number: true, kind: true, title: true, status: true, deadline: true, minN: true,
      study: { select: { name: true, question: true, homeCountry: true } },
      questions: { orderBy: { position: "asc" } },
      items: { orderBy: { position: "asc" }, select: { id: true, position: true, title: true, titleZh: true, description: true, descriptionZh: true, evidence: true, previousId: true } },
    },
  });
  if (!round) throw notFound("round");
  // A draft is still being prepared: its items are not shown before it opens.
  if (round.status === "DRAFT") round.items = [];
  const questions = round.questions.map(parseQuestion);
  const previousIds = round.items.flatMap((i) => (i.previousId ? [i.previousId] : []));
  const [answers, comments, ranking, previous, results, spreads] = await Promise.all([
    ownAnswers(viewer.id, { roundId }),
    shownComments(viewer.id, { roundId }),
    round.kind === "RANKING" ? db().ranking.findUnique({ where: { roundId_expertId: { roundId, expertId: viewer.id } }, select: { itemIds: true } }) : null,
    previousFeedback(viewer.id, previousIds),
    round.status === "CLOSED" && round.kind === "RATING" ? statisticsOf(round.items.map((i) => i.id)) : new Map<string, KeyedStatistics[]>(),
    getPreviousSpreads(db(), roundId),
  ]);
  return {
    ...round,
    items: round.items.map(({ previousId, ...item }) => ({
      ...item,
      previous: previousId ? (previous.get(previousId) ?? null) : null,
      results: results.get(item.id) ?? [],
      spreads: spreads.filter((s) => s.itemId === item.id).map(({ questionKey, q1, q3 }) => ({ questionKey, q1, q3 })),
    })),
    questions: questions.filter((q) => q.key !== RANKING_QUESTION_KEY) as Exclude<ParsedQuestion, { kind: "RANKING" }>[],
    rankingConfig: questions.find((q) => q.kind === "RANKING")?.config ?? null,
    refusal: expertWriteRefusal(round, round.kind === "RANKING" ? "rankings" : "answers"),
    submitted: invitation.submittedAt !== null,
    answers,
    comments,
    ranking: ranking?.itemIds ?? null,
    rankingResults: round.kind === "RANKING" && round.status === "CLOSED" ? await getRankingResults(roundId, "expert") : null,
  };
}

async function ownAnswers(expertId: string, where: { roundId?: string; itemId?: { in: string[] } }): Promise<OwnAnswer[]> {
  const answers = await db().answer.findMany({
    where: { ...where, expertId },
    select: { itemId: true, numeric: true, choice: true, choices: true, text: true, dontKnow: true, status: true, revision: true, question: { select: { key: true } } },
  });
  return answers.map(({ question, numeric, ...a }) => ({ ...a, questionKey: question.key, value: numeric }));
}

/** Visible comments with their authors as "You" or the round's pseudonym, dated to the day only. */
async function shownComments(viewerId: string, where: { roundId?: string; itemId?: { in: string[] } }): Promise<ShownComment[]> {
  const comments = await db().comment.findMany({ where: { ...where, status: "VISIBLE" }, orderBy: { createdAt: "asc" }, select: { roundId: true, itemId: true, body: true, authorId: true, createdAt: true } });
  const names = new Map<string, Map<string, string>>();
  for (const roundId of new Set(comments.map((c) => c.roundId))) names.set(roundId, pseudonyms(roundId, comments.filter((c) => c.roundId === roundId).map((c) => c.authorId)));
  return comments.map((c) => ({
    itemId: c.itemId,
    body: c.body,
    author: c.authorId === viewerId ? "You" : (names.get(c.roundId)?.get(c.authorId) as string),
    date: c.createdAt.toISOString().slice(0, 10),
  }));
}

async function statisticsOf(itemIds: string[]): Promise<Map<string, KeyedStatistics[]>> {
  const rows = await db().itemStatistic.findMany({ where: { itemId: { in: itemIds } }, include: { question: true } });
  const questions = new Map(rows.map((r) => [r.questionId, r.question]));
  const parsed = new Map([...questions].map(([id, q]) => [id, parseQuestion(q)]));
  const order = (s: QuestionStatistics) => questions.get(s.questionId)?.position ?? 0;
  const byItem = new Map<string, KeyedStatistics[]>();
  for (const itemId of itemIds) {
    const visible = visibleStatistics(rows.filter((r) => r.itemId === itemId), "expert").sort((a, b) => order(a) - order(b));
    byItem.set(itemId, visible.map((s) => ({ ...s, questionKey: parsed.get(s.questionId)?.key as string, question: parsed.get(s.questionId) as ParsedQuestion })));
  }
  return byItem;
}

export type PreviousFeedback = { roundNumber: number; statistics: KeyedStatistics[]; comments: ShownComment[]; mine: OwnAnswer[] };

/** The previous round's feedback for each previous item: group statistics, comments, own answers. */
async function previousFeedback(viewerId: string, previousIds: string[]): Promise<Map<string, PreviousFeedback>> {
  if (previousIds.length === 0) return new Map();
  const [items, statistics, comments, mine] = await Promise.all([
    db().item.findMany({ where: { id: { in: previousIds } }, select: { id: true, round: { select: { number: true } } } }),
    statisticsOf(previousIds),
    shownComments(viewerId, { itemId: { in: previousIds } }),
    ownAnswers(viewerId, { itemId: { in: previousIds } }),
  ]);
  return new Map(
    items.map((item) => [
      item.id,
      {
        roundNumber: item.round.number,
        statistics: statistics.get(item.id) ?? [],
        comments: comments.filter((c) => c.itemId === item.id),
        mine: mine.filter((a) => a.itemId === item.id),
      },
    ]),
  );
}

export async function getExpertRounds(viewer: Viewer) {
  const invitations = await db().invitation.findMany({
    where: { userId: viewer.id, status: { not: "REVOKED" } },
    orderBy: { createdAt: "desc" },
    select: { submittedAt: true, round: { select: { id: true, number: true, kind: true, title: true, status: true, deadline: true, study: { select: { name: true } } } } },
  });
  return invitations.map((i) => ({ ...i.round, submitted: i.submittedAt !== null }));
}
