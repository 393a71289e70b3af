// Attribution for admins (issue 5: "admins see participation, not attribution, unless the study is
// configured otherwise"): the setting's updater (who may switch it, the open-round rule, the audit
// row) and what the admin's round view carries with it off and on, searched for planted names.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db";
import { openRound } from "@/lib/delphi/open-round";
import { closeRound } from "@/lib/delphi/close-round";
import { saveAnswers } from "@/lib/delphi/save-answers";
import { addComment } from "@/lib/delphi/add-comment";
import { moderateComment } from "@/lib/delphi/moderate-comment";
import { getAdminRound } from "@/lib/delphi/get-admin-round";
import { getExpertRound } from "@/lib/delphi/get-expert-round";
import { getAttributedAnswers } from "@/lib/delphi/get-attributed-answers";
import { getRoundAttribution } from "@/lib/delphi/get-round-attribution";
import { attributedAnswersCsv } from "@/lib/delphi/attributed-answers-csv";
import { OpenRoundsError, updateAnonymitySettings } from "@/lib/delphi/update-anonymity-settings";
import { anonymitySettingsOf } from "@/lib/delphi/anonymity-settings";
import { ATTRIBUTION_NOTICE, inviteExpert } from "@/lib/delphi/invite-expert";
import type { Viewer } from "@/lib/auth/permissions";
import { createInvitedExpert, createRound, createStudy, createUser, resetDatabase } from "./helpers";

let admin: Viewer;
let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  const { password: _, ...user } = await createUser({ role: "ADMIN", name: "Ada Admin" });
  admin = user;
  studyId = (await createStudy({ actorId: admin.id })).id;
});
afterAll(disconnectDb);

const storedSettings = async () => (await db().study.findUniqueOrThrow({ where: { id: studyId }, select: { settings: true } })).settings as Record<string, unknown>;
const auditRows = () => db().auditLog.findMany({ where: { action: "study.anonymity_settings" }, orderBy: { id: "asc" } });
const rate = (itemId: string, value: number | null, dontKnow = false) => ({ itemId, questionKey: "importance", value, dontKnow });

