// The authorisation matrix over the running platform: every route handler, server action and page the
// source tree has (discovered, not listed), called over HTTP by anonymous, admin, planner, an invited
// expert and an expert of another study, with real next-auth sessions. Then: object-level checks with
// other experts' ids, forged cross-site requests, the audit trail of every change, and the platform's
// log searched for every secret the run used.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reportFigure } from "./figures";
import { discoverEndpoints, type Endpoint } from "./support/authz/discover";
import { freshDatabase, PLATFORM_TESTS, startAuthzPlatform, type AuthzPlatform, type TestDatabase } from "./support/authz/platform";
import { buildWorld, type World } from "./support/authz/world";
import { Visitor, type HttpResult } from "./support/authz/http-client";
import { actionIds, callEndpoint, type ActionIds } from "./support/authz/call";
import { defaultParams, FIXTURES, form } from "./support/authz/fixtures";
import { describeRecord, fixtureCoverage, isAuthorisedFailure, isServerError, isUnauthorisedSuccess, runMatrix, waitForJobs, type CallRecord } from "./support/authz/matrix";
import { changedTables, fingerprint } from "./support/authz/fingerprint";
import { PERSONAS, type Persona } from "./support/authz/policy";
import { crossObjectCalls, expertRows } from "./support/authz/object-level";
import { pageOutcome } from "./support/authz/outcome";

const pageOutcomeOf = (response: HttpResult) => pageOutcome(response).kind;

const FOREIGN = "http://evil.example";

/** Who the session belongs to (next-auth's session answer without its sliding expiry), "" when signed out. */
async function signedInAs(visitor: Visitor): Promise<string> {
  const session = JSON.parse((await visitor.request("/api/auth/session")).body) as { uid?: string; tv?: number };
  return session.uid ? `${session.uid}:${session.tv}` : "";
}

if (!PLATFORM_TESTS) console.info("Authorisation matrix skipped: it starts the whole platform (npm run test:trust, or AUTHZ_PLATFORM=1)");

