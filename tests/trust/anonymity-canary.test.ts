// The anonymity canary: experts A, B and C answer round 1 with rationales, comment, propose and vote,
// and every identity field (id, name, e-mail, organisation, profile keyword) and every text they write
// carries a unique marker. Then everything expert A can receive from the running platform — pages,
// RSC payloads, JSON, exports, action answers and A's e-mails — is searched for the others' identity
// markers. Their texts may reach A (the panel sees rationales and comments), but never with a name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { inviteExpert } from "@/lib/delphi/invite-expert";
import { sendDueReminders } from "@/lib/experts/send-reminders";
import { reportFigure } from "./figures";
import { discoverEndpoints, type Endpoint } from "./support/authz/discover";
import { freshDatabase, PLATFORM_TESTS, startAuthzPlatform, type AuthzPlatform, type TestDatabase } from "./support/authz/platform";
import { buildWorld, IDENTITY_FIELDS, TEXT_FIELDS, type World } from "./support/authz/world";
import { Visitor } from "./support/authz/http-client";
import { actionIds, type ActionIds } from "./support/authz/call";
import { collectReceived, findLeaks, type Received } from "./support/authz/canary";
import { fixtureCoverage } from "./support/authz/matrix";

const identity = new Set<string>(IDENTITY_FIELDS);

if (!PLATFORM_TESTS) console.info("Anonymity canary skipped: it starts the whole platform (npm run test:trust, or AUTHZ_PLATFORM=1)");

describe.runIf(PLATFORM_TESTS)("the anonymity canary", () => {
  let database: TestDatabase;
  let platform: AuthzPlatform | undefined;
  let world: World;
  let endpoints: Endpoint[];
  let actions: ActionIds;
  let received: Received[] = [];
  let plannerReceived: Received[] = [];
  let adminPool = "";

  beforeAll(async () => {
    endpoints = discoverEndpoints();
    const coverage = fixtureCoverage(endpoints);
    if (coverage.missing.length) throw new Error(coverage.missing.join("\n"));
    database = await freshDatabase("authz_canary", 54363);
    world = await buildWorld();
    // A's e-mails: an invitation to round 2 and a reminder before its deadline.
    await inviteExpert({ roundId: world.openRound.id, email: world.experts.A.email }, { actorId: world.admin.id, baseUrl: "http://localhost" });
    await db().round.update({ where: { id: world.openRound.id }, data: { deadline: new Date(Date.now() + 24 * 3600 * 1000) } });
    await sendDueReminders({ baseUrl: "http://localhost" });
    platform = await startAuthzPlatform({ databaseUrl: database.url, dataDir: ".data/trust-authz-canary" });
    actions = actionIds();
    const expertA = new Visitor(platform.baseUrl, "expert A");
    await expertA.signIn(world.experts.A.email, world.experts.A.password);
    received = await collectReceived({ visitor: expertA, persona: "invitedExpert", email: world.experts.A.email, world, endpoints, actions });
    const planner = new Visitor(platform.baseUrl, "planner");
    await planner.signIn(world.planner.email, world.planner.password);
    plannerReceived = await collectReceived({ visitor: planner, persona: "planner", email: world.planner.email, world, endpoints, actions });
    const admin = new Visitor(platform.baseUrl, "admin");
    await admin.signIn(world.admin.email, world.admin.password);
    adminPool = (await admin.request("/experts")).body;
  }, 1_200_000);

  afterAll(async () => {
    await platform?.stop();
    await database?.drop();
  }, 60_000);

  it("shows expert A nobody else's identity in anything A can receive", () => {
    const leaks = findLeaks(received, world.markers, (m) => m.owner !== "A" && identity.has(m.field));
    const bytes = received.reduce((n, r) => n + r.body.length, 0);
    reportFigure("anonymity-canary", `anonymity canary: ${leaks.length} leaks in ${received.length} responses (${(bytes / 1024 / 1024).toFixed(1)} MB) received by an expert`);
    expect(leaks.map((l) => `${l.what}: ${l.marker.owner}'s ${l.marker.field}`)).toEqual([]);
  });

  it("shows the planner no expert's identity either: reports, dashboards and exports are anonymous", () => {
    const leaks = findLeaks(plannerReceived, world.markers, (m) => identity.has(m.field));
    reportFigure("anonymity-canary-planner", `anonymity canary: ${leaks.length} leaks in ${plannerReceived.length} responses received by a planner`);
    expect(leaks.map((l) => `${l.what}: ${l.marker.owner}'s ${l.marker.field}`)).toEqual([]);
  });

  it("did reach the places where the others' words are shown, so the search had something to miss", () => {
    const texts = findLeaks(received, world.markers, (m) => m.owner !== "A" && (TEXT_FIELDS as readonly string[]).includes(m.field));
    const shown = new Set(texts.map((t) => `${t.marker.owner}:${t.marker.field}`));
    // Round 2's comment board and the curation board show the others' words, unattributed.
    expect([...shown]).toEqual(expect.arrayContaining(["B:comment", "B:reason", "C:comment", "C:reason"]));
    expect(received.filter((r) => r.body.includes(world.experts.A.name)).length).toBeGreaterThan(0);
    expect(received.filter((r) => r.what.startsWith("e-mail")).length).toBeGreaterThanOrEqual(2);
  });

  it("finds the markers where they belong: the admin's expert pool names every expert", () => {
    const fields = ["name", "email", "organisation"];
    // (A's own profile was rewritten when the canary called the profile action as A.)
    const shown = findLeaks([{ what: "GET /experts", body: adminPool }], world.markers, (m) => m.owner !== "A" && fields.includes(m.field));
    const expected = ["B", "C", "X"].flatMap((owner) => fields.map((field) => `${owner}:${field}`));
    expect([...new Set(shown.map((l) => `${l.marker.owner}:${l.marker.field}`))].sort()).toEqual(expected.sort());
  });
});
