// An expert's answers: checked against the round's item block, written as atomic upserts while the
// round is held open (FOR SHARE conflicts with closeRound's FOR UPDATE), so an answer is either in
// the round or refused — never lost, never counted twice, never half-written.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import type { ScaleConfig } from "@/lib/delphi/default-item-block";

export const ZSaveAnswersInput = z
  .object({
    roundId: z.string().min(1),
    submit: z.boolean().default(false),
    answers: z
      .array(
        z
          .object({
            itemId: z.string().min(1),
            questionKey: z.string().min(1).max(64),
            value: z.number().finite().nullable().default(null),
            dontKnow: z.boolean().default(false),
          })
          .strict(),
      )
      .max(5000),
  })
  .strict();
export type SaveAnswersInput = z.input<typeof ZSaveAnswersInput>;

export async function saveAnswers(viewer: Viewer, input: SaveAnswersInput): Promise<{ saved: number }> {
  const { roundId, submit, answers } = ZSaveAnswersInput.parse(input);
  return db().$transaction(async (tx) => {
    const [round] = await tx.$queryRaw<{ status: string; study_id: string }[]>`
      SELECT status, study_id FROM round WHERE id = ${roundId} FOR SHARE`;
    if (!round) throw notFound("Round");
    const invitation = await tx.invitation.findUnique({ where: { roundId_userId: { roundId, userId: viewer.id } } });
    if (!invitation || invitation.status === "REVOKED") throw forbidden("You are not invited to this round");
    if (round.status !== "OPEN") throw conflict(round.status === "CLOSED" ? "This round is closed; answers are no longer accepted" : "This round is not open yet");

    const rows = await resolveAnswers(tx, roundId, answers);
    const status = submit ? "SUBMITTED" : "DRAFT";
    for (const a of rows) {
      await tx.$executeRaw`
        INSERT INTO answer (id, round_id, item_id, question_id, expert_id, "numeric", dont_know, status, submitted_at, updated_at)
        VALUES (${randomUUID()}, ${roundId}, ${a.itemId}, ${a.questionId}, ${viewer.id}, ${a.value}, ${a.dontKnow},
                ${status}::"AnswerStatus", ${submit ? new Date() : null}, now())
        ON CONFLICT (round_id, item_id, question_id, expert_id) DO UPDATE SET
          "numeric" = EXCLUDED."numeric", dont_know = EXCLUDED.dont_know,
          status = CASE WHEN EXCLUDED.status = 'SUBMITTED' OR answer.status = 'SUBMITTED' THEN 'SUBMITTED'::"AnswerStatus" ELSE 'DRAFT'::"AnswerStatus" END,
          submitted_at = COALESCE(EXCLUDED.submitted_at, answer.submitted_at),
          revision = answer.revision + 1, updated_at = now()`;
    }
    if (submit) await tx.invitation.update({ where: { id: invitation.id }, data: { submittedAt: new Date() } });
    // The audit log never pairs values with people.
    await recordAudit({ actorId: viewer.id, action: submit ? "answers.submit" : "answers.save", entity: "round", entityId: roundId, studyId: round.study_id, data: { count: rows.length } }, tx);
    return { saved: rows.length };
  });
}

type ResolvedAnswer = { itemId: string; questionId: string; value: number | null; dontKnow: boolean };

async function resolveAnswers(tx: Tx, roundId: string, answers: z.infer<typeof ZSaveAnswersInput>["answers"]): Promise<ResolvedAnswer[]> {
  const [items, questions] = await Promise.all([
    tx.item.findMany({ where: { roundId }, select: { id: true } }),
    tx.question.findMany({ where: { roundId }, select: { id: true, key: true, kind: true, config: true } }),
  ]);
  const itemIds = new Set(items.map((i) => i.id));
  const byKey = new Map(questions.map((q) => [q.key, q]));
  return answers.map((a) => {
    if (!itemIds.has(a.itemId)) throw invalid("An answer refers to an item that is not in this round");
    const question = byKey.get(a.questionKey);
    if (!question) throw invalid(`Unknown question "${a.questionKey}"`);
    if (question.kind !== "SCALE") throw invalid(`Question "${a.questionKey}" does not take a scale value`);
    const config = question.config as ScaleConfig;
    if (a.dontKnow) {
      if (!config.allowDontKnow) throw invalid(`Question "${a.questionKey}" has no "don't know" answer`);
      return { itemId: a.itemId, questionId: question.id, value: null, dontKnow: true };
    }
    if (a.value === null || !Number.isInteger(a.value) || a.value < config.min || a.value > config.max) {
      throw invalid(`Answer "${a.questionKey}" with a whole number from ${config.min} to ${config.max}`);
    }
    return { itemId: a.itemId, questionId: question.id, value: a.value, dontKnow: false };
  });
}
