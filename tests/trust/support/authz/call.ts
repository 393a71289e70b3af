// Calling one discovered endpoint with one prepared set of arguments, over HTTP, as a visitor.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fillPath, ROOT, urlPathOf, type Endpoint } from "./discover";
import { actionOutcome, pageOutcome, routeOutcome, type Outcome } from "./outcome";
import type { HttpResult, Visitor } from "./http-client";
import type { Prepared } from "./fixtures";

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
export type ActionIds = Map<string, { id: string; page: string }>;

/**
 * Server action ids from the build (`.next/server/server-reference-manifest.json`), by "file#export",
 * each with a page that uses the action (the one its POST goes to, as from the browser).
 */
export function actionIds(root = ROOT): ActionIds {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const ids: ActionIds = new Map();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const workers = Object.keys(entry.workers).filter((w) => w.endsWith("/page") && !w.includes("_not-found"));
    const worker = workers[0] ?? "app/page";
    ids.set(`${entry.filename}#${entry.exportedName}`, { id, page: urlPathOf(path.join(root, `${worker}.tsx`)) });
  }
  return ids;
}

export type CallResult = { response: HttpResult; outcome: Outcome; url: string };

/** Performs the call; `origin` overrides the Origin header (null: none; a foreign one: a forged request). */
export async function callEndpoint(options: {
  visitor: Visitor;
  endpoint: Endpoint;
  prepared: Prepared;
  defaults: Record<string, string>;
  actions: ActionIds;
  origin?: string | null;
}): Promise<CallResult> {
  const { visitor, endpoint, prepared, defaults, actions, origin } = options;
  const params = { ...defaults, ...prepared.params };
  if (endpoint.kind === "page") {
    const url = fillPath(endpoint.path, params) + (prepared.query ?? "");
    const response = await visitor.request(url);
    return { response, outcome: pageOutcome(response), url };
  }
  if (endpoint.kind === "route") {
    const url = fillPath(endpoint.path, params) + (prepared.query ?? "");
    const response = await visitor.request(url, { method: endpoint.method, body: prepared.body, headers: prepared.headers, origin, ...(prepared.body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
    return { response, outcome: routeOutcome(response), url };
  }
  const action = actions.get(`${endpoint.file}#${endpoint.name}`);
  if (!action) throw new Error(`${endpoint.id} is not in the build's server-reference manifest (is the build stale?)`);
  const url = fillPath(action.page, params);
  const response = await visitor.action(action.id, prepared.args ?? [], url, { origin });
  return { response, outcome: actionOutcome(response), url };
}
