// `foresight collect SOURCE --query Q --study NAME`: the same collection as a job, run in this process.
// The study and the source (kind + query) are created when missing, so running the command again
// collects the same source again — and continues it, if the last run was interrupted.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/lib/errors";
import { CONNECTORS, SOURCE_KINDS } from "@/lib/connectors/registry";
import { connectorSettings } from "@/lib/connectors/settings";
import type { ConnectorId } from "@/lib/connectors/types";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { findOrCreateStudy } from "@/lib/studies/create-study";
import type { CollectionSummary } from "./finish-collection";
import { runCollection, splitConfig, type RunCollectionOptions } from "./run-collection";
import { setSourceSchedule } from "./schedule-source";

export type CollectSourceOptions = Omit<RunCollectionOptions, "importId"> & {
  connector: ConnectorId;
  query: string;
  studyName: string;
  /** Connector settings stored on the source (filters, fields, page size); kept when omitted. */
  config?: Record<string, unknown>;
  /** A cron schedule to set on the source (null clears it); unchanged when omitted. */
  schedule?: string | null;
};

export async function collectSource(options: CollectSourceOptions): Promise<CollectionSummary & { studyId: string; sourceId: string }> {
  const connector = CONNECTORS[options.connector];
  const query = options.query.trim();
  connector.check(query, splitConfig(options.config).connectorConfig, connectorSettings(connector.id)); // before anything is created
  const study = await findOrCreateStudy(options.studyName, null);
  const source = await findOrCreateSource({ studyId: study.id, connector: options.connector, query, config: options.config });
  if (options.schedule !== undefined) await setSourceSchedule({ sourceId: source.id, schedule: options.schedule, actorId: null });
  const row = await db().import.create({
    data: { studyId: study.id, sourceId: source.id, format: connector.id, status: "RUNNING", startedAt: new Date() },
  });
  await recordAudit({ actorId: null, action: "collection.start", entity: "import", entityId: row.id, studyId: study.id, data: { sourceId: source.id, kind: source.kind, via: "cli" } });
  try {
    const summary = await runCollection({ ...options, importId: row.id });
    return { ...summary, studyId: study.id, sourceId: source.id };
  } catch (error) {
    await db().import.update({ where: { id: row.id }, data: { status: "FAILED", error: (error as Error).message, finishedAt: new Date() } });
    throw error;
  }
}

type SourceInput = { studyId: string; connector: ConnectorId; query: string; config?: Record<string, unknown> };

/** The study's source of this kind and query; created (named "<API>: <query>") when there is none. */
export async function findOrCreateSource(input: SourceInput) {
  const kind = SOURCE_KINDS[input.connector];
  const existing = await db().source.findFirst({ where: { studyId: input.studyId, kind, query: input.query }, orderBy: { createdAt: "asc" } });
  if (existing) {
    if (input.config === undefined) return existing;
    return db().source.update({ where: { id: existing.id }, data: { config: input.config as InputJsonValue } });
  }
  const base = `${CONNECTORS[input.connector].label}: ${input.query}`.slice(0, 190);
  for (let attempt = 1; ; attempt++) {
    const name = attempt === 1 ? base : `${base} (${attempt})`;
    try {
      return await db().source.create({ data: { studyId: input.studyId, kind, name, query: input.query, config: (input.config ?? {}) as InputJsonValue } });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 20) throw error;
    }
  }
}
