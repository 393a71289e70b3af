// The benchmark's waves of answers and the checks that read back what was stored. A wave is the whole
// panel at once (every expert in flight together); each expert's own saves follow one another, as one
// person's clicks do.
import pg from "pg";
import { db } from "@/lib/db";
import { closeRound } from "@/lib/delphi/close-round";
import { expertWriteRefusal } from "@/lib/delphi/round-guard";
import type { BenchExpert, BenchRound } from "./seed";
import { postAnswers, type ActionOutcome, type Session } from "./http";
import { answersOf, importanceOf } from "./plan";
import { directSave, type DirectAnswer } from "./direct";

export type Timed = { requests: number; answers: number; seconds: number; latencies: number[]; errors: string[] };
type HttpWave = { baseUrl: string; actionId: string; sessions: Session[]; round: BenchRound };
type Check = { pass: boolean; lines: string[] };

const CLOSED_MESSAGE = expertWriteRefusal({ status: "CLOSED", deadline: null }, "answers") as string;

function tally(outcomes: ActionOutcome[], seconds: number): Timed {
  return {
    requests: outcomes.length,
    answers: outcomes.reduce((sum, o) => sum + (o.ok ? o.saved : 0), 0),
    seconds,
    latencies: outcomes.map((o) => o.ms),
    errors: outcomes.flatMap((o) => (o.ok ? [] : [o.error])),
  };
}

/** Every expert: a draft of the first half of the items, the submission of all, a revision of all. */
export async function answerWave({ baseUrl, actionId, sessions, round }: HttpWave): Promise<Timed> {
  const half = round.itemIds.slice(0, Math.ceil(round.itemIds.length / 2));
  const started = performance.now();
  const perExpert = await Promise.all(
    sessions.map(async (session, e) => {
      const post = (itemIds: string[], revision: number, submit: boolean) => postAnswers({ baseUrl, actionId, roundId: round.id, session, fields: answersOf(e, itemIds, revision), submit });
      return [await post(half, 0, false), await post(round.itemIds, 0, true), await post(round.itemIds, 1, true)];
    }),
  );
  return tally(perExpert.flat(), (performance.now() - started) / 1000);
}

/**
 * Every expert submits once, expert e arriving `e × spacingMs` after the start; the round is closed (as
 * the admin's button does) as soon as `closeAfter` submissions are committed. The trigger watches the
 * database, not the responses: a response comes back well after its write commits (the action
 * re-renders the page). The arrivals are spread because PostgreSQL lets a new FOR SHARE locker pass a
 * waiting FOR UPDATE while only share locks are held: under one unbroken burst the close simply waits
 * for the whole burst, and nothing is left to refuse.
 */
