// The authorisation matrix: every discovered endpoint called by every persona with valid arguments.
// Refused personas go first, each call between two fingerprints of the whole database, so a call that
// changes anything counts as a success whatever it answered; allowed personas follow, each call
// checked for success and for an audit row behind every change to an audited table.
import { db } from "@/lib/db";
import { PERSONAS, type Persona } from "./policy";
import { changedTables, fingerprint } from "./fingerprint";
import { callEndpoint, type ActionIds } from "./call";
import { defaultParams, FIXTURES, type Context, type Prepared } from "./fixtures";
import type { Endpoint } from "./discover";
import type { Visitor } from "./http-client";
import type { Outcome } from "./outcome";
import type { World } from "./world";

export type CallRecord = {
  endpoint: string;
  persona: Persona;
  variant?: string;
  allowed: boolean;
  url: string;
  outcome: Outcome;
  /** Tables whose rows changed during the call (and the jobs it started). */
  changed: { table: string; delta: number }[];
  /** Markers of data the persona must not see, found in the response. */
  leaked: string[];
  /** Audited tables that changed without an audit row for their entity. */
  unaudited: string[];
  /** The audit rows written during the call: "action entity by actor". */
  audited: string[];
  bytes: number;
};

/**
 * Audited entities (lib/audit.ts: study, round, theme set, answer, user) by the tables that hold them,
 * and the audit-log entities that may record a change to them.
 */
export const AUDITED: Record<string, { tables: string[]; entities: string[] }> = {
  study: { tables: ["study", "consensus_rule", "study_watcher"], entities: ["study"] },
  round: { tables: ["round", "item", "question", "invitation"], entities: ["round", "item", "invitation"] },
  "theme set": { tables: ["theme_set", "theme", "curation_proposal", "proposal_vote"], entities: ["theme_set", "curation_proposal"] },
  answer: { tables: ["answer", "ranking", "comment"], entities: ["round", "comment"] },
  user: { tables: ["user", "expert_profile"], entities: ["user", "expert_profile"] },
};

export type Matrix = { records: CallRecord[]; missingFixtures: string[]; staleFixtures: string[] };

/** Waits until no import, scan, report or back-test is queued or running, so a job's changes belong to the call that started it. */
export async function waitForJobs(timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const busy = { status: { in: ["QUEUED" as const, "RUNNING" as const] } };
  for (;;) {
    const [imports, scans, reports, backtests] = await Promise.all([db().import.count({ where: busy }), db().scan.count({ where: busy }), db().report.count({ where: busy }), db().backtestRun.count({ where: busy })]);
    if (imports + scans + reports + backtests === 0) return;
    if (Date.now() > deadline) throw new Error(`${imports} imports, ${scans} scans, ${reports} reports and ${backtests} back-tests still unfinished after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function fixtureCoverage(endpoints: Endpoint[]): { missing: string[]; stale: string[] } {
  const ids = new Set(endpoints.map((e) => e.id));
  return {
    missing: endpoints.filter((e) => !FIXTURES[e.id]).map((e) => `no fixture for ${e.id} (${e.file})`),
    stale: Object.keys(FIXTURES).filter((id) => !ids.has(id)).map((id) => `fixture for ${id}, which the app no longer has`),
  };
}

async function preparedCalls(endpoint: Endpoint, context: Context): Promise<Prepared[]> {
  const prepared = (await FIXTURES[endpoint.id].prepare?.(context)) ?? {};
  return [prepared].flat();
}

/** What a persona who may not see study S (or the other experts) must never receive. */
export function forbiddenMarkers(world: World, persona: Persona): string[] {
  if (persona !== "anonymous" && persona !== "otherExpert") return [];
  const identities = world.markers.filter((m) => m.owner !== "X" && m.field !== "id").map((m) => m.value);
  return [world.study.name, ...identities];
}

async function auditMaxId(): Promise<bigint> {
  const [row] = await db().$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM audit_log`;
  return row.max ?? 0n;
}

async function auditRowsSince(id: bigint) {
  return db().auditLog.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" }, select: { action: true, entity: true, actorId: true } });
}

/** Audited families changed during a call that got no audit row of theirs. */
function unauditedChanges(changed: { table: string }[], rows: { entity: string }[]): string[] {
  const tables = new Set(changed.map((c) => c.table));
  const families = Object.entries(AUDITED).filter(([, f]) => f.tables.some((t) => tables.has(t)));
  const entities = new Set(rows.map((r) => r.entity));
  return families.filter(([, f]) => !f.entities.some((e) => entities.has(e))).map(([name, f]) => `${name} (${f.tables.filter((t) => tables.has(t)).join(", ")})`);
}

export async function runMatrix(options: { endpoints: Endpoint[]; world: World; visitors: Record<Persona, Visitor>; actions: ActionIds; log?: (line: string) => void }): Promise<CallRecord[]> {
  const { endpoints, world, visitors, actions } = options;
  const defaults = defaultParams(world);
  const records: CallRecord[] = [];
  for (const phase of ["refused", "allowed"] as const) {
    for (const endpoint of endpoints) {
      const fixture = FIXTURES[endpoint.id];
      for (const persona of PERSONAS) {
        const allowed = fixture.policy.allows(persona);
        if ((phase === "allowed") !== allowed) continue;
        const context = { world, persona, visitor: visitors[persona] };
        for (const prepared of await preparedCalls(endpoint, context)) {
          await waitForJobs();
          const before = await fingerprint();
          const auditBefore = await auditMaxId();
          const { response, outcome, url } = await callEndpoint({ visitor: visitors[persona], endpoint, prepared, defaults, actions });
          await waitForJobs();
          const changed = changedTables(before, await fingerprint());
          const leaked = forbiddenMarkers(world, persona).filter((m) => response.body.includes(m));
          const auditRows = await auditRowsSince(auditBefore);
          const unaudited = allowed ? unauditedChanges(changed, auditRows) : [];
          const audited = auditRows.map((a) => `${a.action} ${a.entity} by ${a.actorId ?? "the system"}`);
          records.push({ endpoint: endpoint.id, persona, variant: prepared.variant, allowed, url, outcome, changed, leaked, unaudited, audited, bytes: response.body.length });
          options.log?.(`${allowed ? "allow" : "deny "} ${persona.padEnd(13)} ${outcome.kind.padEnd(8)} ${endpoint.id}${prepared.variant ? ` [${prepared.variant}]` : ""} — ${outcome.reason}`);
        }
      }
    }
  }
  return records;
}

export const isUnauthorisedSuccess = (r: CallRecord) => !r.allowed && (r.outcome.kind === "success" || r.changed.length > 0 || r.leaked.length > 0);
export const isAuthorisedFailure = (r: CallRecord) => r.allowed && r.outcome.kind !== "success";
export const isServerError = (r: CallRecord) => r.outcome.kind === "error";

export function describeRecord(r: CallRecord): string {
  const extra = [
    r.changed.length ? `changed ${r.changed.map((c) => `${c.table}${c.delta ? ` (${c.delta > 0 ? "+" : ""}${c.delta})` : ""}`).join(", ")}` : "",
    r.audited.length ? `audit log: ${r.audited.join(", ")}` : "",
    r.leaked.length ? `leaked ${r.leaked.join(", ")}` : "",
  ].filter(Boolean);
  return `${r.persona} → ${r.endpoint}${r.variant ? ` [${r.variant}]` : ""} (${r.url}): ${r.outcome.kind}, ${r.outcome.reason}${extra.length ? `; ${extra.join("; ")}` : ""}`;
}
