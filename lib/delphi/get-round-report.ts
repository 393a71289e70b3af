// The consensus report of a round for planners and admins (and its JSON export): per item and
// question the statistics overall, by sector and by familiarity, the rule verdicts, the stability
// against the previous round and the outcome; for a ranking round the key technologies with
// Kendall's W. Every aggregate below the round's minimum n is withheld (feedback.ts).
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { parseQuestion } from "@/lib/delphi/question-config";
import { describeRule, toConsensusRule } from "@/lib/delphi/consensus-rules";
import { visibleStatistics, type StoredStatistic } from "@/lib/delphi/feedback";
import { getRankingResults } from "@/lib/delphi/get-ranking-results";
import { STABLE_PERCENT_CHANGE, WILCOXON_ALPHA } from "@/lib/delphi/item-outcome";

export async function getRoundReport(roundId: string) {
  const round = await db().round.findUnique({
    where: { id: roundId },
    select: {
      id: true, number: true, kind: true, title: true, status: true, minN: true, deadline: true, openedAt: true, closedAt: true,
      study: { select: { id: true, name: true, question: true, horizonYear: true, homeCountry: true, consensusRules: { orderBy: { createdAt: "asc" } } } },
      questions: { orderBy: { position: "asc" } },
      items: {
        orderBy: { position: "asc" },
        select: {
          id: true, position: true, title: true, titleZh: true, origin: true, outcome: true, evidence: true,
          previous: { select: { round: { select: { number: true } } } },
          statistics: true,
          _count: { select: { comments: { where: { status: "VISIBLE" } } } },
        },
      },
      _count: { select: { invitations: true } },
    },
  });
  if (!round) throw notFound("round");
  const closed = round.status === "CLOSED";
  const respondents = await db().invitation.count({ where: { roundId, submittedAt: { not: null } } });
  const { study, questions, items, ...rest } = round;
  const rules = study.consensusRules.map(toConsensusRule);
  // The headline question (the one the consensus rules judge, usually importance) comes first.
  const ruled = new Set(rules.map((r) => r.questionKey));
  const rank = new Map(questions.map((q) => [q.id, (ruled.has(q.key) ? 0 : 1000) + q.position]));
  const keyOf = new Map(questions.map((q) => [q.id, q.key]));
  const reportStatistics = (rows: StoredStatistic[]) =>
    visibleStatistics(rows, "staff")
      .sort((a, b) => (rank.get(a.questionId) ?? 0) - (rank.get(b.questionId) ?? 0))
      .map(({ questionId, overall, subgroups }) => ({ ...overall, questionId, questionKey: keyOf.get(questionId) as string, subgroups }));
  return {
    ...rest,
    respondents,
    study: { id: study.id, name: study.name, question: study.question, horizonYear: study.horizonYear, homeCountry: study.homeCountry },
    rules: rules.map((rule) => describeRule(rule, questions)),
    method: {
      quantiles: "Hyndman–Fan type 7 (R and NumPy default)",
      sd: "sample standard deviation (n − 1)",
      stability: `stable when Scheibe's percentage change < ${STABLE_PERCENT_CHANGE * 100} % and Wilcoxon signed-rank p > ${WILCOXON_ALPHA}`,
      minN: round.minN,
    },
    questions: questions.map(parseQuestion).filter((q) => q.kind !== "TEXT").sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0)),
    items: items.map(({ statistics, previous, _count, ...item }) => ({
      ...item,
      previousRound: previous?.round.number ?? null,
      comments: _count.comments,
      statistics: closed ? reportStatistics(statistics) : [],
    })),
    ranking: round.kind === "RANKING" && closed ? await getRankingResults(roundId, "staff") : null,
  };
}
