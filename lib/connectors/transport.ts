// One HTTP exchange on node:http(s): the host policy is applied to every hop and inside DNS, the body
// is capped (after decompression, so a small gzip bomb cannot fill memory), and a timer bounds the whole
// exchange. Retries and rate limits live one level up, in http.ts.
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import { pipeline } from "node:stream";
import zlib from "node:zlib";
import { assertUrlAllowed, guardedLookup, type HostPolicy } from "./address-guard";

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer; url: URL };

export type ExchangeOptions = {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  policy: HostPolicy;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
};

const MAX_REDIRECTS = 5;

/** Raised for a body over the cap: retrying would only fetch it again. */
export class TooLargeError extends Error {}
/** Raised when the whole exchange took longer than its timeout. */
export class TimeoutError extends Error {}

export async function exchange(url: URL, options: ExchangeOptions): Promise<RawResponse> {
  let current = url;
  let method = options.method;
  let body = options.body;
  for (let hop = 0; ; hop++) {
    assertUrlAllowed(current, options.policy);
    const response = await once(current, { ...options, method, body });
    const location = response.headers.location;
    if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response;
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    current = new URL(location, current);
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
    }
  }
}

function decoder(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

function once(url: URL, options: ExchangeOptions): Promise<RawResponse> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, response?: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      if (error) {
        request.destroy();
        reject(error);
      } else resolve(response!);
    };
    const headers: Record<string, string> = { "accept-encoding": "gzip, deflate, br", ...options.headers };
    if (options.body !== undefined) headers["content-length"] = String(Buffer.byteLength(options.body));
    const request = client.request(url, { method: options.method, headers, lookup: guardedLookup(options.policy) }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const decoded = decoder(response.headers["content-encoding"]);
      const stream = decoded ?? response;
      if (decoded) pipeline(response, decoded, (error) => error && finish(error));
      stream.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > options.maxBytes) finish(new TooLargeError(`the answer is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB`));
        else chunks.push(chunk);
      });
      stream.on("end", () => finish(null, { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), url }));
      stream.on("error", (error) => finish(error));
      response.on("close", () => {
        if (!response.complete) finish(new Error("the connection closed before the answer was complete"));
      });
    });
    request.on("error", (error) => finish(error));
    const timer = setTimeout(() => finish(new TimeoutError(`no complete answer within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    const onAbort = () => finish(options.signal?.reason instanceof Error ? options.signal.reason : new Error("aborted"));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    request.end(options.body);
  });
}
