// The anonymity canary: experts A, B and C answer round 1 with rationales, comment, propose and vote,
// and every identity field (id, name, e-mail, organisation, profile keyword) and every text they write
// carries a unique marker. Then everything expert A can receive from the running platform — pages,
// RSC payloads, JSON, exports, action answers and A's e-mails — is searched for the others' identity
// markers. Their texts may reach A (the panel sees rationales and comments), but never with a name.
// Study S runs with attribution to its admins switched on (lib/delphi/anonymity-settings.ts), the
// setting that puts names beside answers somewhere in the platform: experts and the planner must still
// receive none, while the admin's round page and download do name who said what.
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
import { pageOutcome } from "./support/authz/outcome";
import type { HttpResult } from "./support/authz/http-client";

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
  let adminRound: HttpResult;
  let adminCsv: HttpResult;
  let plannerRound: HttpResult;
  let plannerCsv: HttpResult;

  beforeAll(async () => {
    endpoints = discoverEndpoints();
    const coverage = fixtureCoverage(endpoints);
    if (coverage.missing.length) throw new Error(coverage.missing.join("\n"));
    database = await freshDatabase("authz_canary", 54363);
    world = await buildWorld({ adminAttribution: true });
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
    plannerRound = await planner.request(`/rounds/${world.closedRound.id}`);
    plannerCsv = await planner.request(`/rounds/${world.closedRound.id}/answers-by-expert`);
    const admin = new Visitor(platform.baseUrl, "admin");
    await admin.signIn(world.admin.email, world.admin.password);
    adminPool = (await admin.request("/experts")).body;
    adminRound = await admin.request(`/rounds/${world.closedRound.id}`);
    adminCsv = await admin.request(`/rounds/${world.closedRound.id}/answers-by-expert`);
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

  it("told expert A on the answer page that the admins see who gave which answer, and asked the per-expert download of every round", () => {
    const answerPage = received.find((r) => r.what === `GET /rounds/${world.openRound.id}/answer`);
    expect(answerPage?.body).toContain("The administrators of this study can see who gave which answer and comment in this round.");
    const downloads = received.filter((r) => /^GET \/rounds\/[^/]+\/answers-by-expert$/.test(r.what));
    expect(downloads).toHaveLength(4);
  });

  it("shows the planner no attribution: the admin's round page and the per-expert download refuse them", () => {
    expect(pageOutcome(plannerRound).kind).toBe("refused");
    expect(plannerCsv.status).toBe(403);
    const downloads = plannerReceived.filter((r) => /^GET \/rounds\/[^/]+\/answers-by-expert$/.test(r.what));
    expect(downloads).toHaveLength(4);
  });

  it("puts the names where attribution belongs: the admin's round page and download name who gave which rationale", () => {
    const marker = (owner: string, field: string) => world.markers.find((m) => m.owner === owner && m.field === field)!.value;
    expect(adminRound.status).toBe(200);
    expect(adminCsv.status).toBe(200);
    // The rows of the per-expert tables (the panel list names everyone anyway: participation).
    const rows = adminRound.body.split('data-testid="expert-row"').slice(1).map((row) => row.slice(0, row.indexOf("</tr>")));
    const lines = adminCsv.body.split("\r\n");
    for (const owner of ["A", "B", "C"]) {
      const others = ["A", "B", "C"].filter((o) => o !== owner).map((o) => marker(o, "rationale"));
      // Each expert's name beside their own rationale, on the page and in the download, never beside another's.
      for (const shown of [rows, lines.filter((line) => line.includes(",rationale,"))]) {
        const mine = shown.filter((row) => row.includes(marker(owner, "name")));
        expect(mine.length).toBeGreaterThan(0);
        expect(mine.every((row) => row.includes(marker(owner, "rationale")) && others.every((o) => !row.includes(o)))).toBe(true);
      }
    }
  });

  it("finds the markers where they belong: the admin's expert pool names every expert", () => {
    const fields = ["name", "email", "organisation"];
    // (A's own profile was rewritten when the canary called the profile action as A.)
    const shown = findLeaks([{ what: "GET /experts", body: adminPool }], world.markers, (m) => m.owner !== "A" && fields.includes(m.field));
    const expected = ["B", "C", "X"].flatMap((owner) => fields.map((field) => `${owner}:${field}`));
    expect([...new Set(shown.map((l) => `${l.marker.owner}:${l.marker.field}`))].sort()).toEqual(expected.sort());
  });
});
