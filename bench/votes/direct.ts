// The peer: the answer writes with nothing but node-postgres — per save one transaction that takes
// the round FOR SHARE, checks the invitation and runs the same jsonb_to_recordset upsert as
// lib/delphi/save-answers.ts. No HTTP, no session, no Next.js, no Prisma, no validation: what is left
// of a save when the app is taken away.
import pg from "pg";

export type DirectAnswer = { itemId: string; questionId: string; numeric: number | null; choice: string | null };

export async function directSave(client: pg.PoolClient, options: { roundId: string; expertId: string; answers: DirectAnswer[]; submitted: boolean }): Promise<number> {
  const { roundId, expertId, answers, submitted } = options;
  await client.query("BEGIN");
  try {
    const round = await client.query("SELECT status FROM round WHERE id = $1 FOR SHARE", [roundId]);
    if (round.rows[0]?.status !== "OPEN") throw new Error("round not open");
    const invitation = await client.query("SELECT 1 FROM invitation WHERE round_id = $1 AND user_id = $2 AND status <> 'REVOKED'", [roundId, expertId]);
    if (invitation.rowCount !== 1) throw new Error("not invited");
    const records = answers.map((a) => ({ item_id: a.itemId, question_id: a.questionId, numeric: a.numeric, choice: a.choice, choices: null, text: null, dont_know: false }));
    const status = submitted ? "SUBMITTED" : "DRAFT";
    const result = await client.query(
      `INSERT INTO answer (id, round_id, item_id, question_id, expert_id, "numeric", choice, choices, text, dont_know, status, submitted_at, updated_at)
       SELECT gen_random_uuid()::text, $1, x.item_id, x.question_id, $2, x."numeric", x.choice, x.choices, x.text, x.dont_know,
              $3::"AnswerStatus", $4, now()
       FROM jsonb_to_recordset($5::jsonb)
         AS x(item_id text, question_id text, "numeric" float8, choice text, choices text[], text text, dont_know boolean)
       ON CONFLICT (round_id, item_id, question_id, expert_id) DO UPDATE SET
         "numeric" = EXCLUDED."numeric", choice = EXCLUDED.choice, choices = EXCLUDED.choices, text = EXCLUDED.text, dont_know = EXCLUDED.dont_know,
         status = CASE WHEN EXCLUDED.status = 'SUBMITTED' OR answer.status = 'SUBMITTED' THEN 'SUBMITTED'::"AnswerStatus" ELSE 'DRAFT'::"AnswerStatus" END,
         submitted_at = COALESCE(answer.submitted_at, EXCLUDED.submitted_at),
         revision = answer.revision + CASE
           WHEN (answer."numeric", answer.choice, answer.choices, answer.text, answer.dont_know)
                IS DISTINCT FROM (EXCLUDED."numeric", EXCLUDED.choice, EXCLUDED.choices, EXCLUDED.text, EXCLUDED.dont_know)
           THEN 1 ELSE 0 END,
         updated_at = now()`,
      [roundId, expertId, status, submitted ? new Date() : null, JSON.stringify(records)],
    );
    await client.query("COMMIT");
    return result.rowCount ?? 0;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
