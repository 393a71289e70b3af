// Sessions, password login and invitation links against the real database.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { db, disconnectDb } from "@/lib/db";
import { viewerFromToken } from "@/lib/auth/session";
import { authOptions } from "@/lib/auth/options";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { acceptInvitation, getInvitationByToken } from "@/lib/auth/accept-invitation";
import { inviteExpert } from "@/lib/delphi/invite-expert";
import { createRound, createStudy, createUser, resetDatabase } from "./helpers";

beforeEach(resetDatabase);
afterAll(disconnectDb);

describe("a session token", () => {
  it("gives the viewer while the token version is current", async () => {
    const user = await createUser({ role: "PLANNER", name: "Pat Planner" });
    expect(await viewerFromToken(user.id, 0)).toEqual({ id: user.id, email: user.email, name: "Pat Planner", role: "PLANNER" });
    expect(await viewerFromToken(user.id, undefined)).toBeNull();
  });

  it("stops working after sign-out bumps the user's token version", async () => {
    const user = await createUser();
    await authOptions.events!.signOut!({ token: { sub: user.id }, session: null as never });
    expect(await viewerFromToken(user.id, 0)).toBeNull();
    expect(await viewerFromToken(user.id, 1)).toMatchObject({ id: user.id });
  });

  it("stops working once the user is disabled", async () => {
    const user = await createUser();
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await viewerFromToken(user.id, 0)).toBeNull();
  });

  it("is null for a user that does not exist", async () => {
    expect(await viewerFromToken("no-such-user", 0)).toBeNull();
  });

  it("shows a role changed in the database on the next call", async () => {
    const user = await createUser({ role: "ADMIN" });
    await db().user.update({ where: { id: user.id }, data: { role: "PLANNER" } });
    expect((await viewerFromToken(user.id, 0))?.role).toBe("PLANNER");
  });
});

describe("passwords", () => {
  it("are hashed with argon2id at the OWASP parameters, salted", async () => {
    const a = await hashPassword("correct horse battery");
    expect(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(await hashPassword("correct horse battery")).not.toBe(a);
  });

  it("verify only the right password, and never against a missing or broken hash", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "correct horse batterY")).toBe(false);
    expect(await verifyPassword(null, "correct horse battery")).toBe(false);
    expect(await verifyPassword("not a hash", "correct horse battery")).toBe(false);
  });

  it("sign in through the password provider unless wrong or disabled", async () => {
    // next-auth keeps a credentials provider's own id and authorize() under `options`.
    type Credentials = { options: { id: string; authorize(c: unknown): Promise<unknown> } };
    const provider = (authOptions.providers as unknown as Credentials[]).find((p) => p.options?.id === "password")!;
    const user = await createUser({ email: "login@example.test", password: "a good password" });
    expect(await provider.options.authorize({ email: "LOGIN@example.test", password: "a good password" })).toEqual({ id: user.id, tokenVersion: 0 });
    expect(await provider.options.authorize({ email: "login@example.test", password: "a bad password" })).toBeNull();
    expect(await provider.options.authorize({ email: "nobody@example.test", password: "a good password" })).toBeNull();
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await provider.options.authorize({ email: "login@example.test", password: "a good password" })).toBeNull();
  });
});

describe("an invitation link", () => {
  async function invite(email = "expert@example.test") {
    const admin = await createUser({ role: "ADMIN" });
    const study = await createStudy({ actorId: admin.id });
    const round = await createRound({ studyId: study.id, status: "DRAFT" });
    const { link, invitationId } = await inviteExpert({ roundId: round.id, email, name: "Eve Expert" }, { actorId: admin.id, baseUrl: "http://localhost:3000/" });
    return { admin, round, link, invitationId, token: link.split("/invite/")[1] };
  }

  it("signs the expert in and sets the password exactly once", async () => {
    const { token } = await invite();
    const user = await acceptInvitation({ token, password: "a long enough password" });
    expect(user).toMatchObject({ email: "expert@example.test", role: "EXPERT" });
    expect(await verifyPassword(user!.passwordHash, "a long enough password")).toBe(true);
    expect(await acceptInvitation({ token, password: "another long password" })).toBeNull();
    const after = await db().user.findUniqueOrThrow({ where: { id: user!.id } });
    expect(await verifyPassword(after.passwordHash, "a long enough password")).toBe(true);
  });

  it("is refused once expired", async () => {
    const { token, invitationId } = await invite();
    await db().invitation.update({ where: { id: invitationId }, data: { tokenExpiresAt: new Date(Date.now() - 1000) } });
    expect(await getInvitationByToken(token)).toBeNull();
    expect(await acceptInvitation({ token, password: "a long enough password" })).toBeNull();
  });

  it("is refused once revoked", async () => {
    const { token, invitationId } = await invite();
    await db().invitation.update({ where: { id: invitationId }, data: { status: "REVOKED" } });
    expect(await getInvitationByToken(token)).toBeNull();
    expect(await acceptInvitation({ token, password: "a long enough password" })).toBeNull();
  });

  it("is refused for a disabled account, which keeps its password and leaves the token unused", async () => {
    const { token, invitationId } = await invite();
    const { userId } = await db().invitation.findUniqueOrThrow({ where: { id: invitationId } });
    await db().user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await acceptInvitation({ token, password: "a long enough password" })).toBeNull();
    expect(await db().invitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ status: "PENDING", acceptedAt: null });
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).passwordHash).toBeNull();
  });

  it("refuses a too-short password as invalid without consuming the token", async () => {
    const { token, invitationId } = await invite();
    await expect(acceptInvitation({ token, password: "short" })).rejects.toMatchObject({ name: "AppError", code: "invalid" });
    expect(await db().invitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ status: "PENDING", acceptedAt: null });
    expect(await acceptInvitation({ token, password: "a long enough password" })).not.toBeNull();
  });

  it("stores only the token's hash, never the token", async () => {
    const { token, invitationId } = await invite();
    const row = await db().invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const [{ hits }] = await db().$queryRaw<{ hits: bigint }[]>`
      SELECT count(*) AS hits FROM invitation i WHERE strpos(row_to_json(i)::text, ${token}) > 0`;
    expect(Number(hits)).toBe(0);
    const [{ audit }] = await db().$queryRaw<{ audit: bigint }[]>`
      SELECT count(*) AS audit FROM audit_log a WHERE strpos(row_to_json(a)::text, ${token}) > 0`;
    expect(Number(audit)).toBe(0);
  });

  it("is not issued for an e-mail that belongs to a planner", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const planner = await createUser({ role: "PLANNER", email: "planner@example.test" });
    const study = await createStudy({ actorId: admin.id });
    const round = await createRound({ studyId: study.id, status: "DRAFT" });
    await expect(inviteExpert({ roundId: round.id, email: "Planner@Example.test" }, { actorId: admin.id, baseUrl: "http://x" })).rejects.toMatchObject({ code: "conflict" });
    expect(await db().invitation.count()).toBe(0);
    expect(await db().outboundEmail.count()).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: planner.id } })).role).toBe("PLANNER");
  });

  it("is sent as one e-mail in the outbox that carries the link", async () => {
    const { link } = await invite("mail@example.test");
    expect(link).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{43}$/);
    const mails = await db().outboundEmail.findMany();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "mail@example.test", kind: "invitation" });
    expect(mails[0].body).toContain(link);
  });
});
