// Delphi integrity: who may answer, what an answer may be, closing under load, statistics, anonymity
// and the append-only audit log.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db";
import { saveAnswers } from "@/lib/delphi/save-answers";
import { closeRound } from "@/lib/delphi/close-round";
import { addComment } from "@/lib/delphi/add-comment";
import { getExpertRound } from "@/lib/delphi/get-expert-round";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { createInvitedExpert, createRound, createStudy, createUser, resetDatabase } from "./helpers";

let adminId: string;
let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ role: "ADMIN" })).id;
  studyId = (await createStudy({ actorId: adminId })).id;
});
afterAll(disconnectDb);

const rate = (itemId: string, value: number | null, dontKnow = false) => ({ itemId, questionKey: "importance", value, dontKnow });

describe("saving answers", () => {
  it("is forbidden to an expert who was not invited", async () => {
    const round = await createRound({ studyId });
    const { password: _, ...outsider } = await createUser({ role: "EXPERT" });
    await expect(saveAnswers(outsider, { roundId: round.id, answers: [rate(round.items[0].id, 3)] })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().answer.count()).toBe(0);
  });

  it("is refused while the round is still a draft", async () => {
    const round = await createRound({ studyId, status: "DRAFT" });
    const expert = await createInvitedExpert(round.id);
    await expect(saveAnswers(expert, { roundId: round.id, answers: [rate(round.items[0].id, 3)] })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/not open/) });
  });

  it.each([[0], [6], [2.5], [null]])("refuses the value %s as invalid and stores nothing", async (value) => {
    const round = await createRound({ studyId, items: 2 });
    const expert = await createInvitedExpert(round.id);
    const answers = [rate(round.items[0].id, 4), rate(round.items[1].id, value)];
    await expect(saveAnswers(expert, { roundId: round.id, answers })).rejects.toMatchObject({ code: "invalid" });
    expect(await db().answer.count()).toBe(0);
  });

  it("stores a don't-know answer without a value", async () => {
    const round = await createRound({ studyId });
    const expert = await createInvitedExpert(round.id);
    await saveAnswers(expert, { roundId: round.id, answers: [rate(round.items[0].id, null, true)] });
    expect(await db().answer.findFirstOrThrow()).toMatchObject({ dontKnow: true, numeric: null, status: "DRAFT" });
  });

  it("keeps one row per answer, revised, and marks it submitted after a draft", async () => {
    const round = await createRound({ studyId });
    const expert = await createInvitedExpert(round.id);
    const itemId = round.items[0].id;
    await saveAnswers(expert, { roundId: round.id, answers: [rate(itemId, 2)] });
    await saveAnswers(expert, { roundId: round.id, answers: [rate(itemId, 4)] });
    expect(await db().answer.findMany()).toEqual([expect.objectContaining({ numeric: 4, revision: 2, status: "DRAFT", submittedAt: null })]);
    await saveAnswers(expert, { roundId: round.id, submit: true, answers: [rate(itemId, 5)] });
    expect(await db().answer.findMany()).toEqual([expect.objectContaining({ numeric: 5, revision: 3, status: "SUBMITTED", submittedAt: expect.any(Date) })]);
    expect((await db().invitation.findFirstOrThrow()).submittedAt).not.toBeNull();
  });
});

