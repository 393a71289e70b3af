// The fetch layer on its own, against a local server: retries, pacing, limits and scrubbing.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHttpClient, type HttpSettings } from "@/lib/connectors/http";
import { announcedIntervalMs, retryAfterMs } from "@/lib/connectors/rate-limit";
import { scrubText } from "@/lib/connectors/scrub";
import { fakeClock, RecordedServer, resetRateLimiters } from "./recorded-server";

describe("scrubText", () => {
  it("hides key parameters, URL passwords and the given secrets, raw or URL-encoded", () => {
    expect(scrubText("GET https://x.org/works?search=a&api_key=abc123&page=2")).toBe("GET https://x.org/works?search=a&api_key=***&page=2");
    expect(scrubText("https://user:pw@example.org/feed")).toBe("https://***@example.org/feed");
    expect(scrubText("token a+b/c= was refused (a%2Bb%2Fc%3D)", ["a+b/c="])).toBe("token *** was refused (***)");
  });
});

describe("rate-limit headers", () => {
  it("reads Retry-After as seconds or as a date", () => {
    expect(retryAfterMs("120", 0)).toBe(120_000);
    expect(retryAfterMs("Wed, 21 Oct 2015 07:28:30 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(30_000);
    expect(retryAfterMs("soon", 0)).toBeNull();
  });

  it("turns Crossref's X-Rate-Limit-Limit and -Interval into a spacing", () => {
    expect(announcedIntervalMs("50", "1s")).toBe(20);
    expect(announcedIntervalMs("5", "1s")).toBe(200);
    expect(announcedIntervalMs("100", "1m")).toBe(600);
    expect(announcedIntervalMs(undefined, "1s")).toBeNull();
  });
});

describe("createHttpClient", () => {
  let server: RecordedServer;
  let clock: ReturnType<typeof fakeClock>;
  beforeAll(async () => {
    server = await RecordedServer.start();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    resetRateLimiters();
    clock = fakeClock();
    server.received.length = 0;
  });

  const client = (extra: Partial<HttpSettings> = {}) =>
    createHttpClient({ connector: "Test API", limiterKey: "test", minIntervalMs: 250, host: { allowedHosts: ["127.0.0.1"], publicOnly: false }, clock, attempts: 4, ...extra });
  const url = (path: string) => new URL(`${server.origin}${path}`);

  it("retries on 429, 500 and 503, then returns the answer", async () => {
    server.add("GET", "/a", { body: "{}" });
    server.inject((r) => r.path === "/a", { status: 429 }, { status: 500 }, { status: 503 });
    const response = await client().request({ url: url("/a"), page: 1 });
    expect(response.status).toBe(200);
    expect(server.requestsTo("/a")).toHaveLength(4);
    // Back-offs of 0.5–1 s, 1–2 s and 2–4 s with jitter, each also respecting the 250 ms spacing.
    const [first, second, third] = clock.sleeps;
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1_000);
    expect(second).toBeGreaterThanOrEqual(1_000);
    expect(second).toBeLessThanOrEqual(2_000);
    expect(third).toBeGreaterThanOrEqual(2_000);
    expect(third).toBeLessThanOrEqual(4_000);
  });

  it("gives up after the retry budget with a message naming the connector, the page and the last problem", async () => {
    server.inject((r) => r.path === "/b", { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    await expect(client().request({ url: url("/b?x=1"), page: 7 })).rejects.toThrow(/^Test API page 7 \(http:\/\/127\.0\.0\.1:\d+\/b\?x=1\): failed after 4 attempts; last: HTTP 500$/);
    expect(server.requestsTo("/b")).toHaveLength(4);
  });

  it("does not retry a 404", async () => {
    await expect(client().request({ url: url("/missing"), page: 1 })).rejects.toThrow(/: HTTP 404: No recorded answer/);
    expect(server.requestsTo("/missing")).toHaveLength(1);
  });

  it("fails at once when Retry-After asks for longer than it will wait", async () => {
    server.inject((r) => r.path === "/quota", { status: 429, headers: { "retry-after": "86400" } });
    await expect(client().request({ url: url("/quota") })).rejects.toThrow("HTTP 429; the API asks to wait 86400 s before the next request");
  });

  it("retries a request that times out", async () => {
    server.add("GET", "/slow", { body: "late", delayMs: 400 });
    server.add("GET", "/slow", { body: "on time" });
    const response = await client({ timeoutMs: 100 }).request({ url: url("/slow") });
    expect(response.body.toString()).toBe("on time");
    expect(server.requestsTo("/slow")).toHaveLength(2);
  });

  it("retries when the connection is refused, and then says so", async () => {
    const closed = await RecordedServer.start();
    const port = closed.port;
    await closed.close();
    await expect(client({ attempts: 2 }).request({ url: new URL(`http://127.0.0.1:${port}/x`) })).rejects.toThrow(/failed after 2 attempts; last: .*ECONNREFUSED/);
  });

  it("spaces requests that share a limiter, across clients", async () => {
    server.add("GET", "/c", { body: "1" });
    server.add("GET", "/c", { body: "2" });
    await Promise.all([client().request({ url: url("/c") }), client().request({ url: url("/c") })]);
    expect(clock.sleeps).toEqual([250]);
  });

  it("decompresses gzip and caps the decompressed size", async () => {
    const big = gzipSync(Buffer.alloc(2_000_000, "a"));
    server.add("GET", "/gz", { headers: { "content-encoding": "gzip" }, body: big });
    server.add("GET", "/gz", { headers: { "content-encoding": "gzip" }, body: big });
    const response = await client().request({ url: url("/gz") });
    expect(response.body.length).toBe(2_000_000);
    await expect(client({ maxBytes: 1_000_000 }).request({ url: url("/gz") })).rejects.toThrow("the answer is larger than 1 MB");
    expect(server.requestsTo("/gz")).toHaveLength(2); // the cap is final, not retried
  });

  it("refuses a redirect to a host other than the configured one", async () => {
    server.add("GET", "/moved", { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
    await expect(client().request({ url: url("/moved") })).rejects.toThrow("Requests to 169.254.169.254 are not allowed for this connector");
  });

  it("follows a redirect on the same host", async () => {
    server.add("GET", "/old", { status: 301, headers: { location: "/new" } });
    server.add("GET", "/new", { body: "here" });
    expect((await client().request({ url: url("/old") })).body.toString()).toBe("here");
  });

  it("stops waiting when the run is aborted", async () => {
    server.inject((r) => r.path === "/d", { status: 503 });
    const controller = new AbortController();
    const slowClock = { now: () => Date.now(), sleep: (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => { const t = setTimeout(resolve, ms); signal?.addEventListener("abort", () => { clearTimeout(t); reject(signal.reason); }); }) };
    const pending = client({ clock: slowClock, baseDelayMs: 60_000 }).request({ url: url("/d"), signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stopped by the user")), 50);
    await expect(pending).rejects.toThrow("stopped by the user");
  });
});