/** An expert whose name and e-mail carry a unique marker, invited to the round. */
async function plantedExpert(roundId: string, first: string): Promise<Viewer & { marker: string }> {
  const marker = `planted-${first.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  const expert = await createInvitedExpert(roundId, { name: `${first} ${marker}`, email: `${marker}@example.test` });
  return { ...expert, marker };
}

/** Round of two items, opened through the domain (so it has its opening time), with three planted experts. */
async function answeredRound() {
  const draft = await createRound({ studyId, items: 2, minN: 1, status: "DRAFT" });
  const [alice, bob, carol] = [await plantedExpert(draft.id, "Alice"), await plantedExpert(draft.id, "Bob"), await plantedExpert(draft.id, "Carol")];
  await openRound(draft.id, admin.id);
  const [item1, item2] = draft.items.map((i) => i.id);
  await saveAnswers(bob, { roundId: draft.id, submit: true, answers: [rate(item1, 5), rate(item2, 4)] });
  await saveAnswers(alice, { roundId: draft.id, submit: true, answers: [rate(item1, 2), rate(item2, null, true)] });
  // Carol keeps a draft: not submitted, not shown.
  await saveAnswers(carol, { roundId: draft.id, answers: [rate(item1, 1)] });
  await addComment(bob, { itemId: item2, body: "Bob's view on item 2" });
  await addComment(carol, { itemId: item1, body: "Carol doubts item 1" });
  return { roundId: draft.id, item1, item2, alice, bob, carol };
}

describe("switching attribution", () => {
  it("is refused to planners and experts, changing nothing", async () => {
    const { password: _p, ...planner } = await createUser({ role: "PLANNER" });
    const { password: _e, ...expert } = await createUser({ role: "EXPERT" });
    for (const viewer of [planner, expert]) {
      await expect(updateAnonymitySettings(viewer, studyId, { adminAttribution: true })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await storedSettings()).toEqual({});
    expect(await auditRows()).toEqual([]);
  });

  it("lets the admin switch it on, keeps the other settings, and records old and new value in the audit log", async () => {
    await db().study.update({ where: { id: studyId }, data: { settings: { curation: { autoAccept: null }, alerts: { emergingScoreMin: 2, weakSignal: null } } } });
    const now = new Date("2026-04-02T08:30:00.000Z");
    const result = await updateAnonymitySettings(admin, studyId, { adminAttribution: "true" }, now);
    const on = { adminAttribution: true, attributedSince: "2026-04-02T08:30:00.000Z" };
    expect(result).toEqual({ settings: on, previous: { adminAttribution: false, attributedSince: null }, changed: true });
    expect(await storedSettings()).toEqual({ curation: { autoAccept: null }, alerts: { emergingScoreMin: 2, weakSignal: null }, anonymity: on });
    const [row] = await auditRows();
    expect(row).toMatchObject({ actorId: admin.id, entity: "study", entityId: studyId, studyId, data: { previous: { adminAttribution: false, attributedSince: null }, settings: on } });
    expect(await auditRows()).toHaveLength(1);
  });

  it("refuses to switch it on while a round is open, naming the round, and changes nothing", async () => {
    const round = await createRound({ studyId, status: "DRAFT" });
    await openRound(round.id, admin.id);
    const error = await updateAnonymitySettings(admin, studyId, { adminAttribution: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenRoundsError);
    expect(error).toMatchObject({ code: "conflict", rounds: [1], message: "Attribution can be switched on only while no round of the study is open; close round 1 first" });
    expect(anonymitySettingsOf(await storedSettings())).toEqual({ adminAttribution: false, attributedSince: null });
    expect(await auditRows()).toEqual([]);
  });

  it("allows it on once the round is closed, and off at any time, even while a round is open", async () => {
    const first = await createRound({ studyId, status: "DRAFT" });
    await openRound(first.id, admin.id);
    await closeRound(first.id, admin.id);
    await updateAnonymitySettings(admin, studyId, { adminAttribution: true }, new Date("2026-04-02T09:00:00.000Z"));
    const second = await createRound({ studyId, status: "DRAFT" });
    await openRound(second.id, admin.id);
    const off = await updateAnonymitySettings(admin, studyId, { adminAttribution: "false" });
    expect(off).toMatchObject({ changed: true, settings: { adminAttribution: false, attributedSince: null } });
    expect((await auditRows()).map((r) => r.data)).toEqual([
      { previous: { adminAttribution: false, attributedSince: null }, settings: { adminAttribution: true, attributedSince: "2026-04-02T09:00:00.000Z" } },
      { previous: { adminAttribution: true, attributedSince: "2026-04-02T09:00:00.000Z" }, settings: { adminAttribution: false, attributedSince: null } },
    ]);
  });

  it("keeps the first switch-on time when asked to switch on again, without a new audit row", async () => {
    await updateAnonymitySettings(admin, studyId, { adminAttribution: true }, new Date("2026-04-02T09:00:00.000Z"));
    const again = await updateAnonymitySettings(admin, studyId, { adminAttribution: true }, new Date("2026-05-01T00:00:00.000Z"));
    expect(again).toMatchObject({ changed: false, settings: { adminAttribution: true, attributedSince: "2026-04-02T09:00:00.000Z" } });
    expect(await auditRows()).toHaveLength(1);
  });

  it("refuses input that is not on or off, and an unknown study", async () => {
    await expect(updateAnonymitySettings(admin, studyId, { adminAttribution: "yes" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(updateAnonymitySettings(admin, studyId, {})).rejects.toMatchObject({ name: "ZodError" });
    await expect(updateAnonymitySettings(admin, "no-such-study", { adminAttribution: true })).rejects.toMatchObject({ code: "not_found" });
    expect(await auditRows()).toEqual([]);
  });

  it("waits for a round being opened at the same moment and then refuses, instead of reading it as a draft", async () => {
    const round = await createRound({ studyId, status: "DRAFT" });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let updated!: () => void;
    const roundUpdated = new Promise<void>((resolve) => (updated = resolve));
    const opening = db().$transaction(async (tx) => {
      await tx.round.update({ where: { id: round.id }, data: { status: "OPEN", openedAt: new Date() } });
      updated();
      await gate;
    }, { timeout: 20_000 });
    await roundUpdated;
    const switching = updateAnonymitySettings(admin, studyId, { adminAttribution: true }).then(() => "switched on", (e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await opening;
    expect(await switching).toBe("Attribution can be switched on only while no round of the study is open; close round 1 first");
  });
});

describe("the invitation e-mail", () => {
  const invitationBody = async (roundId: string, email: string) => {
    await inviteExpert({ roundId, email, name: "" }, { actorId: admin.id, baseUrl: "http://foresight.test" });
    return (await db().outboundEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } })).body;
  };

  it("tells the expert when the round's answers will carry their name for the admins, and only then", async () => {
    const round = await createRound({ studyId, items: 1, status: "DRAFT" });
    expect(await invitationBody(round.id, "before@example.test")).not.toContain(ATTRIBUTION_NOTICE);
    await updateAnonymitySettings(admin, studyId, { adminAttribution: true });
    expect(await invitationBody(round.id, "after@example.test")).toContain(ATTRIBUTION_NOTICE);
    await openRound(round.id, admin.id); // opened after the switch: covered
    expect(await invitationBody(round.id, "open@example.test")).toContain(ATTRIBUTION_NOTICE);
    await updateAnonymitySettings(admin, studyId, { adminAttribution: false }); // off at any time
    expect(await invitationBody(round.id, "off@example.test")).not.toContain(ATTRIBUTION_NOTICE);
  });
});

describe("the admin's round view", () => {
  it("with attribution off carries no expert's name, e-mail or id beside answers or comments, and nothing per expert", async () => {
    const { roundId, alice, bob, carol } = await answeredRound();
    await closeRound(roundId, admin.id);
    const round = await getAdminRound(roundId);
    const whole = JSON.stringify(round);
    const { invitations, ...withoutParticipation } = round;
    const rest = JSON.stringify(withoutParticipation);
    for (const expert of [alice, bob, carol]) {
      expect(whole).not.toContain(expert.id);
      expect(rest).not.toContain(expert.marker);
      // Participation stays: the panel list names everyone invited (the control that the markers are findable).
      expect(JSON.stringify(invitations)).toContain(expert.marker);
    }
    expect(invitations.every((i) => Object.keys(i).sort().join() === "id,sentAt,status,submittedAt,user")).toBe(true);
    expect(round.attribution).toEqual({ study: false, round: false });
    expect(round.items.map((i) => i.byExpert)).toEqual([null, null]);
    // The comment board is still there, by pseudonym.
    expect(round.items[0].comments).toEqual([expect.objectContaining({ author: expect.stringMatching(/^Expert \d$/), body: "Carol doubts item 1" })]);
    expect(await getAttributedAnswers(roundId)).toBeNull();
    expect(await attributedAnswersCsv(roundId)).toBeNull();
  });

  it("with attribution on attaches each expert's submitted answers and comments, under their name, to the right item", async () => {
    await updateAnonymitySettings(admin, studyId, { adminAttribution: true });
    const { roundId, item1, item2, alice, bob, carol } = await answeredRound();
    const hidden = await db().comment.findFirstOrThrow({ where: { authorId: carol.id } });
    await moderateComment({ commentId: hidden.id, status: "HIDDEN" }, admin.id);
    const today = new Date().toISOString().slice(0, 10);
    const answer = (value: number | null, dontKnow = false) => expect.objectContaining({ questionKey: "importance", value, dontKnow, status: "SUBMITTED", revision: 1 });
    const round = await getAdminRound(roundId);
    expect(round.attribution).toEqual({ study: true, round: true });
    const [first, second] = round.items;
    expect([first.id, second.id]).toEqual([item1, item2]);
    expect(first.byExpert).toEqual([
      { name: alice.name, email: alice.email, answers: [answer(2)], place: null, comments: [] },
      { name: bob.name, email: bob.email, answers: [answer(5)], place: null, comments: [] },
      // Carol's draft is not shown; her (hidden) comment is, with its status.
      { name: carol.name, email: carol.email, answers: [], place: null, comments: [{ body: "Carol doubts item 1", status: "HIDDEN", date: today }] },
    ]);
    expect(second.byExpert).toEqual([
      { name: alice.name, email: alice.email, answers: [answer(null, true)], place: null, comments: [] },
      { name: bob.name, email: bob.email, answers: [answer(4)], place: null, comments: [{ body: "Bob's view on item 2", status: "VISIBLE", date: today }] },
    ]);
    // Still no user id in what the page receives.
    for (const expert of [alice, bob, carol]) expect(JSON.stringify(round)).not.toContain(expert.id);
  });

  it("writes the per-expert CSV with exactly the submitted answers and the comments", async () => {
    await updateAnonymitySettings(admin, studyId, { adminAttribution: true });
    const { roundId, alice, bob, carol } = await answeredRound();
    const date = (await db().comment.findFirstOrThrow({ where: { authorId: bob.id } })).createdAt.toISOString().slice(0, 10);
    const carolDate = (await db().comment.findFirstOrThrow({ where: { authorId: carol.id } })).createdAt.toISOString().slice(0, 10);
    const table = await attributedAnswersCsv(roundId);
    expect(table?.fileName).toBe("round-1-answers-by-expert.csv");
    expect(table?.csv).toBe(
      [
        "expert,email,item,item_title,question,value,choice,choices,text,dont_know,revision,comment_status,date",
        `${alice.name},${alice.email},1,Item 1,importance,2,,,,false,1,,`,
        `${alice.name},${alice.email},2,Item 2,importance,,,,,true,1,,`,
        `${bob.name},${bob.email},1,Item 1,importance,5,,,,false,1,,`,
        `${bob.name},${bob.email},2,Item 2,importance,4,,,,false,1,,`,
        `${bob.name},${bob.email},2,Item 2,comment,,,,Bob's view on item 2,false,,VISIBLE,${date}`,
        `${carol.name},${carol.email},1,Item 1,comment,,,,Carol doubts item 1,false,,VISIBLE,${carolDate}`,
        "",
      ].join("\r\n"),
    );
  });

  it("keeps a round opened before the switch anonymous, and every round once it is switched off", async () => {
    const before = await answeredRound();
    await closeRound(before.roundId, admin.id);
    await updateAnonymitySettings(admin, studyId, { adminAttribution: true });
    expect(await getRoundAttribution(before.roundId)).toEqual({ study: true, round: false });
    expect((await getAdminRound(before.roundId)).items.map((i) => i.byExpert)).toEqual([null, null]);
    expect(await getAttributedAnswers(before.roundId)).toBeNull();

    const after = await createRound({ studyId, status: "DRAFT" });
    const expert = await createInvitedExpert(after.id, { name: "Dora Later" });
    await openRound(after.id, admin.id);
    await saveAnswers(expert, { roundId: after.id, submit: true, answers: [rate(after.items[0].id, 3)] });
    expect((await getAdminRound(after.id)).items[0].byExpert?.map((e) => e.name)).toEqual(["Dora Later"]);

    await updateAnonymitySettings(admin, studyId, { adminAttribution: false });
    expect(await getRoundAttribution(after.id)).toEqual({ study: false, round: false });
    expect((await getAdminRound(after.id)).items[0].byExpert).toBeNull();
  });

  it("never shows an expert the others' identities, with attribution on", async () => {
    await updateAnonymitySettings(admin, studyId, { adminAttribution: true });
    const { roundId, alice, bob, carol } = await answeredRound();
    const seen = JSON.stringify(await getExpertRound(alice, roundId));
    expect(seen).toContain("Bob's view on item 2");
    for (const other of [bob, carol]) {
      expect(seen).not.toContain(other.marker);
      expect(seen).not.toContain(other.id);
    }
  });
});
