// Closing a round, atomically: the round row is locked FOR UPDATE (waiting for answers in flight),
// marked closed, its statistics computed from the submitted answers and every item given an outcome.
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound } from "@/lib/errors";
import { summariseScale } from "@/lib/delphi/statistics";
import { decideItemOutcome, evaluateRules, type ConsensusRule } from "@/lib/delphi/consensus";
import type { ScaleConfig } from "@/lib/delphi/default-item-block";

export async function closeRound(roundId: string, actorId: string) {
  return db().$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string; study_id: string }[]>`SELECT status, study_id FROM round WHERE id = ${roundId} FOR UPDATE`;
      if (!locked) throw notFound("Round");
      if (locked.status !== "OPEN") throw conflict(locked.status === "CLOSED" ? "The round is already closed" : "Open the round before closing it");
      await tx.round.update({ where: { id: roundId }, data: { status: "CLOSED", closedAt: new Date() } });
      const { minN } = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { minN: true } });
      const computed = await computeRoundStatistics(tx, { roundId, studyId: locked.study_id, minN });
      await recordAudit({ actorId, action: "round.close", entity: "round", entityId: roundId, studyId: locked.study_id, data: computed }, tx);
      return computed;
    },
    { timeout: 60_000 },
  );
}

async function computeRoundStatistics(tx: Tx, { roundId, studyId, minN }: { roundId: string; studyId: string; minN: number }) {
  const [items, questions, answers, rules] = await Promise.all([
    tx.item.findMany({ where: { roundId }, select: { id: true } }),
    tx.question.findMany({ where: { roundId, kind: "SCALE" } }),
    tx.answer.findMany({
      where: { roundId, status: "SUBMITTED" },
      select: { itemId: true, questionId: true, numeric: true, dontKnow: true, expert: { select: { profile: { select: { sector: true } } } } },
    }),
    tx.consensusRule.findMany({ where: { studyId } }),
  ]);
  let statistics = 0;
  for (const item of items) {
    const verdictsForOutcome = [];
    for (const question of questions) {
      const config = question.config as ScaleConfig;
      const mine = answers.filter((a) => a.itemId === item.id && a.questionId === question.id);
      const groups = new Map<string, typeof mine>([["all", mine]]);
      for (const a of mine) {
        const key = `sector:${a.expert.profile?.sector ?? "OTHER"}`;
        groups.set(key, [...(groups.get(key) ?? []), a]);
      }
      for (const [subgroup, group] of groups) {
        const values = group.filter((a) => !a.dontKnow && a.numeric !== null).map((a) => a.numeric as number);
        const summary = summariseScale(values, { min: config.min, max: config.max, agreeBand: config.agreeBand, disagreeBand: config.disagreeBand, dontKnow: group.filter((a) => a.dontKnow).length });
        const questionRules = rules.filter((r) => r.questionKey === question.key).map((r) => ({ kind: r.kind, ...(r.params as object) }) as ConsensusRule);
        const verdicts = evaluateRules(questionRules, summary);
        if (subgroup === "all") verdictsForOutcome.push(...verdicts);
        await tx.itemStatistic.create({
          data: {
            roundId,
            itemId: item.id,
            questionId: question.id,
            subgroup,
            n: summary.n,
            dontKnow: summary.dontKnow,
            distribution: summary.distribution,
            mean: summary.mean,
            sd: summary.sd,
            median: summary.median,
            q1: summary.q1,
            q3: summary.q3,
            iqr: summary.iqr,
            cv: summary.cv,
            agreement: summary.agreement,
            importanceIndex: summary.importanceIndex,
            quantileMethod: summary.quantileMethod,
            consensus: verdicts,
            suppressed: summary.n < minN,
          },
        });
        statistics++;
      }
    }
    // Round 1 has no earlier round to be stable against; stability across rounds arrives with round 2.
    const outcome = decideItemOutcome({ verdicts: verdictsForOutcome, stable: false });
    await tx.item.update({ where: { id: item.id }, data: { outcome } });
  }
  return { items: items.length, statistics, answers: answers.length };
}
