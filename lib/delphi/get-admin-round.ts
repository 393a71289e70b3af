// The admin's view of a round: its settings and item block, the items with their comment boards (by
// pseudonym, for moderation) and — once closed — their statistics, the panel's participation (who is
// invited and whether they answered, never which answer is whose), and the study's consensus rules.
// Only when the study's attribution covers the round (anonymity-settings.ts) are the items given
// each expert's answers and comments with the expert's name (`byExpert`); otherwise it is null.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { pseudonyms } from "@/lib/delphi/pseudonyms";
import { parseQuestion } from "@/lib/delphi/question-config";
import { describeRule, toConsensusRule } from "@/lib/delphi/consensus-rules";
import { visibleStatistics } from "@/lib/delphi/feedback";
import { DEFAULT_ITEM_BLOCK } from "@/lib/delphi/default-item-block";
import { getRankingResults } from "@/lib/delphi/get-ranking-results";
import { getRoundAttribution } from "@/lib/delphi/get-round-attribution";
import { getAttributedAnswers } from "@/lib/delphi/get-attributed-answers";

export async function getAdminRound(roundId: string) {
  const round = await db().round.findUnique({
    where: { id: roundId },
    include: {
      study: { select: { id: true, name: true, homeCountry: true, consensusRules: { orderBy: { createdAt: "asc" } }, rounds: { select: { id: true, number: true, status: true, openedAt: true } } } },
      themeSet: { select: { version: true } },
      questions: { orderBy: { position: "asc" } },
      items: {
        orderBy: { position: "asc" },
        include: {
          previous: { select: { round: { select: { number: true } } } },
          comments: { orderBy: { createdAt: "asc" }, select: { id: true, authorId: true, body: true, status: true, createdAt: true } },
          statistics: true,
        },
      },
      invitations: {
        orderBy: { createdAt: "asc" },
        select: { id: true, status: true, sentAt: true, submittedAt: true, user: { select: { email: true, name: true, profile: { select: { sector: true } } } } },
      },
    },
  });
  if (!round) throw notFound("round");
  const names = pseudonyms(round.id, round.items.flatMap((i) => i.comments.map((c) => c.authorId)));
  const [attribution, byExpert] = await Promise.all([getRoundAttribution(round.id), getAttributedAnswers(round.id)]);
  const { study, items, questions, ...rest } = round;
  const asked = new Set(questions.map((q) => q.key));
  return {
    ...rest,
    study: { id: study.id, name: study.name, homeCountry: study.homeCountry },
    questions: questions.map(parseQuestion),
    /** Default questions the round does not ask, which the admin may switch on while it is a draft. */
    offQuestions: round.kind === "RATING" ? DEFAULT_ITEM_BLOCK.filter((q) => !asked.has(q.key)) : [],
    rules: study.consensusRules.map((r) => ({ id: r.id, description: describeRule(toConsensusRule(r), questions) })),
    rulesLocked: study.rounds.some((r) => r.openedAt !== null),
    attribution,
    canCreateNext: round.status === "CLOSED" && study.rounds.every((r) => r.status === "CLOSED") && round.number === Math.max(...study.rounds.map((r) => r.number)),
    items: items.map(({ comments, statistics, previous, ...item }) => ({
      ...item,
      previousRound: previous?.round.number ?? null,
      byExpert: byExpert ? (byExpert.get(item.id) ?? []) : null,
      statistics: visibleStatistics(statistics, "staff"),
      comments: comments.map((c) => ({ id: c.id, author: names.get(c.authorId) as string, body: c.body, status: c.status, date: c.createdAt.toISOString().slice(0, 10) })),
    })),
    rankingResults: round.kind === "RANKING" && round.status === "CLOSED" ? await getRankingResults(round.id, "staff") : null,
  };
}
