// Closing a round while experts save and submit: every call is taken whole or refused whole with the
// closed-round message; what the statistics count is exactly what was taken. Drafts, first
// submissions and revisions race the close over several rounds.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { closeRound } from "@/lib/delphi/close-round";
import { saveAnswers } from "@/lib/delphi/save-answers";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { createInvitedExpert, createRound, createStudy, createUser, resetDatabase } from "../../integration/helpers";
import { reportFigure, TRUST_FULL } from "../figures";

const ROUNDS = TRUST_FULL ? 6 : 2;
const EXPERTS = TRUST_FULL ? 60 : 30;
const ITEMS = 5;
const SPACING_MS = 40;

let adminId: string;
let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ role: "ADMIN" })).id;
  studyId = (await createStudy({ actorId: adminId })).id;
});
afterAll(disconnectDb);

type Call = { expert: number; submit: boolean; values: number[]; late?: boolean };
type Settled = Call & { ok: boolean; reason?: unknown };

const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One round: each expert, in their own sequence as one browser would, saves a draft, submits, and (one
 * in three) revises; the experts start on a staggered clock and the close lands in the middle of them.
 */
async function raceOneRound(seed: number) {
  const round = await createRound({ studyId, items: ITEMS, minN: 1 });
  const experts: Viewer[] = [];
  for (let i = 0; i < EXPERTS; i++) experts.push(await createInvitedExpert(round.id));
  const values = (e: number, k: number) => Array.from({ length: ITEMS }, (_, j) => ((e * 7 + j * 3 + k + seed) % 5) + 1);
  const run = ({ expert, submit, values }: Call) =>
    saveAnswers(experts[expert], { roundId: round.id, submit, answers: round.items.map((item, j) => ({ itemId: item.id, questionKey: "importance", value: values[j], dontKnow: false })) });
  const settle = (call: Call): Promise<Settled> =>
    run(call).then(
      () => ({ ...call, ok: true }),
      (reason: unknown) => ({ ...call, ok: false, reason }),
    );
  const expertSequence = async (e: number): Promise<Settled[]> => {
    await after(e * SPACING_MS);
    const calls: Call[] = [{ expert: e, submit: false, values: values(e, 0) }, { expert: e, submit: true, values: values(e, 1) }];
    if (e % 3 === 0) calls.push({ expert: e, submit: true, values: values(e, 2) });
    const out: Settled[] = [];
    for (const call of calls) {
      out.push(await settle(call));
      await after(5);
    }
    return out;
  };
  const settled = Promise.all(experts.map((_, e) => expertSequence(e)));
  // A steady stream of saves holds the round's share lock and keeps the close waiting (it may wait for
  // all of them); spaced starts leave gaps in which it can get the lock mid-stream.
  const closed = await after((EXPERTS * SPACING_MS) / 3).then(() => closeRound(round.id, adminId));
  // Half the experts submit once more after the close has committed: these must all be refused.
  const late = experts.map((_, e) => e).filter((e) => e % 2 === 0).map((e) => settle({ expert: e, submit: true, values: values(e, 3), late: true }));
  const results = [...(await settled).flat(), ...(await Promise.all(late))];
  return { round, experts, results, closed };
}

describe("closing a round while experts save and submit", () => {
  it("takes or refuses every call whole and counts exactly what it took", async () => {
    let [accepted, refused, refusedInFlight, halfWritten, statisticsChecked] = [0, 0, 0, 0, 0];
    for (let r = 0; r < ROUNDS; r++) {
      const { round, experts, results, closed } = await raceOneRound(r);
      for (const result of results.filter((x) => !x.ok)) {
        expect(result.reason).toBeInstanceOf(AppError);
        expect(result.reason).toMatchObject({ code: "conflict", message: "This round is closed; answers are no longer accepted" });
      }
      expect(results.filter((x) => x.late && x.ok)).toEqual([]);
      accepted += results.filter((x) => x.ok).length;
      refused += results.filter((x) => !x.ok).length;
      refusedInFlight += results.filter((x) => !x.ok && !x.late).length;

      let submittedExperts = 0;
      for (const [e, expert] of experts.entries()) {
        const taken = results.filter((x) => x.ok && x.expert === e);
        const last = taken.at(-1);
        const stored = await db().answer.findMany({ where: { roundId: round.id, expertId: expert.id }, include: { item: true }, orderBy: { item: { position: "asc" } } });
        const submitted = taken.some((x) => x.submit);
        if (submitted) submittedExperts++;
        // Whole: exactly the last taken call's values on every item, in the status it earned; or nothing.
        const expected = last ? last.values.map((v) => ({ numeric: v, status: submitted ? "SUBMITTED" : "DRAFT" })) : [];
        const actual = stored.map((a) => ({ numeric: a.numeric, status: a.status }));
        if (JSON.stringify(actual) !== JSON.stringify(expected)) halfWritten++;
        expect(actual, `expert ${e} in round ${r + 1}`).toEqual(expected);
      }

      const stats = await db().itemStatistic.findMany({ where: { roundId: round.id, subgroup: "all" } });
      expect(stats).toHaveLength(ITEMS);
      for (const s of stats) expect(s.n).toBe(submittedExperts);
      expect(closed.answers).toBe(ITEMS * submittedExperts);
      expect(await db().answer.count({ where: { roundId: round.id, status: "SUBMITTED" } })).toBe(ITEMS * submittedExperts);
      statisticsChecked += stats.length;

      // After the close, nothing more is taken.
      await expect(saveAnswers(experts[0], { roundId: round.id, answers: [] })).rejects.toMatchObject({ code: "conflict" });
    }
    // Some calls on each side of the close. How many were refused while in flight depends on when the
    // close got its lock, and is reported rather than asserted.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    reportFigure(
      "round-close-race",
      `round close race: ${halfWritten} half-written answers; ${accepted} saves taken and counted, ${refused} refused with the closed-round message ` +
        `(${refusedInFlight} of them issued before the close had committed; ${ROUNDS} rounds, ${EXPERTS} experts, ${statisticsChecked} statistics checked)`,
    );
  });
});
