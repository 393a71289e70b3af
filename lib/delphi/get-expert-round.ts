// What an expert sees of a round: items with evidence, their own answers, and anonymised comments.
// Nothing here names or identifies another expert.
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { pseudonyms } from "@/lib/delphi/pseudonyms";
import type { ScaleConfig } from "@/lib/delphi/default-item-block";

export async function getExpertRound(viewer: Viewer, roundId: string) {
  const invitation = await db().invitation.findUnique({ where: { roundId_userId: { roundId, userId: viewer.id } } });
  if (!invitation || invitation.status === "REVOKED") throw forbidden("You are not invited to this round");
  const round = await db().round.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      deadline: true,
      study: { select: { name: true, question: true } },
      questions: { orderBy: { position: "asc" }, select: { key: true, kind: true, label: true, labelZh: true, config: true, required: true } },
      items: { orderBy: { position: "asc" }, select: { id: true, title: true, titleZh: true, description: true, evidence: true } },
    },
  });
  if (!round) throw notFound("Round");
  const [answers, comments] = await Promise.all([
    db().answer.findMany({ where: { roundId, expertId: viewer.id }, select: { itemId: true, numeric: true, dontKnow: true, status: true, question: { select: { key: true } } } }),
    db().comment.findMany({ where: { roundId, status: "VISIBLE" }, orderBy: { id: "asc" }, select: { itemId: true, body: true, authorId: true, createdAt: true } }),
  ]);
  const names = pseudonyms(roundId, comments.map((c) => c.authorId));
  return {
    ...round,
    questions: round.questions.map((q) => ({ ...q, config: q.config as ScaleConfig })),
    submitted: invitation.submittedAt !== null,
    answers: answers.map((a) => ({ itemId: a.itemId, questionKey: a.question.key, value: a.numeric, dontKnow: a.dontKnow, status: a.status })),
    // Dates only (no time of day), and the author reduced to a per-round pseudonym or "You".
    comments: comments.map((c) => ({
      itemId: c.itemId,
      body: c.body,
      author: c.authorId === viewer.id ? "You" : names.get(c.authorId)!,
      date: c.createdAt.toISOString().slice(0, 10),
    })),
  };
}

export async function getExpertRounds(viewer: Viewer) {
  const invitations = await db().invitation.findMany({
    where: { userId: viewer.id, status: { not: "REVOKED" } },
    orderBy: { createdAt: "desc" },
    select: { submittedAt: true, round: { select: { id: true, number: true, title: true, status: true, deadline: true, study: { select: { name: true } } } } },
  });
  return invitations.map((i) => ({ ...i.round, submitted: i.submittedAt !== null }));
}
