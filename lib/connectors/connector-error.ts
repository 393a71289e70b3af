// A public API failed us: a clear message naming the connector and the page, with keys already
// scrubbed. Not an AppError, because an outage or a bad answer may pass, so the job is retried.
import { scrubText } from "./scrub";

export type ConnectorErrorDetails = {
  connector: string;
  /** 1-based page of this run, when the failure belongs to one. */
  page?: number;
  /** The request URL, scrubbed. */
  url?: string;
  status?: number;
  /** Whether trying the same request again may succeed (network errors, 429, 5xx, timeouts). */
  retryable?: boolean;
  /** Values scrubbed from the message (API keys). */
  secrets?: readonly string[];
};

export class ConnectorError extends Error {
  readonly connector: string;
  readonly page?: number;
  readonly url?: string;
  readonly status?: number;
  readonly retryable: boolean;

  constructor(details: ConnectorErrorDetails, problem: string) {
    const secrets = details.secrets ?? [];
    const where = details.page ? ` page ${details.page}` : "";
    const url = details.url ? ` (${scrubText(details.url, secrets)})` : "";
    super(scrubText(`${details.connector}${where}${url}: ${problem}`, secrets));
    this.name = "ConnectorError";
    this.connector = details.connector;
    this.page = details.page;
    this.url = details.url === undefined ? undefined : scrubText(details.url, secrets);
    this.status = details.status;
    this.retryable = details.retryable ?? false;
  }
}
