// A local stand-in for the public APIs: node:http on 127.0.0.1 (random port) answering with the
// recorded responses in shared/fixtures, keyed by method + path + query parameters as _requests.json
// recorded them, and logging every request so tests can assert on what a connector sent.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resetRateLimiters, type Clock } from "@/lib/connectors/rate-limit";

export const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures", import.meta.url));
export const fixturesPresent = existsSync(path.join(FIXTURES, "PROVENANCE.md"));
if (!fixturesPresent && process.env.CI !== "true") console.info(`Connector fixture tests skipped: ${FIXTURES} not found`);

/** Record counts per fixture file, from PROVENANCE.md's table. */
export function provenanceCount(file: string): number {
  for (const row of readFileSync(path.join(FIXTURES, "PROVENANCE.md"), "utf8").split("\n")) {
    const match = row.match(/^\| `([^`]+)` \|.*?\| (\d+) \| (\d+) \|/);
    if (match && match[1] === file) return Number(match[2]);
  }
  throw new Error(`${file} has no row in PROVENANCE.md`);
}

export function fixture(file: string): Buffer {
  return readFileSync(path.join(FIXTURES, file));
}

export type Answer = { status?: number; headers?: Record<string, string>; body?: string | Buffer; delayMs?: number };
export type Received = { method: string; path: string; params: URLSearchParams; headers: IncomingHttpHeaders; body: string };

/** Contact and credential parameters are asserted on separately; they are not part of a recording's key. */
const UNKEYED = new Set(["mailto", "api_key"]);

function key(method: string, pathname: string, params: URLSearchParams, ignore: readonly string[] = []): string {
  const kept = [...params].filter(([name]) => !UNKEYED.has(name) && !ignore.includes(name)).sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  return `${method} ${pathname}?${kept.map(([n, v]) => `${n}=${v}`).join("&")}`;
}

const TYPES: Record<string, string> = { ".json": "application/json", ".xml": "application/atom+xml; charset=utf-8", ".txt": "text/plain" };

export class RecordedServer {
  readonly received: Received[] = [];
  private readonly routes = new Map<string, Answer[]>();
  private readonly ignored = new Map<string, string[]>();
  private readonly injected: { match: (r: Received) => boolean; answers: Answer[] }[] = [];

  private constructor(private readonly server: Server, readonly port: number) {}

  static async start(): Promise<RecordedServer> {
    let self: RecordedServer | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => void self!.answer(request.method ?? "GET", request.url ?? "/", request.headers, Buffer.concat(chunks).toString("utf8"), response));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    self = new RecordedServer(server, (server.address() as { port: number }).port);
    return self;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The recorded answers of a fixture folder, at the paths _requests.json names. */
  addRecorded(folder: string, options: { ignoreParams?: Record<string, string[]> } = {}): void {
    for (const [pathname, names] of Object.entries(options.ignoreParams ?? {})) this.ignored.set(pathname, names);
    const requests = JSON.parse(fixture(`${folder}/_requests.json`).toString("utf8")).requests as Record<string, { method: string; uri: string; status: number | null }>;
    for (const [file, recorded] of Object.entries(requests)) {
      const url = new URL(recorded.uri);
      this.add(recorded.method, `${url.pathname}${url.search}`, {
        status: recorded.status ?? 200,
        headers: { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" },
        body: fixture(`${folder}/${file}`),
      });
    }
  }

  /** An answer for method + path?query; answers added for the same key are served in order, once each. */
  add(method: string, pathAndQuery: string, answer: Answer): void {
    const url = new URL(pathAndQuery, this.origin);
    const k = key(method, url.pathname, url.searchParams, this.ignored.get(url.pathname));
    this.routes.set(k, [...(this.routes.get(k) ?? []), answer]);
  }

  /** Answers given, in order, to the next requests that match — before any recorded answer. */
  inject(match: (r: Received) => boolean, ...answers: Answer[]): void {
    this.injected.push({ match, answers });
  }

  requestsTo(pathname: string): Received[] {
    return this.received.filter((r) => r.path === pathname);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(method: string, rawUrl: string, headers: IncomingHttpHeaders, body: string, response: import("node:http").ServerResponse) {
    const url = new URL(rawUrl, this.origin);
    const received: Received = { method, path: url.pathname, params: url.searchParams, headers, body };
    this.received.push(received);
    const injection = this.injected.find((i) => i.answers.length > 0 && i.match(received));
    const answer = injection?.answers.shift() ?? this.routes.get(key(method, url.pathname, url.searchParams, this.ignored.get(url.pathname)))?.shift();
    if (!answer) {
      response.writeHead(404, { "content-type": "text/plain" }).end(`No recorded answer for ${method} ${url.pathname}${url.search}`);
      return;
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (response.destroyed) return;
    response.writeHead(answer.status ?? 200, answer.headers ?? { "content-type": "application/json" }).end(answer.body ?? "");
  }
}

/**
 * OpenAlex's fixtures carry no recorded request: serves first → last for `search`, the last page at the
 * cursor the first page names (meta.next_cursor).
 */
export function serveOpenAlexChain(server: RecordedServer, search: string, first: string, last: string): void {
  const next = JSON.parse(fixture(first).toString("utf8")).meta.next_cursor as string;
  const base = `/works?search=${encodeURIComponent(search)}&per-page=200`;
  server.add("GET", `${base}&cursor=*`, { body: fixture(first) });
  server.add("GET", `${base}&cursor=${encodeURIComponent(next)}`, { body: fixture(last) });
}

/** A clock on which sleeping takes no time; the waits are kept for assertions. */
export function fakeClock(start = 1_700_000_000_000): Clock & { sleeps: number[] } {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      time += ms;
    },
  };
}

/**
 * A recorded server for one describe block: started before its tests and closed after them; before
 * each test the rate limiters are reset, the received requests cleared, and `each` is handed the
 * server and a fresh fake clock (to keep them, and to add that test's answers — each is served once).
 */
export function useRecordedServer(each: (server: RecordedServer, clock: ReturnType<typeof fakeClock>) => void): void {
  let server: RecordedServer | undefined;
  beforeAll(async () => {
    server = await RecordedServer.start();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    resetRateLimiters();
    server!.received.length = 0;
    each(server!, fakeClock());
  });
}

/** The first `count` pages of a connector run; the run is abandoned after them. */
export async function firstPages<T>(pages: AsyncIterable<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) {
    out.push(page);
    if (out.length === count) break;
  }
  return out;
}

/** Every page of a connector run, gathered. */
export async function allPages<T>(pages: AsyncIterable<T>, max = 50): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) {
    out.push(page);
    if (out.length >= max) throw new Error(`more than ${max} pages`);
  }
  return out;
}

export { resetRateLimiters };
