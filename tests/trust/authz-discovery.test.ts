// The fast half of the authorisation matrix (no platform, part of `npm test`): every endpoint the
// source tree has is discovered and has a fixture and a policy, the policy table keeps the product's
// rules, and the response readers the matrix judges by read real Next.js answers correctly.
import { describe, expect, it } from "vitest";
import { discoverEndpoints, discoverActions, fillPath, urlPathOf } from "./support/authz/discover";
import { fixtureCoverage } from "./support/authz/matrix";
import { FIXTURES } from "./support/authz/fixtures";
import { actionOutcome, pageOutcome, routeOutcome } from "./support/authz/outcome";
import { flightRows, parseActionResponse } from "./support/authz/flight";
import { concretePaths } from "./support/authz/canary";
import type { HttpResult } from "./support/authz/http-client";

const endpoints = discoverEndpoints();

/** What anonymous visitors may use: signing in, invitation links, the health check, the language switch. */
const PUBLIC = [
  "route GET /api/auth/[...nextauth]",
  "route POST /api/auth/[...nextauth]",
  "route GET /api/health",
  "action app/components/language-actions.ts#setLocaleAction",
  "page /login",
  "page /invite/[token]",
];

/** What an expert of another study may use: their own rounds and profile, and what everyone may. */
const OWN_ONLY = ["page /", "page /rounds", "page /experts/me"];

function response(init: Partial<HttpResult> & { body?: string }): HttpResult {
  return { status: 200, location: null, contentType: "text/html", body: "", headers: new Headers(), ...init };
}

describe("endpoint discovery", () => {
  it("finds route handlers, server actions and pages in the source tree", () => {
    const ids = endpoints.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(["route GET /api/health", "route PUT /api/studies/[studyId]/imports", "action app/studies/actions.ts#createStudyAction", "page /login", "page /rounds/[roundId]/answer"]));
    for (const kind of ["route", "action", "page"]) expect(endpoints.filter((e) => e.kind === kind).length).toBeGreaterThan(4);
  });

  it("takes every async export of a \"use server\" module as an action, and nothing from other modules", () => {
    const actions = discoverActions();
    expect(actions.every((a) => a.file.startsWith("app/") || a.file.startsWith("lib/"))).toBe(true);
    expect(actions.map((a) => a.name)).not.toContain("runAction");
    expect(actions.filter((a) => a.file === "app/studies/[studyId]/themes/actions.ts").map((a) => a.name).sort()).toEqual(
      ["acceptAction", "curationSettingsAction", "proposeAction", "rejectAction", "voteAction", "withdrawAction"],
    );
  });

  it("turns file paths into URL paths and fills them", () => {
    expect(urlPathOf("/x/app/api/studies/[studyId]/activity/route.ts".replace("/x", process.cwd()))).toBe("/api/studies/[studyId]/activity");
    expect(fillPath("/api/auth/[...nextauth]", { nextauth: "callback/password" })).toBe("/api/auth/callback/password");
    expect(fillPath("/studies/[studyId]/themes/[themeId]", { studyId: "s 1", themeId: "t" })).toBe("/studies/s%201/themes/t");
    expect(concretePaths("/rounds/[roundId]/x/[userId]", { roundId: ["r1", "r2"], userId: ["u"] }).map((p) => p.path)).toEqual(["/rounds/r1/x/u", "/rounds/r2/x/u"]);
  });
});

