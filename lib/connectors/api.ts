// What the API connectors share: a client bound to the configured host, URL building, and answers
// checked with zod so that a changed or broken API fails with a message naming the connector and page.
import { z } from "zod";
import { invalid } from "@/lib/errors";
import { buildRecord, type RecordDraft } from "@/lib/ingest/build-record";
import type { ReadResult } from "@/lib/ingest/record";
import { ConnectorError } from "./connector-error";
import { createHttpClient, type HttpClient, type HttpResponse } from "./http";
import type { PagesOptions } from "./types";

export const USER_AGENT = "foresight/0.1 (technology foresight platform)";

/** Crossref and OpenAlex route callers who name a contact to their faster "polite" pools. */
export function userAgent(contactEmail: string | undefined): string {
  return contactEmail ? `${USER_AGENT.slice(0, -1)}; mailto:${contactEmail})` : USER_AGENT;
}

export type ApiClientOptions = { label: string; limiterKey: string; minIntervalMs: number; headers?: Record<string, string> };

/** A client that may only reach the host of the configured base URL. */
export function apiClient(options: PagesOptions, api: ApiClientOptions): HttpClient {
  const base = new URL(options.settings.baseUrl);
  const { lookup, ...http } = options.http ?? {};
  return createHttpClient({
    connector: api.label,
    limiterKey: api.limiterKey,
    minIntervalMs: api.minIntervalMs,
    host: { allowedHosts: [base.hostname.replace(/^\[|\]$/g, "").toLowerCase()], publicOnly: false, lookup },
    headers: { "user-agent": userAgent(options.settings.contactEmail), ...api.headers },
    secrets: options.settings.apiKey ? [options.settings.apiKey] : [],
    ...http,
  });
}

/** base + path with the parameters in the given order; undefined values are left out. */
export function endpoint({ base, path }: { base: string; path: string }, params: [string, string | number | undefined][]): URL {
  const url = new URL(base.replace(/\/+$/, "") + path);
  for (const [name, value] of params) if (value !== undefined) url.searchParams.append(name, String(value));
  return url;
}

/** The answer parsed as JSON and checked against the schema, or a ConnectorError saying what is wrong. */
export function parseJson<T extends z.ZodType>(response: HttpResponse, expected: { schema: T; connector: string; page: number }): z.infer<T> {
  const { schema, ...where } = expected;
  let data: unknown;
  try {
    data = JSON.parse(response.body.toString("utf8"));
  } catch (error) {
    throw new ConnectorError({ ...where, url: response.url }, `the answer is not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.length ? issue.path.join(".") : "the answer";
    throw new ConnectorError({ ...where, url: response.url }, `unexpected answer: ${path}: ${issue.message}`);
  }
  return parsed.data;
}

/** Source.config checked against a connector's schema; an AppError a person can act on otherwise. */
export function parseConfig<T extends z.ZodType>(config: unknown, { schema, label }: { schema: T; label: string }): z.infer<T> {
  const parsed = schema.safeParse(config ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid(`${label} settings: ${issue.path.join(".") || "config"}: ${issue.message}`);
}

/** A stored cursor checked against the connector's shape; a cursor from another connector is an error. */
export function parseCursor<T extends z.ZodType>(cursor: unknown, { schema, label }: { schema: T; label: string }): z.infer<T> | null {
  if (cursor === null || cursor === undefined) return null;
  const parsed = schema.safeParse(cursor);
  if (!parsed.success) throw invalid(`${label}: the stored resume point is not one of this connector's`);
  return parsed.data;
}

/** Page size: the configured one, else the default, never more than the run's limit needs. */
export function pageSize(configured: number | undefined, { fallback, limit }: { fallback: number; limit?: number }): number {
  return configured ?? Math.max(1, Math.min(fallback, limit ?? fallback));
}

/**
 * One record of a page: checked on its own, so a single odd item becomes an error result at its
 * position instead of failing the page.
 */
export function recordFrom<T extends z.ZodType>(item: unknown, { schema, position, toDraft }: { schema: T; position: number; toDraft: (value: z.infer<T>) => RecordDraft }): ReadResult {
  const parsed = schema.safeParse(item);
  if (parsed.success) return buildRecord(toDraft(parsed.data), { position });
  const issue = parsed.error.issues[0];
  return { ok: false, position, message: `Record ${position} has an unexpected shape: ${issue.path.join(".") || "record"}: ${issue.message}` };
}