export async function closeDuringWave({ baseUrl, actionId, sessions, round, adminId, closeAfter, spacingMs }: HttpWave & { adminId: string; closeAfter: number; spacingMs: number }) {
  let returned = 0;
  let inFlightAtClose = 0;
  let secondsToClose = 0;
  let committedAtClose = 0;
  let done = false;
  const started = performance.now();
  const closing = (async () => {
    while (!done) {
      committedAtClose = await db().invitation.count({ where: { roundId: round.id, submittedAt: { not: null } } });
      if (committedAtClose >= closeAfter) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    inFlightAtClose = sessions.length - returned;
    const asked = performance.now();
    await closeRound(round.id, adminId);
    secondsToClose = (performance.now() - asked) / 1000;
  })();
  const outcomes = await Promise.all(
    sessions.map(async (session, e) => {
      await new Promise((r) => setTimeout(r, e * spacingMs));
      const outcome = await postAnswers({ baseUrl, actionId, roundId: round.id, session, fields: answersOf(e, round.itemIds, 0), submit: true });
      returned++;
      return outcome;
    }),
  );
  done = true;
  await closing;
  const timed = tally(outcomes, (performance.now() - started) / 1000);
  const accepted = outcomes.flatMap((o, e) => (o.ok ? [e] : []));
  const refused = outcomes.flatMap((o, e) => (!o.ok && o.error === CLOSED_MESSAGE ? [e] : []));
  const failed = timed.errors.filter((error) => error !== CLOSED_MESSAGE);
  return { ...timed, errors: failed, accepted, refused, inFlightAtClose, committedAtClose, secondsToClose };
}

/** The same three saves per expert as wave 1, straight into PostgreSQL. */
export async function directWave(options: { databaseUrl: string; round: BenchRound; panel: BenchExpert[]; connections: number }): Promise<Timed> {
  const { round, panel } = options;
  const questions = await db().question.findMany({ where: { roundId: round.id }, select: { id: true, key: true } });
  const questionId = new Map(questions.map((q) => [q.key, q.id]));
  const toDirect = (e: number, itemIds: string[], revision: number): DirectAnswer[] =>
    answersOf(e, itemIds, revision).map((a) => ({ itemId: a.itemId, questionId: questionId.get(a.questionKey) as string, numeric: a.kind === "SCALE" ? Number(a.value) : null, choice: a.kind === "CHOICE" ? a.value : null }));
  const half = round.itemIds.slice(0, Math.ceil(round.itemIds.length / 2));
  const connections = new pg.Pool({ connectionString: options.databaseUrl, max: options.connections });
  const started = performance.now();
  const outcomes = await Promise.all(
    panel.map(async (expert, e) => {
      const save = async (itemIds: string[], revision: number, submitted: boolean): Promise<ActionOutcome> => {
        const t = performance.now();
        const client = await connections.connect();
        try {
          const saved = await directSave(client, { roundId: round.id, expertId: expert.id, answers: toDirect(e, itemIds, revision), submitted });
          return { ok: true, saved, ms: performance.now() - t };
        } catch (error) {
          return { ok: false, error: (error as Error).message, status: 0, ms: performance.now() - t };
        } finally {
          client.release();
        }
      };
      return [await save(half, 0, false), await save(round.itemIds, 0, true), await save(round.itemIds, 1, true)];
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await connections.end();
  return tally(outcomes.flat(), seconds);
}

/** After wave 1 (or the peer): one submitted row per expert, item and question, holding the last value sent. */
export async function checkWave({ round, panel }: { round: BenchRound; panel: BenchExpert[] }): Promise<Check> {
  const expected = panel.length * round.itemIds.length * 3;
  const [counts] = await db().$queryRaw<{ rows: bigint; submitted: bigint; distinct_keys: bigint }[]>`
    SELECT count(*) AS rows, count(*) FILTER (WHERE status = 'SUBMITTED') AS submitted,
           count(DISTINCT (expert_id, item_id, question_id)) AS distinct_keys
    FROM answer WHERE round_id = ${round.id}`;
  const importance = await db().answer.findMany({ where: { roundId: round.id, question: { key: "importance" } }, select: { expertId: true, itemId: true, numeric: true, revision: true } });
  const expertIndex = new Map(panel.map((p, i) => [p.id, i]));
  const itemIndex = new Map(round.itemIds.map((id, i) => [id, i]));
  const wrong = importance.filter((a) => a.numeric !== importanceOf(expertIndex.get(a.expertId) as number, itemIndex.get(a.itemId) as number, 1)).length;
  const revisions = new Set(importance.map((a) => a.revision));
  const rows = Number(counts.rows);
  const pass = rows === expected && Number(counts.submitted) === expected && Number(counts.distinct_keys) === rows && wrong === 0 && importance.length === panel.length * round.itemIds.length;
  return {
    pass,
    lines: [
      `count check: expected ${expected.toLocaleString("en")} answers, stored ${rows.toLocaleString("en")} (${Number(counts.submitted).toLocaleString("en")} SUBMITTED), distinct (expert, item, question) ${Number(counts.distinct_keys).toLocaleString("en")} — ${rows === expected && Number(counts.distinct_keys) === rows ? "nothing lost, nothing twice" : "MISMATCH"}`,
      `values: ${importance.length.toLocaleString("en")} importance answers, ${wrong} differ from the revision last sent; revision numbers stored: ${[...revisions].sort().join(", ")}`,
    ],
  };
}

/** After wave 2: each expert's submission is wholly in the closed round's statistics or wholly refused. */
export async function checkClosedRound({ round, panel, wave }: { round: BenchRound; panel: BenchExpert[]; wave: Awaited<ReturnType<typeof closeDuringWave>> }): Promise<Check> {
  const perExpert = round.itemIds.length * 3;
  const stored = await db().answer.groupBy({ by: ["expertId"], where: { roundId: round.id }, _count: { _all: true } });
  const storedBy = new Map(stored.map((s) => [s.expertId, s._count._all]));
  const acceptedIds = new Set(wave.accepted.map((e) => panel[e].id));
  const whole = stored.every((s) => s._count._all === perExpert);
  const acceptedStored = wave.accepted.every((e) => storedBy.get(panel[e].id) === perExpert);
  const refusedAbsent = wave.refused.every((e) => !storedBy.has(panel[e].id));
  const strangers = stored.filter((s) => !acceptedIds.has(s.expertId)).length;
  const roundRow = await db().round.findUniqueOrThrow({ where: { id: round.id }, select: { status: true, closedAt: true } });
  const late = await db().answer.count({ where: { roundId: round.id, updatedAt: { gt: roundRow.closedAt ?? new Date(0) } } });
  const stats = await db().itemStatistic.findMany({ where: { roundId: round.id, subgroup: "all" }, select: { n: true, dontKnow: true } });
  const nWrong = stats.filter((s) => s.n + s.dontKnow !== wave.accepted.length).length;
  const everyone = wave.accepted.length + wave.refused.length === panel.length && wave.errors.length === 0;
  const pass = roundRow.status === "CLOSED" && everyone && whole && acceptedStored && refusedAbsent && strangers === 0 && late === 0 && stats.length === round.itemIds.length * 3 && nWrong === 0;
  return {
    pass,
    lines: [
      `close asked when ${wave.committedAtClose} submissions had committed and ${wave.inFlightAtClose} experts had no answer yet; it took ${wave.secondsToClose.toFixed(2)} s: ${wave.accepted.length} accepted + ${wave.refused.length} refused ("${CLOSED_MESSAGE}") + ${wave.errors.length} other = ${panel.length}`,
      `stored: ${stored.length} experts with answers, each with all ${perExpert} (${whole ? "none half-written" : "HALF-WRITTEN"}); refused experts with rows: ${wave.refused.filter((e) => storedBy.has(panel[e].id)).length}; rows written after the close: ${late}`,
      `statistics: ${stats.length} ItemStatistic rows (items × questions), ${stats.length - nWrong} with n = ${wave.accepted.length} accepted submissions, ${nWrong} differ`,
    ],
  };
}