describe.runIf(PLATFORM_TESTS)("the authorisation matrix on the running platform", () => {
  let database: TestDatabase;
  let platform: AuthzPlatform | undefined;
  let world: World;
  let endpoints: Endpoint[];
  let actions: ActionIds;
  let visitors: Record<Persona, Visitor>;
  let records: CallRecord[] = [];
  const secrets: string[] = [];

  beforeAll(async () => {
    endpoints = discoverEndpoints();
    const coverage = fixtureCoverage(endpoints);
    if (coverage.missing.length || coverage.stale.length) throw new Error([...coverage.missing, ...coverage.stale].join("\n"));
    database = await freshDatabase("authz_matrix", 54362);
    world = await buildWorld();
    platform = await startAuthzPlatform({ databaseUrl: database.url, dataDir: ".data/trust-authz-matrix" });
    actions = actionIds();
    const accounts = { admin: world.admin, planner: world.planner, invitedExpert: world.experts.A, otherExpert: world.experts.X };
    visitors = { anonymous: new Visitor(platform.baseUrl, "anonymous") } as Record<Persona, Visitor>;
    for (const [persona, account] of Object.entries(accounts)) {
      const visitor = new Visitor(platform.baseUrl, persona);
      await visitor.signIn(account.email, account.password).catch((error: Error) => {
        throw new Error(`${error.message}\n${platform?.output()}`);
      });
      visitors[persona as Persona] = visitor;
    }
    secrets.push(platform.secret, world.invitationToken, ...Object.values(visitors).flatMap((v) => v.secrets));
    records = await runMatrix({ endpoints, world, visitors, actions });
  }, 1_200_000);

  afterAll(async () => {
    await platform?.stop();
    await database?.drop();
  }, 60_000);

  it("knows every server action the build has, and the build knows every discovered action", () => {
    const discovered = new Set(endpoints.filter((e) => e.kind === "action").map((e) => `${e.file}#${e.name}`));
    expect([...actions.keys()].filter((key) => !discovered.has(key)), "actions in the build that discovery missed").toEqual([]);
    expect([...discovered].filter((key) => !actions.has(key)), "discovered actions the build does not have (stale build?)").toEqual([]);
  });

  it("gives no role anything its policy refuses", () => {
    const bad = records.filter(isUnauthorisedSuccess);
    const endpointCount = new Set(records.map((r) => r.endpoint)).size;
    reportFigure("authz-matrix", `authz matrix: ${bad.length} unauthorised successes in ${records.length} calls (${endpointCount} endpoints × ${PERSONAS.length} roles)`);
    expect(bad.map(describeRecord)).toEqual([]);
    expect(records.filter((r) => !r.allowed).length).toBeGreaterThan(100);
  });

  it("lets every role do what its policy allows, without a server error", () => {
    const failed = records.filter((r) => isAuthorisedFailure(r) || isServerError(r));
    reportFigure("authz-allowed", `authz matrix: ${records.filter(isAuthorisedFailure).length} authorised failures in ${records.filter((r) => r.allowed).length} allowed calls`);
    expect(failed.map(describeRecord)).toEqual([]);
  });

  it("records every change to a study, round, theme set, answer or user in the audit log", () => {
    const changing = records.filter((r) => r.allowed && r.changed.length > 0);
    const unaudited = changing.filter((r) => r.unaudited.length > 0);
    reportFigure("audit-coverage", `audit log: ${unaudited.length} unaudited state changes in ${changing.length} state-changing calls`);
    expect(unaudited.map((r) => `${describeRecord(r)} — no audit row for ${r.unaudited.join("; ")}`)).toEqual([]);
    expect(changing.length).toBeGreaterThan(20);
  });

  it("keeps the audit log append-only: every update and delete is refused and changes nothing", async () => {
    const before = await db().auditLog.findMany({ orderBy: { id: "asc" } });
    const [first, last] = [before[0], before[before.length - 1]];
    const attempts: [string, () => Promise<unknown>][] = [
      ["UPDATE of every row", () => db().$executeRawUnsafe(`UPDATE audit_log SET action = 'tampered'`)],
      ["UPDATE of one row's actor", () => db().$executeRaw`UPDATE audit_log SET actor_id = NULL WHERE id = ${last.id}`],
      ["DELETE of every row", () => db().$executeRawUnsafe(`DELETE FROM audit_log`)],
      ["DELETE of the newest row", () => db().$executeRaw`DELETE FROM audit_log WHERE id = ${last.id}`],
      ["Prisma update", () => db().auditLog.update({ where: { id: first.id }, data: { data: { rewritten: true } } })],
      ["Prisma updateMany", () => db().auditLog.updateMany({ data: { entity: "nothing" } })],
      ["Prisma delete", () => db().auditLog.delete({ where: { id: first.id } })],
      ["Prisma deleteMany", () => db().auditLog.deleteMany({ where: { action: "user.login" } })],
    ];
    const accepted: string[] = [];
    for (const [what, attempt] of attempts) {
      const error = await attempt().then(() => null, (e: Error) => e);
      if (!error || !/append-only/.test(error.message)) accepted.push(`${what}: ${error?.message ?? "accepted"}`);
    }
    reportFigure("audit-append-only", `audit log: ${accepted.length} of ${attempts.length} update/delete attempts accepted on ${before.length} rows`);
    expect(accepted).toEqual([]);
    expect(await db().auditLog.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("refuses an expert's calls with another expert's or another study's ids, changing nothing", async () => {
    const expertA = visitors.invitedExpert;
    const calls = await crossObjectCalls(world);
    const failures: string[] = [];
    const othersBefore = await Promise.all([world.experts.B.id, world.experts.C.id, world.experts.X.id].map(expertRows));
    for (const call of calls) {
      const endpoint = endpoints.find((e) => e.id === call.endpoint);
      if (!endpoint) throw new Error(`no endpoint ${call.endpoint}`);
      const before = await fingerprint();
      const { outcome, url } = await callEndpoint({ visitor: expertA, endpoint, prepared: call.prepared, defaults: defaultParams(world), actions });
      const changed = changedTables(before, await fingerprint());
      if (outcome.kind !== "refused" || changed.length) failures.push(`${call.what} (${url}): ${outcome.kind} ${outcome.reason}${changed.length ? `; changed ${changed.map((c) => c.table).join(", ")}` : ""}`);
    }
    const othersAfter = await Promise.all([world.experts.B.id, world.experts.C.id, world.experts.X.id].map(expertRows));
    reportFigure("authz-object-level", `authz object level: ${failures.length} successes in ${calls.length} calls by an expert with other experts' or another study's ids`);
    expect(failures).toEqual([]);
    expect(othersAfter).toEqual(othersBefore);
  });

  it("refuses every state-changing request forged from another origin, changing nothing", async () => {
    const stateChanging = endpoints.filter((e) => (e.kind === "route" && e.method !== "GET" && e.method !== "HEAD") || e.kind === "action");
    const failures: string[] = [];
    for (const endpoint of stateChanging) {
      const fixture = FIXTURES[endpoint.id];
      // The attack rides on the session of someone who may make the change.
      const persona = PERSONAS.find((p) => p !== "anonymous" && fixture.policy.allows(p)) ?? "anonymous";
      const context = { world, persona, visitor: visitors[persona] };
      const prepared = fixture.forged ? await fixture.forged(context) : [(await fixture.prepare?.(context)) ?? {}].flat()[0];
      await waitForJobs();
      const before = await fingerprint();
      const sessionBefore = await signedInAs(visitors[persona]);
      const { outcome, url } = await callEndpoint({ visitor: visitors[persona], endpoint, prepared, defaults: defaultParams(world), actions, origin: FOREIGN });
      await waitForJobs();
      const changed = changedTables(before, await fingerprint());
      const signedOut = sessionBefore !== (await signedInAs(visitors[persona]));
      if (outcome.kind === "success" || changed.length || signedOut) {
        failures.push(`${persona} → ${endpoint.id} (${url}) from ${FOREIGN}: ${outcome.kind} ${outcome.reason}${changed.length ? `; changed ${changed.map((c) => c.table).join(", ")}` : ""}${signedOut ? "; the session changed" : ""}`);
      }
    }
    const routes = stateChanging.filter((e) => e.kind === "route").length;
    reportFigure("csrf", `csrf: ${failures.length} forged cross-origin requests accepted of ${stateChanging.length} (${routes} route handlers, ${stateChanging.length - routes} server actions)`);
    expect(failures).toEqual([]);
  });

  it("refuses a state-changing route request that carries no Origin at all", async () => {
    const endpoint = endpoints.find((e) => e.id === "route PUT /api/studies/[studyId]/imports")!;
    const prepared = [(await FIXTURES[endpoint.id].prepare!({ world, persona: "admin", visitor: visitors.admin })) as object].flat()[0];
    const before = await fingerprint();
    const { outcome } = await callEndpoint({ visitor: visitors.admin, endpoint, prepared, defaults: defaultParams(world), actions, origin: null });
    expect(outcome).toMatchObject({ kind: "refused", reason: "HTTP 403 forbidden" });
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("never writes a password, session token, CSRF token, invitation token or the session secret to the platform's log", async () => {
    const outbox = await db().outboundEmail.findMany({ select: { body: true } });
    const tokens = outbox.flatMap((m) => [...m.body.matchAll(/\/invite\/([\w-]{20,})/g)].map((x) => x[1]));
    const all = [...new Set([...secrets, ...tokens])].filter((s) => s.length >= 8);
    const log = platform!.output();
    const found = all.filter((s) => log.includes(s));
    reportFigure("secrets-in-logs", `secrets in logs: ${found.length} of ${all.length} secrets found in ${log.length} bytes of platform output`);
    expect(found.map((s) => `${s.slice(0, 4)}…`)).toEqual([]);
    expect(all.length).toBeGreaterThan(10);
  });

  it("signs the expert out of every copy of the session on logout, on the next request", async () => {
    const second = new Visitor(platform!.baseUrl, "second");
    await second.signIn(world.experts.B.email, world.experts.B.password);
    const copy = new Visitor(platform!.baseUrl, "copy");
    await copy.signIn(world.experts.B.email, world.experts.B.password);
    expect((await copy.request("/rounds")).status).toBe(200);
    const token = await second.fetchCsrfToken();
    await second.request("/api/auth/signout", { method: "POST", body: new URLSearchParams({ csrfToken: token }), headers: { "content-type": "application/x-www-form-urlencoded" } });
    const after = await copy.request("/rounds");
    expect([after.status, after.location]).toEqual([307, "/login"]);
    const addComment = endpoints.find((e) => e.id === "action app/rounds/[roundId]/answer/actions.ts#addCommentAction")!;
    const { outcome } = await callEndpoint({ visitor: copy, endpoint: addComment, prepared: { args: [world.openRound.id, world.openRound.itemIds[0], null, form({ body: "after logout" })] }, defaults: defaultParams(world), actions });
    expect(outcome).toEqual({ kind: "refused", reason: "Please sign in" });
    expect(await db().auditLog.count({ where: { action: "user.logout", entityId: world.experts.B.id } })).toBe(1);
  });

  it("takes a disabled account and a changed role into account on the next request", async () => {
    const expert = new Visitor(platform!.baseUrl, "expert C");
    await expert.signIn(world.experts.C.email, world.experts.C.password);
    expect((await expert.request("/rounds")).status).toBe(200);
    await db().user.update({ where: { id: world.experts.C.id }, data: { disabledAt: new Date() } });
    expect((await expert.request("/rounds")).location).toBe("/login");

    const planner = new Visitor(platform!.baseUrl, "planner");
    await planner.signIn(world.planner.email, world.planner.password);
    const adminPage = `/rounds/${world.openRound.id}`;
    expect(pageOutcomeOf(await planner.request(adminPage))).toBe("refused");
    await db().user.update({ where: { id: world.planner.id }, data: { role: "ADMIN" } });
    expect(pageOutcomeOf(await planner.request(adminPage))).toBe("success");
    await db().user.update({ where: { id: world.planner.id }, data: { role: "PLANNER" } });
    expect(pageOutcomeOf(await planner.request(adminPage))).toBe("refused");
  });
});
