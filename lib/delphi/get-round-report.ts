// The consensus report of a closed round for planners and admins: per item and question, the
// statistics overall, with aggregates below the round's minimum n withheld.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

export async function getRoundReport(roundId: string) {
  const round = await db().round.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      minN: true,
      openedAt: true,
      closedAt: true,
      study: { select: { id: true, name: true, question: true, horizonYear: true, consensusRules: { select: { kind: true, questionKey: true, params: true } } } },
      questions: { orderBy: { position: "asc" }, select: { id: true, key: true, label: true, config: true } },
      items: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          outcome: true,
          evidence: true,
          statistics: { where: { subgroup: "all" } },
          _count: { select: { comments: { where: { status: "VISIBLE" } } } },
        },
      },
      _count: { select: { invitations: true } },
    },
  });
  if (!round) throw notFound("Round");
  const respondents = await db().invitation.count({ where: { roundId, submittedAt: { not: null } } });
  return {
    ...round,
    respondents,
    items: round.items.map((item) => ({
      ...item,
      statistics: item.statistics.map((s) =>
        s.suppressed
          ? { questionId: s.questionId, n: s.n, suppressed: true as const }
          : { questionId: s.questionId, n: s.n, suppressed: false as const, dontKnow: s.dontKnow, median: s.median, q1: s.q1, q3: s.q3, iqr: s.iqr, mean: s.mean, sd: s.sd, agreement: s.agreement, importanceIndex: s.importanceIndex, distribution: s.distribution as Record<string, number>, consensus: s.consensus as { rule: string; verdict: string; detail: string }[] },
      ),
    })),
  };
}
