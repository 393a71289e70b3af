// An expert's answers: checked against the round's item block, written in one upsert statement while
// the round is held open (FOR SHARE conflicts with closeRound's FOR UPDATE), so an answer is either in
// the round or refused — never lost, never counted twice, never half-written. Once an expert has
// submitted, every later save is a revision of the submission and is checked as one.
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { forbidden, invalid, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { assertExpertMayWrite } from "@/lib/delphi/round-guard";
import { parseQuestion, type ParsedQuestion } from "@/lib/delphi/question-config";
import { answerValue, ZAnswerInput, type AnswerValue } from "@/lib/delphi/answer-values";
import { FAMILIARITY_KEY } from "@/lib/delphi/default-item-block";
import { checkSubmission } from "@/lib/delphi/check-submission";

export const ZSaveAnswersInput = z
  .object({
    roundId: z.string().min(1),
    submit: z.boolean().default(false),
    answers: z.array(ZAnswerInput).max(5000),
  })
  .strict();
export type SaveAnswersInput = z.input<typeof ZSaveAnswersInput>;

type LockedRound = { status: string; study_id: string; deadline: Date | null; kind: string };
type Resolved = { itemId: string; question: ParsedQuestion; value: AnswerValue | "clear" };

// When hundreds of experts submit at once, a save waits its turn for a pooled connection instead of
// failing after Prisma's default two seconds; the work itself is short.
const ANSWER_TRANSACTION = { maxWait: 20_000, timeout: 30_000 } as const;

export async function saveAnswers(viewer: Viewer, input: SaveAnswersInput): Promise<{ saved: number; cleared: number }> {
  const { roundId, submit, answers } = ZSaveAnswersInput.parse(input);
  return db().$transaction(async (tx) => {
    const [round] = await tx.$queryRaw<LockedRound[]>`
      SELECT status, study_id, deadline, kind FROM round WHERE id = ${roundId} FOR SHARE`;
    if (!round) throw notFound("round");
    const invitation = await tx.invitation.findUnique({ where: { roundId_userId: { roundId, userId: viewer.id } } });
    if (!invitation || invitation.status === "REVOKED") throw forbidden("round.notInvited");
    assertExpertMayWrite(round, "answers");
    if (round.kind === "RANKING") throw invalid("round.rankingNotAnswers");

    const rows = await resolveAnswers(tx, roundId, answers);
    const submitted = submit || invitation.submittedAt !== null;
    const saved = await upsertAnswers(tx, { roundId, expertId: viewer.id, submitted, rows: rows.filter((r) => r.value !== "clear") });
    const cleared = await clearAnswers(tx, { roundId, expertId: viewer.id, rows: rows.filter((r) => r.value === "clear") });
    await recordFamiliarity(tx, { roundId, userId: viewer.id, rows });
    if (submitted) {
      await tx.answer.updateMany({ where: { roundId, expertId: viewer.id, status: "DRAFT" }, data: { status: "SUBMITTED", submittedAt: new Date() } });
      await checkSubmission(tx, { roundId, expertId: viewer.id });
    }
    if (submit) await tx.invitation.update({ where: { id: invitation.id }, data: { submittedAt: new Date() } });
    // The audit log never pairs values with people.
    await recordAudit({ actorId: viewer.id, action: submit ? "answers.submit" : "answers.save", entity: "round", entityId: roundId, studyId: round.study_id, data: { count: saved, cleared } }, tx);
    return { saved, cleared };
  }, ANSWER_TRANSACTION);
}

async function resolveAnswers(tx: Tx, roundId: string, answers: z.infer<typeof ZAnswerInput>[]): Promise<Resolved[]> {
  const [items, questions] = await Promise.all([
    tx.item.findMany({ where: { roundId }, select: { id: true } }),
    tx.question.findMany({ where: { roundId } }),
  ]);
  const itemIds = new Set(items.map((i) => i.id));
  const byKey = new Map(questions.map((q) => [q.key, parseQuestion(q)]));
  const seen = new Set<string>();
  return answers.map((a) => {
    if (!itemIds.has(a.itemId)) throw invalid("answers.unknownItem");
    const question = byKey.get(a.questionKey);
    if (!question) throw invalid("answers.unknownQuestion", { key: a.questionKey });
    const pair = `${a.itemId}:${a.questionKey}`;
    if (seen.has(pair)) throw invalid("answers.twice", { key: a.questionKey });
    seen.add(pair);
    return { itemId: a.itemId, question, value: answerValue(question, a) };
  });
}

type UpsertOptions = { roundId: string; expertId: string; submitted: boolean; rows: Resolved[] };

/** One statement for the whole batch; the revision grows only when a stored value really changes. */
async function upsertAnswers(tx: Tx, { roundId, expertId, submitted, rows }: UpsertOptions): Promise<number> {
  if (rows.length === 0) return 0;
  const records = rows.map(({ itemId, question, value }) => {
    const v = value as AnswerValue;
    return { item_id: itemId, question_id: question.id, numeric: v.numeric, choice: v.choice, choices: v.choices, text: v.text, dont_know: v.dontKnow };
  });
  const status = submitted ? "SUBMITTED" : "DRAFT";
  return tx.$executeRaw`
    INSERT INTO answer (id, round_id, item_id, question_id, expert_id, "numeric", choice, choices, text, dont_know, status, submitted_at, updated_at)
    SELECT gen_random_uuid()::text, ${roundId}, x.item_id, x.question_id, ${expertId}, x."numeric", x.choice, x.choices, x.text, x.dont_know,
           ${status}::"AnswerStatus", ${submitted ? new Date() : null}, now()
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
      AS x(item_id text, question_id text, "numeric" float8, choice text, choices text[], text text, dont_know boolean)
    ON CONFLICT (round_id, item_id, question_id, expert_id) DO UPDATE SET
      "numeric" = EXCLUDED."numeric", choice = EXCLUDED.choice, choices = EXCLUDED.choices, text = EXCLUDED.text, dont_know = EXCLUDED.dont_know,
      status = CASE WHEN EXCLUDED.status = 'SUBMITTED' OR answer.status = 'SUBMITTED' THEN 'SUBMITTED'::"AnswerStatus" ELSE 'DRAFT'::"AnswerStatus" END,
      submitted_at = COALESCE(answer.submitted_at, EXCLUDED.submitted_at),
      revision = answer.revision + CASE
        WHEN (answer."numeric", answer.choice, answer.choices, answer.text, answer.dont_know)
             IS DISTINCT FROM (EXCLUDED."numeric", EXCLUDED.choice, EXCLUDED.choices, EXCLUDED.text, EXCLUDED.dont_know)
        THEN 1 ELSE 0 END,
      updated_at = now()`;
}

async function clearAnswers(tx: Tx, { roundId, expertId, rows }: Omit<UpsertOptions, "submitted">): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await tx.answer.deleteMany({
    where: { roundId, expertId, OR: rows.map((r) => ({ itemId: r.itemId, questionId: r.question.id })) },
  });
  return count;
}

/** The familiarity answer is also the expert's self-rating of the item's theme (the expert pool reads it). */
async function recordFamiliarity(tx: Tx, { roundId, userId, rows }: { roundId: string; userId: string; rows: Resolved[] }): Promise<void> {
  const levels = rows.filter((r) => r.question.key === FAMILIARITY_KEY && r.value !== "clear" && r.value.numeric !== null);
  if (levels.length === 0) return;
  const items = await tx.item.findMany({ where: { roundId, id: { in: levels.map((r) => r.itemId) }, themeId: { not: null } }, select: { id: true, themeId: true } });
  const themeOf = new Map(items.map((i) => [i.id, i.themeId as string]));
  for (const r of levels) {
    const themeId = themeOf.get(r.itemId);
    if (!themeId) continue;
    const level = (r.value as AnswerValue).numeric as number;
    await tx.themeFamiliarity.upsert({ where: { themeId_userId: { themeId, userId } }, create: { themeId, userId, level }, update: { level } });
  }
}
