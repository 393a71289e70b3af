// The expert pool against a real PostgreSQL: profiles, suggestions for a study's themes, invitations
// by e-mail (a local SMTP server) or to the outbox, reminders sent once, and response tracking.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { Job } from "bullmq";
import { db, disconnectDb } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import type { Viewer } from "@/lib/auth/permissions";
import { inviteExpert } from "@/lib/delphi/invite-expert";
import { acceptInvitation } from "@/lib/auth/accept-invitation";
import { addExpert } from "@/lib/experts/add-expert";
import { updateExpertProfile } from "@/lib/experts/update-expert-profile";
import { getExpertPool } from "@/lib/experts/get-expert-pool";
import { suggestExperts } from "@/lib/experts/suggest-experts";
import { sendDueReminders } from "@/lib/experts/send-reminders";
import { getResponseTracking } from "@/lib/experts/response-tracking";
import { closeMailTransport } from "@/lib/mail/transport";
import { handleJob } from "@/workers/handlers";
import { createRound, createStudy, createUser, resetDatabase } from "./helpers";

let admin: Viewer;
let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  const { password: _p, ...a } = await createUser({ role: "ADMIN" });
  admin = a;
  studyId = (await createStudy({ actorId: admin.id })).id;
});
afterEach(() => {
  delete process.env.SMTP_URL;
  resetEnv();
  closeMailTransport();
});
afterAll(disconnectDb);

const withoutPassword = async (options: Parameters<typeof createUser>[0]) => {
  const { password: _p, ...user } = await createUser(options);
  return user;
};

