// Everything one signed-in person can receive, gathered for the anonymity canary: every discovered
// page (as HTML and as the RSC payload the client router fetches) and GET route handler with every
// id of the world that fits its path, the answers to the actions they may call, and the e-mails
// addressed to them. The search then looks for the other experts' markers in all of it.
import { db } from "@/lib/db";
import { fillPath, type Endpoint } from "./discover";
import { callEndpoint, type ActionIds } from "./call";
import { defaultParams, FIXTURES } from "./fixtures";
import type { Persona } from "./policy";
import type { Visitor } from "./http-client";
import type { Marker, World } from "./world";

export type Received = { what: string; body: string };

/** The page as the client router fetches it; Next first redirects to the URL with its `_rsc` cache key. */
async function rscPayload(visitor: Visitor, url: string): Promise<string> {
  const first = await visitor.request(url, { headers: { rsc: "1" } });
  if (first.status < 300 || first.status >= 400 || !first.location || !first.location.includes("_rsc=")) return first.body;
  return (await visitor.request(first.location, { headers: { rsc: "1" } })).body;
}

/** Every value of each path parameter the world has: all rounds, both studies, every expert. */
function parameterValues(world: World): Record<string, string[]> {
  const experts = Object.values(world.experts).map((e) => e.id);
  return {
    studyId: [world.study.id, world.otherStudy.id],
    roundId: [world.closedRound.id, world.openRound.id, world.rankingRound.id, world.otherStudy.roundId],
    userId: experts,
    themeId: world.study.themeIds.slice(0, 3),
    token: [world.invitationToken],
    importId: [world.study.importId],
    reportId: [world.reportId],
    dataset: ["documents", "themes", "theme-years", "items", "statistics", "answers"],
    nextauth: ["session"],
  };
}

/** Every concrete path of a template: the cross product of the values of its parameters. */
export function concretePaths(template: string, values: Record<string, string[]>): { path: string; params: Record<string, string> }[] {
  const names = [...template.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]);
  let combos: Record<string, string>[] = [{}];
  for (const name of names) combos = combos.flatMap((c) => (values[name] ?? []).map((v) => ({ ...c, [name]: v })));
  return combos.map((params) => ({ path: fillPath(template, params), params }));
}

export async function collectReceived(options: { visitor: Visitor; persona: Persona; email: string; world: World; endpoints: Endpoint[]; actions: ActionIds }): Promise<Received[]> {
  const { visitor, persona, world, endpoints, actions } = options;
  const values = parameterValues(world);
  const received: Received[] = [];
  for (const endpoint of endpoints) {
    if (endpoint.kind === "page" || (endpoint.kind === "route" && endpoint.method === "GET")) {
      for (const { path } of concretePaths(endpoint.path, values)) {
        const rounds = endpoint.kind === "route" && path.includes("/exports/") ? [world.closedRound.id, world.openRound.id] : [null];
        for (const round of rounds) {
          const url = round ? `${path}?round=${round}` : path;
          received.push({ what: `GET ${url}`, body: (await visitor.request(url)).body });
          if (endpoint.kind === "page") received.push({ what: `GET ${url} (RSC)`, body: await rscPayload(visitor, url) });
        }
      }
    }
    if (endpoint.kind === "action" && FIXTURES[endpoint.id].policy.allows(persona)) {
      // The answer to an action carries the page it re-renders, seen through the caller's eyes.
      const fixture = FIXTURES[endpoint.id];
      for (const prepared of [(await fixture.prepare?.({ world, persona, visitor })) ?? {}].flat()) {
        const { response, url } = await callEndpoint({ visitor, endpoint, prepared, defaults: defaultParams(world), actions });
        received.push({ what: `${endpoint.id} (${url})`, body: response.body });
      }
    }
  }
  const mail = await db().outboundEmail.findMany({ where: { to: options.email } });
  for (const m of mail) received.push({ what: `e-mail "${m.subject}"`, body: `${m.to}\n${m.subject}\n${m.body}` });
  return received;
}

export type Leak = { what: string; marker: Marker };

/**
 * The watched markers found in what was received. A marker the request itself carried (an id the
 * visitor put in the URL) is not news to them and does not count.
 */
export function findLeaks(received: Received[], markers: Marker[], watched: (m: Marker) => boolean): Leak[] {
  const candidates = markers.filter(watched);
  return received.flatMap((r) => candidates.filter((m) => !r.what.includes(m.value) && r.body.includes(m.value)).map((marker) => ({ what: r.what, marker })));
}
