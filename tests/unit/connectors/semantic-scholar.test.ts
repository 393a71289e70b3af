// The Semantic Scholar connector against its recorded answers, served locally.
import { describe, expect, it } from "vitest";
import { semanticScholar } from "@/lib/connectors/semantic-scholar";
import type { PagesOptions } from "@/lib/connectors/types";
import { allPages, fakeClock, firstPages, fixturesPresent, provenanceCount, RecordedServer, useRecordedServer } from "./recorded-server";

describe.runIf(process.env.CI === "true" && !fixturesPresent)("Semantic Scholar fixtures", () => {
  it("are present in CI", () => expect.fail("shared/fixtures not found"));
});

const KEY = "s2-secret-key-5678";

describe.skipIf(!fixturesPresent)("Semantic Scholar connector", () => {
  let server: RecordedServer;
  let clock: ReturnType<typeof fakeClock>;

  useRecordedServer((started, fresh) => {
    [server, clock] = [started, fresh];
    // The recording client sent offset/limit to the bulk endpoint, which does not take them.
    server.addRecorded("semanticscholar", { ignoreParams: { "/graph/v1/paper/search/bulk": ["offset", "limit"] } });
  });

  const options = (extra: Partial<PagesOptions> = {}): PagesOptions => ({
    query: "kubernetes",
    config: { fields: "title" },
    settings: { baseUrl: `${server.origin}/graph/v1`, apiKey: KEY },
    http: { clock, attempts: 3 },
    ...extra,
  });

  const pages = (extra: Partial<PagesOptions> = {}, count = 2) => firstPages(semanticScholar.pages(options(extra)), count);

  it("follows the bulk search's continuation token across the recorded pages", async () => {
    const read = await pages();
    expect(read.map((p) => p.records.length)).toEqual([
      provenanceCount("semanticscholar/s2_paper_search_bulk_kubernetes_page1.json"),
      provenanceCount("semanticscholar/s2_paper_search_bulk_kubernetes_page2_token.json"),
    ]);
    expect(server.received.map((r) => r.params.get("token"))).toEqual([null, expect.stringMatching(/^PCOKWVSK/)]);
    expect(read[1].next).toEqual({ token: expect.stringMatching(/^PCOA3RZL/) });
    expect(read[0].total).toBe(2674);
    const ids = read.flatMap((p) => p.records.map((r) => r.ok && r.record.externalId));
    expect(new Set(ids).size).toBe(2000);
  });

  it("sends the key in the x-api-key header, never in the URL, and keeps to one request a second", async () => {
    await pages();
    expect(server.received.map((r) => r.headers["x-api-key"])).toEqual([KEY, KEY]);
    expect(server.received.every((r) => ![...r.params.values()].includes(KEY))).toBe(true);
    expect(clock.sleeps).toEqual([1_100]);
  });

  it("pages relevance search by offset and stops where the recording's `next` would leave the 1,000-result window", async () => {
    const [page] = await pages({ query: "turing", config: { mode: "search", fields: "title" } }, 1);
    expect(page.records).toHaveLength(provenanceCount("semanticscholar/s2_paper_search_turing.json"));
    expect(page.next).toEqual({ offset: 100 });
    expect(server.received[0].params.get("offset")).toBe("0");
    expect(server.received[0].params.get("limit")).toBe("100");
  });

  it("passes documented filters through", async () => {
    const [page] = await pages({ query: "turing", config: { mode: "search", fields: "s2FieldsOfStudy", filters: { fieldsOfStudy: "Mathematics" } } }, 1);
    expect(page.records).toHaveLength(provenanceCount("semanticscholar/s2_paper_search_fieldsOfStudy.json"));
  });

  it("resumes from a stored continuation token", async () => {
    const [first] = await pages({}, 1);
    server.received.length = 0;
    const [second] = await pages({ cursor: first.next, done: { records: 1000, pages: 1 } }, 1);
    expect(server.received).toHaveLength(1);
    expect(second.records[0].position).toBe(1001);
  });

  it("retries on 429 and on 500, honouring Retry-After, then succeeds", async () => {
    server.inject(() => true, { status: 429, headers: { "retry-after": "7" } }, { status: 500 });
    const [page] = await pages({}, 1);
    expect(page.records).toHaveLength(1000);
    expect(server.received).toHaveLength(3);
    expect(clock.sleeps[0]).toBe(7_000); // Retry-After, then the limiter's own spacing and a back-off
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(2);
  });

  it("fails with a clear message once the retry budget is spent", async () => {
    server.inject(() => true, { status: 502 }, { status: 502 }, { status: 502 });
    await expect(pages({}, 1)).rejects.toThrow(/^Semantic Scholar page 1 \(http:\/\/127\.0\.0\.1:\d+\/graph\/v1\/paper\/search\/bulk\?query=kubernetes&fields=title\): failed after 3 attempts; last: HTTP 502$/);
  });
});