describe("the fixture and policy table", () => {
  it("has a fixture for every endpoint and no fixture for an endpoint the app no longer has", () => {
    const { missing, stale } = fixtureCoverage(endpoints);
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
  });

  it("lets anonymous visitors reach nothing but sign-in, invitation links, the health check and the language switch", () => {
    expect(endpoints.filter((e) => FIXTURES[e.id]?.policy.allows("anonymous")).map((e) => e.id).sort()).toEqual([...PUBLIC].sort());
  });

  it("gives an expert of another study nothing of the study under test", () => {
    const allowed = endpoints.filter((e) => FIXTURES[e.id]?.policy.allows("otherExpert")).map((e) => e.id);
    expect(allowed.filter((id) => !PUBLIC.includes(id) && !OWN_ONLY.includes(id))).toEqual([]);
  });

  it("lets the planner read but change nothing but their own watch list and alerts, and start back-tests", () => {
    const changes = endpoints.filter((e) => (e.kind === "action" || (e.kind === "route" && e.method !== "GET")) && FIXTURES[e.id]?.policy.allows("planner")).map((e) => e.id);
    expect(changes.sort()).toEqual([
      "action app/components/language-actions.ts#setLocaleAction",
      "action app/studies/[studyId]/alert-actions.ts#setAlertStatusAction",
      "action app/studies/[studyId]/alert-actions.ts#watchStudyAction",
      "action app/studies/[studyId]/backtest/actions.ts#startBacktestAction",
      "route POST /api/auth/[...nextauth]",
    ]);
  });
});

describe("reading what the platform answered", () => {
  it("takes a redirect to sign-in or to the denied notice as a refusal, and any other redirect as success", () => {
    expect(pageOutcome(response({ status: 307, location: "/login" })).kind).toBe("refused");
    expect(pageOutcome(response({ status: 307, location: "/?denied=1" })).kind).toBe("refused");
    expect(pageOutcome(response({ status: 307, location: "/studies" })).kind).toBe("success");
    expect(routeOutcome(response({ status: 302, location: "http://localhost:3000/api/auth/signout?csrf=true" })).kind).toBe("refused");
  });

  it("sees a redirect or not-found that arrived inside a streamed page", () => {
    const streamed = '<meta id="__next-page-redirect" http-equiv="refresh" content="1;url=/login"/>…"digest":"NEXT_REDIRECT;replace;/login;307;"';
    expect(pageOutcome(response({ body: streamed }))).toEqual({ kind: "refused", reason: "redirect /login" });
    expect(pageOutcome(response({ body: '"digest":"NEXT_HTTP_ERROR_FALLBACK;404"' }))).toEqual({ kind: "refused", reason: "not found" });
    expect(pageOutcome(response({ body: "<h1>Studies</h1>" })).kind).toBe("success");
  });

  it("reads a server action's result from its Flight answer", () => {
    const refused = parseActionResponse(response({ contentType: "text/x-component", body: '0:{"a":"$@1","q":"","i":false,"b":"x"}\n1:{"ok":false,"error":"Please sign in"}\n' }));
    expect(actionOutcome(refused)).toEqual({ kind: "refused", reason: "Please sign in" });
    const ok = parseActionResponse(response({ contentType: "text/x-component", body: '2:"$Sreact.fragment"\n0:{"a":"$@1","b":"x"}\n1:{"ok":true,"data":"$$dollar"}\n' }));
    expect(ok.value).toEqual({ ok: true, data: "$dollar" });
    const thrown = parseActionResponse(response({ status: 500, contentType: "text/x-component", body: '0:{"a":"$@1","b":"x"}\n1:E{"digest":"1895378995"}\n' }));
    expect(actionOutcome(thrown)).toEqual({ kind: "refused", reason: 'threw {"digest":"1895378995"}' });
    const headers = new Headers({ "x-action-redirect": "/studies/abc;push" });
    expect(actionOutcome(parseActionResponse(response({ headers, contentType: "text/x-component" })))).toEqual({ kind: "success", reason: "redirect /studies/abc" });
  });

  it("splits Flight rows, counting a text row's length in bytes", () => {
    const text = "Zürich 专家";
    const rows = flightRows(`1:T${Buffer.byteLength(text).toString(16)},${text}2:{"a":1}\n`);
    expect(rows.get("1")).toBe(`T${text}`);
    expect(rows.get("2")).toBe('{"a":1}');
  });
});
