// Closing a round, atomically: the round row is locked FOR UPDATE (waiting for answers in flight),
// marked closed, its statistics computed from the submitted answers (round-statistics.ts) and every
// item given an outcome (item-outcome.ts states the decision rule). A ranking round stores each
// candidate's selections and places, with Kendall's W over the rankings.
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound } from "@/lib/errors";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import type { ItemOutcome } from "@/lib/delphi/consensus";
import { toConsensusRule } from "@/lib/delphi/consensus-rules";
import { parseQuestion, RANKING_QUESTION_KEY } from "@/lib/delphi/question-config";
import { computeRoundStatistics, type StatRow } from "@/lib/delphi/round-statistics";
import { itemOutcome } from "@/lib/delphi/item-outcome";
import { summariseRankings } from "@/lib/delphi/ranking-statistics";

type Locked = { status: string; study_id: string; kind: string; min_n: number };
type Scope = { roundId: string; studyId: string; minN: number };

export async function closeRound(roundId: string, actorId: string) {
  return db().$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<Locked[]>`SELECT status, study_id, kind, min_n FROM round WHERE id = ${roundId} FOR UPDATE`;
      if (!locked) throw notFound("round");
      if (locked.status !== "OPEN") throw conflict(locked.status === "CLOSED" ? "round.alreadyClosed" : "round.openBeforeClosing");
      await tx.round.update({ where: { id: roundId }, data: { status: "CLOSED", closedAt: new Date() } });
      const scope = { roundId, studyId: locked.study_id, minN: locked.min_n };
      const computed = locked.kind === "RANKING" ? await closeRanking(tx, scope) : await closeRating(tx, scope);
      await recordAudit({ actorId, action: "round.close", entity: "round", entityId: roundId, studyId: locked.study_id, data: computed }, tx);
      return computed;
    },
    { timeout: 60_000 },
  );
}

async function closeRating(tx: Tx, { roundId, studyId, minN }: Scope) {
  const [items, storedQuestions, answers, rules] = await Promise.all([
    tx.item.findMany({ where: { roundId }, orderBy: { position: "asc" }, select: { id: true, previousId: true } }),
    tx.question.findMany({ where: { roundId, kind: { not: "TEXT" } }, orderBy: { position: "asc" } }),
    tx.answer.findMany({
      where: { roundId, status: "SUBMITTED" },
      select: { itemId: true, questionId: true, expertId: true, numeric: true, choice: true, choices: true, dontKnow: true },
    }),
    tx.consensusRule.findMany({ where: { studyId }, orderBy: { createdAt: "asc" } }),
  ]);
  const experts = [...new Set(answers.map((a) => a.expertId))];
  const profiles = await tx.expertProfile.findMany({ where: { userId: { in: experts } }, select: { userId: true, sector: true } });
  const questions = storedQuestions.map(parseQuestion);
  const rows = computeRoundStatistics({
    items,
    questions,
    answers,
    sectorOf: new Map(profiles.map((p) => [p.userId, p.sector])),
    minN,
    rules: rules.map(toConsensusRule),
    previous: await previousAnswers(tx, items),
  });
  await tx.itemStatistic.createMany({ data: rows.map((r) => ({ roundId, ...r, consensus: r.consensus as unknown as InputJsonValue })) });
  const outcomes = await storeOutcomes(tx, { items, rows, minN });
  return { items: items.length, statistics: rows.length, answers: answers.length, outcomes, kendallW: null };
}

/** Previous-round scale answers of each carried item, by question key and expert. */
async function previousAnswers(tx: Tx, items: { id: string; previousId: string | null }[]) {
  const carried = items.filter((i) => i.previousId !== null);
  const previous = new Map<string, Map<string, Map<string, number>>>();
  if (carried.length === 0) return previous;
  const answers = await tx.answer.findMany({
    where: { itemId: { in: carried.map((i) => i.previousId as string) }, status: "SUBMITTED", dontKnow: false, numeric: { not: null }, question: { kind: "SCALE" } },
    select: { itemId: true, expertId: true, numeric: true, question: { select: { key: true } } },
  });
  for (const item of carried) {
    const byKey = new Map<string, Map<string, number>>();
    for (const a of answers.filter((x) => x.itemId === item.previousId)) {
      byKey.set(a.question.key, (byKey.get(a.question.key) ?? new Map<string, number>()).set(a.expertId, a.numeric as number));
    }
    previous.set(item.id, byKey);
  }
  return previous;
}

async function storeOutcomes(tx: Tx, { items, rows, minN }: { items: { id: string }[]; rows: StatRow[]; minN: number }) {
  const byOutcome = new Map<ItemOutcome, string[]>();
  for (const item of items) {
    const overall = rows.filter((r) => r.itemId === item.id && r.subgroup === "all");
    const outcome = itemOutcome(overall.map((r) => ({ n: r.n, verdicts: r.consensus.rules, stability: r.consensus.stability })), minN);
    byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), item.id]);
  }
  for (const [outcome, ids] of byOutcome) await tx.item.updateMany({ where: { id: { in: ids } }, data: { outcome } });
  return Object.fromEntries([...byOutcome].map(([outcome, ids]) => [outcome, ids.length]));
}

async function closeRanking(tx: Tx, { roundId, minN }: Scope) {
  const [items, question, rankings] = await Promise.all([
    tx.item.findMany({ where: { roundId }, orderBy: { position: "asc" }, select: { id: true } }),
    tx.question.findUniqueOrThrow({ where: { roundId_key: { roundId, key: RANKING_QUESTION_KEY } }, select: { id: true } }),
    tx.ranking.findMany({ where: { roundId }, select: { itemIds: true } }),
  ]);
  const summary = summariseRankings(
    items.map((i) => i.id),
    rankings.map((r) => r.itemIds),
  );
  const kendallW = summary.kendallW && { ...summary.kendallW, rankings: summary.rankings, candidates: summary.candidates };
  await tx.itemStatistic.createMany({
    data: summary.items.map((s) => ({
      roundId,
      itemId: s.itemId,
      questionId: question.id,
      subgroup: "all",
      n: s.selected,
      dontKnow: 0,
      distribution: s.places,
      mean: s.meanRank,
      quantileMethod: "none",
      consensus: { kendallW, rankings: summary.rankings } as InputJsonValue,
      suppressed: summary.rankings < minN,
    })),
  });
  return { items: items.length, statistics: items.length, answers: rankings.length, kendallW: summary.kendallW?.w ?? null };
}
