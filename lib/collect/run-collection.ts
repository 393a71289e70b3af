// One collection run: page through the source's connector, store each page through storeRecords (the
// same cleaning and deduplication as a file), and save the cursor after every stored page, so a job
// that dies continues with the next page and stores nothing twice.
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { connectorForKind } from "@/lib/connectors/registry";
import { connectorSettings } from "@/lib/connectors/settings";
import type { ConnectorPage, PagesOptions } from "@/lib/connectors/types";
import { prepareRecord } from "@/lib/ingest/prepare-record";
import { storeRecords } from "@/lib/ingest/store-records";
import { claimCollectionState, commitPage, type CollectionState } from "./collection-state";
import { finishCollection, type CollectionSummary } from "./finish-collection";

/** Records one run keeps when neither the run nor the source's config says otherwise. */
export const DEFAULT_LIMIT = 10_000;
const MAX_ERRORS_STORED = 10_000;

export type CollectionProgress = { page: number; records: number; total: number | null };

export type RunCollectionOptions = {
  importId: string;
  /** Most records the collection keeps (default: the source's config.limit, else DEFAULT_LIMIT). */
  limit?: number;
  signal?: AbortSignal;
  onProgress?: (progress: CollectionProgress) => void;
  log?: (line: string) => void;
  /** Connector transport overrides (tests: clock, retry budget, DNS). */
  http?: PagesOptions["http"];
};

type Tally = { state: CollectionState; read: number; rejected: number; errorsStored: number; pages: number };

export async function runCollection(options: RunCollectionOptions): Promise<CollectionSummary> {
  const { importId } = options;
  const row = await db().import.findUniqueOrThrow({ where: { id: importId }, include: { source: true } });
  const source = row.source;
  if (!source) throw invalid("This import has no source to collect from");
  const connector = connectorForKind(source.kind);
  if (!connector) throw invalid(`${source.kind} sources are imported from files, not collected`);
  const settings = connectorSettings(connector.id);
  const { limit: configured, connectorConfig } = splitConfig(source.config);
  connector.check(source.query, connectorConfig, settings);
  const { state, resumed } = await claimCollectionState({ sourceId: source.id, importId, limit: options.limit, defaultLimit: configured ?? DEFAULT_LIMIT });
  // A redelivered job continues its own counts (zero for a new import, also one taking over).
  const errorsStored = await db().importError.count({ where: { importId } });
  const tally: Tally = { state, read: row.recordsRead, rejected: row.recordsRejected, errorsStored, pages: 0 };
  let outcome: CollectionSummary["outcome"] = "limit";
  if (state.records < state.limit) {
    const pages = connector.pages({
      query: source.query,
      config: connectorConfig,
      settings,
      cursor: state.next,
      done: { records: state.records, pages: state.pages },
      limit: state.limit - state.records,
      signal: options.signal,
      http: { log: options.log, ...options.http },
    });
    try {
      outcome = await storePages(pages, { studyId: row.studyId, sourceId: source.id, format: connector.id, tally, onProgress: options.onProgress });
    } catch (error) {
      if (!options.signal?.aborted) throw error;
      const message = `Interrupted after page ${tally.state.pages} (${tally.state.records} records); the next collection of this source continues from there`;
      await db().import.update({ where: { id: importId }, data: { status: "CANCELLED", error: message, finishedAt: new Date() } });
      outcome = "interrupted";
    }
  }
  const { read, rejected, pages } = tally;
  return finishCollection({ importId, sourceId: source.id, source: connector.id, query: source.query, resumed, read, rejected, pages, outcome });
}

type StorePagesContext = { studyId: string; sourceId: string; format: string; tally: Tally; onProgress?: RunCollectionOptions["onProgress"] };

/** Stores page after page, committing the state after each; "limit" when the run has all it may keep. */
async function storePages(pages: AsyncIterable<ConnectorPage>, context: StorePagesContext): Promise<"end" | "limit"> {
  const { tally } = context;
  const importId = tally.state.importId;
  for await (const page of pages) {
    const room = tally.state.limit - tally.state.records;
    const results = page.records.slice(0, room);
    const batch = results.flatMap((r) => (r.ok ? [prepareRecord(context.format, r.position, r.record)] : []));
    const errors = results.flatMap((r) => (r.ok ? [] : [{ importId, record: r.position, line: r.line ?? null, message: r.message }]));
    await storeRecords({ studyId: context.studyId, importId, batch });
    const keep = errors.slice(0, Math.max(0, MAX_ERRORS_STORED - tally.errorsStored));
    tally.read += results.length;
    tally.rejected += errors.length;
    tally.errorsStored += keep.length;
    tally.pages++;
    tally.state = { ...tally.state, next: page.next, records: tally.state.records + results.length, pages: page.page, heartbeat: new Date().toISOString() };
    const cap = Math.min(page.total ?? Infinity, tally.state.limit);
    const progress = Number.isFinite(cap) && cap > 0 ? Math.min(0.99, tally.state.records / cap) : 0;
    await commitPage({ sourceId: context.sourceId, state: tally.state, errors: keep, counters: { recordsRead: tally.read, recordsRejected: tally.rejected, progress } });
    context.onProgress?.({ page: page.page, records: tally.read, total: page.total });
    if (results.length >= room && (page.records.length > room || page.next !== null)) return "limit";
  }
  return "end";
}

/** Source.config holds the collection's `limit` beside the connector's own settings. */
export function splitConfig(config: unknown): { limit: number | undefined; connectorConfig: Record<string, unknown> } {
  if (!config || typeof config !== "object" || Array.isArray(config)) return { limit: undefined, connectorConfig: {} };
  const { limit, ...connectorConfig } = config as Record<string, unknown>;
  return { limit: typeof limit === "number" && Number.isInteger(limit) && limit > 0 ? limit : undefined, connectorConfig };
}
