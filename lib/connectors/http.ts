// The one fetch layer of every connector, and the only code in the product that reaches the network:
// a shared rate limit per API, retries with exponential back-off and jitter on 429, 5xx, network
// errors and timeouts (honouring Retry-After and announced rate limits), a host allow-list, a size
// cap, and keys scrubbed from every URL that is logged or put in an error.
import type { IncomingHttpHeaders } from "node:http";
import { AppError } from "@/lib/errors";
import type { HostPolicy } from "./address-guard";
import { ConnectorError } from "./connector-error";
import { announcedIntervalMs, rateLimiter, retryAfterMs, systemClock, type Clock } from "./rate-limit";
import { scrubText } from "./scrub";
import { exchange, TimeoutError, TooLargeError } from "./transport";

export type HttpSettings = {
  /** Name used in messages ("OpenAlex"). */
  connector: string;
  /** Limiter shared by every client with this key in the process. */
  limiterKey: string;
  minIntervalMs: number;
  host: HostPolicy;
  headers?: Record<string, string>;
  /** Values scrubbed from messages and logs (API keys). */
  secrets?: string[];
  timeoutMs?: number;
  maxBytes?: number;
  /** Tries per request, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this fails the request instead of sleeping (e.g. a daily quota). */
  maxRetryAfterMs?: number;
  clock?: Clock;
  random?: () => number;
  log?: (line: string) => void;
};

export type HttpRequest = {
  url: URL;
  /** 1-based page of the run, for messages. */
  page?: number;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Non-2xx statuses the caller reads itself (arXiv explains a bad query in an Atom feed with 400). */
  acceptStatus?: (status: number) => boolean;
};

export type HttpResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer; url: string };

export type HttpClient = { request(request: HttpRequest): Promise<HttpResponse>; settings: HttpSettings };

const NETWORK_ERRORS = new Set(["ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN", "Z_BUF_ERROR", "Z_DATA_ERROR"]);

export function createHttpClient(settings: HttpSettings): HttpClient {
  const clock = settings.clock ?? systemClock;
  const random = settings.random ?? Math.random;
  const attempts = settings.attempts ?? 5;
  const secrets = settings.secrets ?? [];
  const limiter = rateLimiter(settings.limiterKey, settings.minIntervalMs);

  const backoff = (attempt: number) => {
    const cap = Math.min(settings.maxDelayMs ?? 60_000, (settings.baseDelayMs ?? 1_000) * 2 ** (attempt - 1));
    return Math.round(cap / 2 + (random() * cap) / 2); // "equal jitter": never zero, never in lockstep
  };

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const shown = scrubText(req.url.toString(), secrets);
    const where = { connector: settings.connector, page: req.page, url: shown };
    for (let attempt = 1; ; attempt++) {
      let problem: string;
      let wait: number;
      await limiter.acquire(clock, req.signal);
      try {
        const response = await exchange(req.url, {
          method: req.method ?? "GET",
          body: req.body,
          headers: { ...settings.headers, ...req.headers },
          policy: settings.host,
          timeoutMs: settings.timeoutMs ?? 30_000,
          maxBytes: settings.maxBytes ?? 32 * 1024 * 1024,
          signal: req.signal,
        });
        const announced = announcedIntervalMs(header(response.headers, "x-rate-limit-limit"), header(response.headers, "x-rate-limit-interval"));
        if (announced !== null) limiter.slowTo(announced, settings.minIntervalMs);
        const { status } = response;
        if ((status >= 200 && status < 300) || req.acceptStatus?.(status)) return { status, headers: response.headers, body: response.body, url: shown };
        const snippet = scrubText(response.body.toString("utf8", 0, 300).replace(/\s+/g, " ").trim(), secrets);
        if (status !== 429 && status < 500) throw new ConnectorError({ ...where, status, secrets }, `HTTP ${status}${snippet ? `: ${snippet}` : ""}`);
        problem = `HTTP ${status}`;
        const asked = retryAfterMs(header(response.headers, "retry-after"), clock.now());
        if (asked !== null && asked > (settings.maxRetryAfterMs ?? 300_000)) {
          throw new ConnectorError({ ...where, status, secrets }, `HTTP ${status}; the API asks to wait ${Math.round(asked / 1000)} s before the next request`);
        }
        wait = asked ?? backoff(attempt);
        if (status === 429) limiter.holdUntil(clock.now() + wait);
      } catch (error) {
        if (req.signal?.aborted) throw req.signal.reason;
        if (error instanceof ConnectorError || error instanceof AppError) throw error;
        if (!isRetryable(error)) throw new ConnectorError({ ...where, secrets }, describe(error));
        problem = describe(error);
        wait = backoff(attempt);
      }
      if (attempt >= attempts) throw new ConnectorError({ ...where, retryable: true, secrets }, `failed after ${attempts} attempts; last: ${problem}`);
      settings.log?.(scrubText(`[${settings.connector}] ${problem} from ${shown}; retrying in ${(wait / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${attempts})`, secrets));
      await clock.sleep(wait, req.signal);
    }
  }

  return { request, settings };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof TooLargeError) return false;
  if (error instanceof TimeoutError) return true;
  const code = (error as { code?: string }).code;
  if (code) return NETWORK_ERRORS.has(code);
  return error instanceof Error && /socket hang up|closed before the answer was complete/.test(error.message);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  if (code === "ENOTFOUND") return `host not found (${(error as { hostname?: string }).hostname ?? "unknown"})`;
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}