describe("expert profiles", () => {
  it("are edited by the admin and by the expert, never by another expert or a planner", async () => {
    const eve = await addExpert(admin, { email: "Eve@Example.test", name: "Eve", sector: "INDUSTRY", keywords: "batteries; fuel cells" });
    expect(eve.email).toBe("eve@example.test");
    const viewer = { id: eve.id, email: eve.email, name: eve.name, role: "EXPERT" as const };
    await updateExpertProfile(admin, eve.id, { organisation: "CATL", sector: "INDUSTRY", country: "cn", fields: "Energy storage, Electrochemistry", keywords: "solid-state batteries，sodium-ion" });
    await updateExpertProfile(viewer, eve.id, { name: "Eve Li", sector: "INDUSTRY", country: "CN", organisation: "CATL", fields: ["Energy storage"], keywords: ["solid-state batteries", "sodium-ion", "solid-state batteries"] });
    const [pooled] = await getExpertPool(admin);
    expect(pooled).toMatchObject({ name: "Eve Li", profile: { organisation: "CATL", sector: "INDUSTRY", country: "CN", fields: ["Energy storage"], keywords: ["solid-state batteries", "sodium-ion"] } });

    const other = await withoutPassword({ role: "EXPERT" });
    const planner = await withoutPassword({ role: "PLANNER" });
    await expect(updateExpertProfile(other, eve.id, { keywords: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateExpertProfile(planner, eve.id, { keywords: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateExpertProfile(admin, eve.id, { country: "China" })).rejects.toThrow(/two-letter country code/);
    await expect(addExpert(admin, { email: "eve@example.test", name: "Again" })).rejects.toMatchObject({ code: "conflict" });
    await expect(getExpertPool(planner)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().auditLog.count({ where: { action: "expert_profile.update", entityId: pooled.profile!.id } })).toBe(2);
  });
});

describe("suggestions", () => {
  it("rank first the expert whose keywords match a theme's top terms, and say why", async () => {
    const set = await db().themeSet.create({ data: { studyId, version: 1, origin: "MACHINE" } });
    const terms = (list: string[]) => list.map((term, i) => ({ term, weight: 0.1 / (i + 1) }));
    await db().theme.create({ data: { themeSetId: set.id, index: 0, label: "battery", topTerms: terms(["battery", "solid_state", "electrolyte", "energy", "storage"]) } });
    await db().theme.create({ data: { themeSetId: set.id, index: 1, label: "quantum", topTerms: terms(["quantum", "qubit", "entanglement"]) } });
    await addExpert(admin, { email: "bob@example.test", name: "Bob", fields: "Energy storage", keywords: "graphene" });
    await addExpert(admin, { email: "alice@example.test", name: "Alice", keywords: "solid-state batteries, polymer electrolytes" });
    await addExpert(admin, { email: "carol@example.test", name: "Carol", keywords: "quantum computing, qubits" });

    const result = await suggestExperts(admin, studyId);
    const [battery, quantum] = result.themes;
    expect(battery.suggestions.map((s) => s.name)).toEqual(["Alice", "Bob"]);
    expect(battery.suggestions[0].reasons.map((r) => [r.term, r.via, r.entry])).toEqual([
      ["battery", "keyword", "solid-state batteries"],
      ["solid_state", "keyword", "solid-state batteries"],
      ["electrolyte", "keyword", "polymer electrolytes"],
    ]);
    expect(battery.suggestions[1].reasons.map((r) => [r.term, r.via])).toEqual([["energy", "field"], ["storage", "field"]]);
    expect(battery.suggestions[0].score).toBeGreaterThan(battery.suggestions[1].score);
    expect(quantum.suggestions.map((s) => s.name)).toEqual(["Carol"]);
    await expect(suggestExperts(await withoutPassword({ role: "EXPERT" }), studyId)).rejects.toMatchObject({ code: "forbidden" });
  });
});

/** A local SMTP server that keeps what it receives. */
async function startSmtp() {
  const received: { to: string[]; text: string }[] = [];
  const server = new SMTPServer({
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        // Quoted-printable soft line breaks and escapes, so links can be read back whole.
        const text = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("invitations", () => {
  it("are sent by SMTP when it is configured, with a link that signs the expert in", async () => {
    const smtp = await startSmtp();
    try {
      process.env.SMTP_URL = smtp.url;
      resetEnv();
      const round = await createRound({ studyId, status: "DRAFT" });
      const result = await inviteExpert({ roundId: round.id, email: "eve@example.test", name: "Eve" }, { actorId: admin.id, baseUrl: "http://foresight.test" });
      expect(result.emailed).toBe(true);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to).toEqual(["eve@example.test"]);
      expect(smtp.received[0].text).toContain(result.link);
      const token = result.link.split("/invite/")[1];
      expect(await acceptInvitation({ token, password: "a long enough password" })).toMatchObject({ email: "eve@example.test" });
      const row = await db().outboundEmail.findFirstOrThrow();
      expect(row.sentAt).not.toBeNull();
      expect(row.error).toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it("wait in the outbox when SMTP is not configured", async () => {
    const round = await createRound({ studyId, status: "DRAFT" });
    const result = await inviteExpert({ roundId: round.id, email: "finn@example.test" }, { actorId: admin.id, baseUrl: "http://foresight.test" });
    expect(result.emailed).toBe(false);
    const row = await db().outboundEmail.findFirstOrThrow();
    expect(row).toMatchObject({ to: "finn@example.test", kind: "invitation", sentAt: null, error: null });
    expect(row.body).toContain(result.link);
  });

  it("keep a failed send's error in the outbox", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnv();
    const round = await createRound({ studyId, status: "DRAFT" });
    const result = await inviteExpert({ roundId: round.id, email: "gus@example.test" }, { actorId: admin.id, baseUrl: "http://foresight.test" });
    expect(result.emailed).toBe(false);
    expect((await db().outboundEmail.findFirstOrThrow()).error).toMatch(/^Not sent: /);
  });
});

describe("reminders", () => {
  const now = new Date("2030-03-01T12:00:00Z");
  const hours = (h: number) => new Date(now.getTime() + h * 3600_000);

  it("go once to invited experts who have not submitted when the deadline is near", async () => {
    const round = await createRound({ studyId });
    await db().round.update({ where: { id: round.id }, data: { deadline: hours(24) } });
    const later = await createRound({ studyId });
    await db().round.update({ where: { id: later.id }, data: { deadline: hours(24 * 10) } });
    const invite = (roundId: string, email: string) => inviteExpert({ roundId, email }, { actorId: admin.id, baseUrl: "http://foresight.test" });

    const pending = await invite(round.id, "pending@example.test");
    await invite(round.id, "accepted@example.test");
    await invite(round.id, "submitted@example.test");
    await invite(round.id, "revoked@example.test");
    await invite(later.id, "later@example.test");
    await db().invitation.updateMany({ where: { roundId: round.id, user: { email: "accepted@example.test" } }, data: { status: "ACCEPTED", tokenHash: null } });
    await db().invitation.updateMany({ where: { roundId: round.id, user: { email: "submitted@example.test" } }, data: { status: "ACCEPTED", submittedAt: now } });
    await db().invitation.updateMany({ where: { roundId: round.id, user: { email: "revoked@example.test" } }, data: { status: "REVOKED" } });

    const first = await sendDueReminders({ now, baseUrl: "http://foresight.test" });
    expect(first).toMatchObject({ reminded: 2, sent: 0, kept: 2 });
    const reminders = await db().outboundEmail.findMany({ where: { kind: "reminder" }, orderBy: { to: "asc" } });
    expect(reminders.map((r) => r.to)).toEqual(["accepted@example.test", "pending@example.test"]);
    expect(reminders[0].body).toContain(`http://foresight.test/rounds/${round.id}/answer`);
    expect(reminders[0].subject).toContain("closes 2030-03-02 12:00 UTC");

    // The pending expert's reminder carries a fresh link that works; the invitation's first one no longer does.
    const fresh = reminders[1].body.match(/\/invite\/([\w-]+)/)![1];
    expect(await acceptInvitation({ token: pending.link.split("/invite/")[1], password: "a long enough password" })).toBeNull();
    expect(await acceptInvitation({ token: fresh, password: "a long enough password" })).toMatchObject({ email: "pending@example.test" });

    expect(await sendDueReminders({ now: hours(1) })).toMatchObject({ reminded: 0 });
    expect(await db().outboundEmail.count({ where: { kind: "reminder" } })).toBe(2);
    expect(await db().auditLog.count({ where: { action: "invitation.remind" } })).toBe(2);
  });

  it("run from the worker's scheduled job", async () => {
    const round = await createRound({ studyId });
    await db().round.update({ where: { id: round.id }, data: { deadline: new Date(Date.now() + 3600_000) } });
    await inviteExpert({ roundId: round.id, email: "eve@example.test" }, { actorId: admin.id, baseUrl: "http://foresight.test" });
    const job = { name: "experts.remind", data: { id: "all" }, attemptsMade: 0, opts: { attempts: 1 } } as unknown as Job;
    await handleJob(job);
    await handleJob(job);
    expect(await db().outboundEmail.count({ where: { kind: "reminder", to: "eve@example.test" } })).toBe(1);
    expect(await db().invitation.findFirstOrThrow()).toMatchObject({ remindedAt: expect.any(Date) });
  });
});

describe("response tracking", () => {
  it("counts invited, opened, reminded and submitted per round and sector, never naming anyone", async () => {
    const round = await createRound({ studyId });
    const second = await createRound({ studyId, status: "DRAFT" });
    const expert = async (sector: "ACADEMIA" | "INDUSTRY" | "GOVERNMENT", email: string) =>
      addExpert(admin, { email, name: email.split("@")[0], sector });
    const a = await expert("ACADEMIA", "a@example.test");
    const b = await expert("INDUSTRY", "b@example.test");
    const c = await expert("INDUSTRY", "c@example.test");
    const d = await expert("GOVERNMENT", "d@example.test");
    await db().invitation.createMany({
      data: [
        { roundId: round.id, userId: a.id, status: "ACCEPTED", acceptedAt: new Date(), submittedAt: new Date() },
        { roundId: round.id, userId: b.id, status: "ACCEPTED", acceptedAt: new Date(), remindedAt: new Date() },
        { roundId: round.id, userId: c.id, status: "PENDING" },
        { roundId: round.id, userId: d.id, status: "REVOKED" },
        { roundId: second.id, userId: a.id, status: "PENDING" },
      ],
    });
    // c never used the link but signed in with a password and saved a draft: opened.
    const question = await db().question.findFirstOrThrow({ where: { roundId: round.id } });
    await db().answer.create({ data: { roundId: round.id, itemId: round.items[0].id, questionId: question.id, expertId: c.id, numeric: 3 } });

    const [first, next] = await getResponseTracking(admin, studyId);
    expect(first.total).toEqual({ invited: 3, opened: 3, reminded: 1, submitted: 1 });
    expect(first.bySector).toEqual({
      ACADEMIA: { invited: 1, opened: 1, reminded: 0, submitted: 1 },
      INDUSTRY: { invited: 2, opened: 2, reminded: 1, submitted: 0 },
      GOVERNMENT: { invited: 0, opened: 0, reminded: 0, submitted: 0 },
      OTHER: { invited: 0, opened: 0, reminded: 0, submitted: 0 },
    });
    expect(next.total).toEqual({ invited: 1, opened: 0, reminded: 0, submitted: 0 });
    const json = JSON.stringify([first, next]);
    for (const e of [a, b, c, d]) expect(json).not.toContain(e.id);
    await expect(getResponseTracking(await withoutPassword({ role: "PLANNER" }), studyId)).rejects.toMatchObject({ code: "forbidden" });
  });
});
