// Who gave which answer and comment in a round, per item, for the admins of a study with attribution
// on (anonymity-settings.ts). Null when attribution does not cover the round: then nothing is read.
// Submitted answers only (drafts are the expert's own until they submit); comments with their
// moderation status; in a ranking round, the place each expert gave the item.
import { db } from "@/lib/db";
import type { OwnAnswer } from "@/lib/delphi/get-expert-round";
import { getRoundAttribution } from "@/lib/delphi/get-round-attribution";

export type AttributedComment = { body: string; status: string; date: string };
export type AttributedExpert = { name: string; email: string; answers: OwnAnswer[]; place: number | null; comments: AttributedComment[] };
/** Item id → the experts who answered, ranked or commented on it, by name. */
export type AttributedAnswers = Map<string, AttributedExpert[]>;

type Person = { id: string; name: string; email: string };

export async function getAttributedAnswers(roundId: string): Promise<AttributedAnswers | null> {
  if (!(await getRoundAttribution(roundId)).round) return null;
  const person = { select: { id: true, name: true, email: true } } as const;
  const [answers, comments, rankings] = await Promise.all([
    db().answer.findMany({
      where: { roundId, status: "SUBMITTED" },
      select: { itemId: true, numeric: true, choice: true, choices: true, text: true, dontKnow: true, status: true, revision: true, question: { select: { key: true, position: true } }, expert: person },
      orderBy: { question: { position: "asc" } },
    }),
    db().comment.findMany({ where: { roundId }, orderBy: { createdAt: "asc" }, select: { itemId: true, body: true, status: true, createdAt: true, author: person } }),
    db().ranking.findMany({ where: { roundId }, select: { itemIds: true, expert: person } }),
  ]);
  const byItem = new Map<string, Map<string, AttributedExpert>>();
  const entry = (itemId: string, who: Person) => {
    const experts = byItem.get(itemId) ?? new Map<string, AttributedExpert>();
    byItem.set(itemId, experts);
    const found = experts.get(who.id) ?? { name: who.name, email: who.email, answers: [], place: null, comments: [] };
    experts.set(who.id, found);
    return found;
  };
  for (const { expert, question, numeric, ...a } of answers) entry(a.itemId, expert).answers.push({ ...a, questionKey: question.key, value: numeric });
  for (const c of comments) entry(c.itemId, c.author).comments.push({ body: c.body, status: c.status, date: c.createdAt.toISOString().slice(0, 10) });
  for (const r of rankings) r.itemIds.forEach((itemId, i) => (entry(itemId, r.expert).place = i + 1));
  const byName = (a: AttributedExpert, b: AttributedExpert) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email);
  return new Map([...byItem].map(([itemId, experts]) => [itemId, [...experts.values()].sort(byName)]));
}
