// What every connector is: an async generator of pages that can start again from a stored cursor.
import type { ReadResult } from "@/lib/ingest/record";
import type { LookupFunction } from "./address-guard";
import type { HttpSettings } from "./http";

export type ConnectorId = "openalex" | "arxiv" | "crossref" | "patentsview" | "semantic-scholar" | "rss";

/** Where a connector reaches its API and who we are to it; from the environment (settings.ts) or a test. */
export type ConnectorSettings = {
  baseUrl: string;
  apiKey?: string;
  contactEmail?: string;
  /** Hosts a user-supplied URL may name although they resolve to private addresses. */
  privateHostsAllowed?: string[];
};

export type ConnectorPage = {
  /** Built with buildRecord, positions continuing across pages and runs. */
  records: ReadResult[];
  /** Where the next page starts (JSON, stored on the source); null after the last page. */
  next: unknown | null;
  /** Hits the API reports for the query, when it does. */
  total: number | null;
  /** 1-based page number within the collection. */
  page: number;
};

export type PagesOptions = {
  query: string;
  /** Source.config, validated by the connector. */
  config: unknown;
  settings: ConnectorSettings;
  /** A `next` from an earlier page: resume there. Null or undefined starts at the first page. */
  cursor?: unknown;
  /** Records and pages already read by this collection, so positions and page numbers continue. */
  done?: { records: number; pages: number };
  /** Most records the run will keep; lets a connector ask for smaller pages. */
  limit?: number;
  signal?: AbortSignal;
  /** Clock, retry budget, logger and DNS overrides (tests; the CLI's logger). */
  http?: Partial<Omit<HttpSettings, "connector" | "limiterKey" | "host">> & { lookup?: LookupFunction };
};

export type Connector = {
  id: ConnectorId;
  /** Name in messages ("OpenAlex"). */
  label: string;
  /** Throws AppError("invalid") for a query or config the API cannot take, before anything is fetched. */
  check(query: string, config: unknown, settings: ConnectorSettings): void;
  pages(options: PagesOptions): AsyncGenerator<ConnectorPage>;
};