describe("closing a round", () => {
  it("takes each concurrent submission whole or refuses it whole, and counts exactly what it took", async () => {
    const round = await createRound({ studyId, items: 3, minN: 1 });
    const experts: Viewer[] = [];
    for (let i = 0; i < 20; i++) experts.push(await createInvitedExpert(round.id));
    const submit = (expert: Viewer, i: number) =>
      saveAnswers(expert, { roundId: round.id, submit: true, answers: round.items.map((item, j) => rate(item.id, ((i + j) % 5) + 1)) });

    // Submissions start 10 ms apart and the close in the middle of them, so some are in flight while it
    // waits for its lock and some arrive while it holds it. (Started all at once, the share locks of the
    // saves keep the close waiting until every one has committed.) Which outcome each gets may vary;
    // that each gets one of the two, whole, may not.
    const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const saves = experts.map((expert, i) => after(i * 10).then(() => submit(expert, i)));
    const close = after(95).then(() => closeRound(round.id, adminId));
    const [closed, ...settled] = await Promise.allSettled([close, ...saves]);
    expect(closed.status).toBe("fulfilled");

    let accepted = 0;
    for (const [i, result] of settled.entries()) {
      const stored = await db().answer.findMany({ where: { roundId: round.id, expertId: experts[i].id } });
      if (result.status === "fulfilled") {
        accepted++;
        expect(stored.map((a) => a.status)).toEqual(["SUBMITTED", "SUBMITTED", "SUBMITTED"]);
      } else {
        expect(result.reason).toBeInstanceOf(AppError);
        expect(result.reason).toMatchObject({ code: "conflict", message: expect.stringMatching(/closed/) });
        expect(stored).toEqual([]);
      }
    }
    const stats = await db().itemStatistic.findMany({ where: { roundId: round.id, subgroup: "all" } });
    expect(stats).toHaveLength(3);
    for (const s of stats) expect(s.n).toBe(accepted);
    expect(await db().answer.count({ where: { roundId: round.id, status: "SUBMITTED" } })).toBe(3 * accepted);
    expect(closed.status === "fulfilled" && closed.value.answers).toBe(3 * accepted);

    await expect(closeRound(round.id, adminId)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already closed/) });
  });

  async function closeWithValues(values: (number | "dontKnow")[], minN: number) {
    const round = await createRound({ studyId, minN });
    for (const value of values) {
      const expert = await createInvitedExpert(round.id);
      const answer = value === "dontKnow" ? rate(round.items[0].id, null, true) : rate(round.items[0].id, value);
      await saveAnswers(expert, { roundId: round.id, submit: true, answers: [answer] });
    }
    await closeRound(round.id, adminId);
    return db().itemStatistic.findFirstOrThrow({ where: { roundId: round.id, subgroup: "all" } });
  }

  it("stores the panel's statistics as computed by hand", async () => {
    const s = await closeWithValues([4, 1, 5, 2, 4], 5);
    // Sorted 1 2 4 4 5; Hyndman–Fan type 7 puts q1, median, q3 on order statistics 2, 3, 4.
    // sd: squared deviations from 3.2 sum to 4.84 + 1.44 + 0.64 + 0.64 + 3.24 = 10.8; 10.8 / 4 = 2.7.
    // Importance index (NISTEP): three answers in 4–5 weigh 100, none at 3, two in 1–2 weigh 0 → 300 / 5.
    expect(s).toMatchObject({ n: 5, dontKnow: 0, median: 4, q1: 2, q3: 4, iqr: 2, agreement: 0.6, importanceIndex: 60, suppressed: false });
    expect(s.mean).toBeCloseTo(3.2, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.7), 12);
    expect(s.cv).toBeCloseTo(Math.sqrt(2.7) / 3.2, 12);
    expect(s.distribution).toEqual({ 1: 1, 2: 1, 3: 0, 4: 2, 5: 1 });
  });

  it("suppresses statistics below the minimum n, not counting don't-know answers", async () => {
    const s = await closeWithValues([4, 1, 5, 2, "dontKnow"], 5);
    expect(s).toMatchObject({ n: 4, dontKnow: 1, suppressed: true });
  });
});

describe("an expert's view of a round", () => {
  it("never identifies another expert, and names comment authors only by pseudonym", async () => {
    const round = await createRound({ studyId, items: 2 });
    const markers = [randomUUID(), randomUUID()];
    const [a, b] = await Promise.all(markers.map((m) => createInvitedExpert(round.id, { name: `Name ${m}`, email: `mail-${m}@example.test` })));
    await addComment(a, { itemId: round.items[0].id, body: "Comment by the first expert" });
    await addComment(b, { itemId: round.items[0].id, body: "Comment by the second expert" });
    await saveAnswers(b, { roundId: round.id, submit: true, answers: [rate(round.items[0].id, 5), rate(round.items[1].id, 4)] });

    for (const [viewer, other, marker] of [[a, b, markers[1]], [b, a, markers[0]]] as const) {
      const view = await getExpertRound(viewer, round.id);
      const json = JSON.stringify(view);
      for (const secret of [other.id, marker, other.email, other.name]) expect(json).not.toContain(secret);
      const authors = Object.fromEntries(view.comments.map((c) => [c.body, c.author]));
      const mine = viewer === a ? "Comment by the first expert" : "Comment by the second expert";
      const theirs = viewer === a ? "Comment by the second expert" : "Comment by the first expert";
      expect(authors[mine]).toBe("You");
      expect(authors[theirs]).toMatch(/^Expert [12]$/);
    }
    expect((await getExpertRound(a, round.id)).answers).toEqual([]);
  });
});

describe("the audit log", () => {
  it("refuses updates and deletes", async () => {
    const before = await db().auditLog.findMany();
    expect(before.length).toBeGreaterThan(0);
    await expect(db().$executeRawUnsafe(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    expect(await db().auditLog.findMany()).toEqual(before);
  });
});
