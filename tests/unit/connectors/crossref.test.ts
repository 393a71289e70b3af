// The Crossref connector against its recorded answers, served locally.
import { describe, expect, it } from "vitest";
import { crossref } from "@/lib/connectors/crossref";
import type { PagesOptions } from "@/lib/connectors/types";
import { allPages, fakeClock, firstPages, fixturesPresent, provenanceCount, RecordedServer, useRecordedServer } from "./recorded-server";

describe.runIf(process.env.CI === "true" && !fixturesPresent)("Crossref fixtures", () => {
  it("are present in CI", () => expect.fail("shared/fixtures not found"));
});

const PAGES = ["crossref/crossref_works_cursor_page1.json", "crossref/crossref_works_cursor_page2.json", "crossref/crossref_works_cursor_page3.json"];

describe.skipIf(!fixturesPresent)("Crossref connector", () => {
  let server: RecordedServer;
  let clock: ReturnType<typeof fakeClock>;

  useRecordedServer((started, fresh) => {
    [server, clock] = [started, fresh];
    server.addRecorded("crossref");
  });

  const options = (extra: Partial<PagesOptions> = {}): PagesOptions => ({
    query: "widget",
    config: { pageSize: 20 },
    settings: { baseUrl: server.origin, contactEmail: "foresight-team@example.org" },
    http: { clock, attempts: 3 },
    ...extra,
  });

  const pages = (extra: Partial<PagesOptions> = {}, count = 3) => firstPages(crossref.pages(options(extra)), count);

  it("follows the cursor across the recorded pages with PROVENANCE.md's record counts", async () => {
    const read = await pages();
    expect(read.map((p) => p.records.length)).toEqual(PAGES.map(provenanceCount));
    expect(read.every((p) => p.records.every((r) => r.ok))).toBe(true);
    expect(read[0].total).toBe(454);
    const cursors = server.received.map((r) => r.params.get("cursor"));
    expect(cursors[0]).toBe("*");
    expect(cursors[1]).toMatch(/^DnF1ZXJ5VGhlbkZldGNo/);
    expect(cursors[2]).toBe(cursors[1]); // Crossref keeps the cursor value and the position itself
    const dois = read.flatMap((p) => p.records.map((r) => (r.ok ? r.record.doi : null)));
    expect(new Set(dois).size).toBe(60);
    expect(read.flatMap((p) => p.records).map((r) => r.position)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it("joins the polite pool: mailto on every request and a User-Agent naming the contact", async () => {
    await pages({}, 1);
    const [request] = server.received;
    expect(request.params.get("mailto")).toBe("foresight-team@example.org");
    expect(request.headers["user-agent"]).toContain("mailto:foresight-team@example.org");
    expect(request.params.has("rows")).toBe(false); // 20 is Crossref's default page, as recorded
  });

  it("maps a work to the record shape", async () => {
    const [page] = await pages({}, 1);
    const first = page.records[0];
    expect(first.ok && first.record).toMatchObject({
      kind: "PAPER",
      title: "Widget Mania: Using a GUI Widget Framework",
      doi: "10.1007/978-1-4302-0197-7_9",
      venue: "Practical JavaScript™, DOM Scripting, and Ajax Projects",
      language: "en",
      citationCount: 0,
    });
    const kinds = page.records.map((r) => r.ok && r.record.kind);
    expect(kinds[5]).toBe("CONFERENCE_PAPER"); // proceedings-article
  });

  it("stops on a page without items", async () => {
    server.inject((r) => r.params.get("cursor") !== "*", { body: JSON.stringify({ status: "ok", message: { "next-cursor": "x", "total-results": 454, items: [] } }) });
    const read = await allPages(crossref.pages(options()));
    expect(read.map((p) => [p.records.length, p.next === null])).toEqual([[20, false], [0, true]]);
  });

  it("resumes from a stored cursor", async () => {
    const first = await pages({}, 1);
    server.received.length = 0;
    const [next] = await pages({ cursor: first[0].next, done: { records: 20, pages: 1 } }, 1);
    expect(server.received.map((r) => r.params.get("cursor"))).toEqual([(first[0].next as { cursor: string }).cursor]);
    expect(next.records[0].position).toBe(21);
    expect(next.page).toBe(2);
  });

  it("slows down to the pace X-Rate-Limit-Limit and X-Rate-Limit-Interval announce", async () => {
    server.inject((r) => r.params.get("cursor") === "*", {
      headers: { "content-type": "application/json", "x-rate-limit-limit": "2", "x-rate-limit-interval": "1s" },
      body: JSON.stringify({ status: "ok", message: { "next-cursor": "abc", "total-results": 40, items: [{ DOI: "10.1000/a", title: ["A"] }] } }),
    });
    server.inject((r) => r.params.get("cursor") === "abc", { body: JSON.stringify({ status: "ok", message: { "next-cursor": "abc", "total-results": 40, items: [] } }) });
    await allPages(crossref.pages(options()));
    expect(clock.sleeps).toEqual([500]); // two requests a second, not the polite default of ten
  });

  it("rejects an answer that is not JSON, naming the connector and the page", async () => {
    server.inject((r) => r.params.get("cursor") !== "*", { body: '{"status":"ok","message":{"items":[' });
    await expect(pages()).rejects.toThrow(/^Crossref page 2 \(http:\/\/127\.0\.0\.1:\d+\/works\?query=widget&cursor=DnF1.*\): the answer is not valid JSON/);
  });

  it("keeps an item of the wrong shape as an error at its position, and the rest of the page", async () => {
    const items = [{ DOI: "10.1000/ok-1", title: ["First"] }, { DOI: 42, title: ["Broken"] }, { DOI: "10.1000/ok-3", title: ["Third"] }];
    server.inject(() => true, { body: JSON.stringify({ status: "ok", message: { "next-cursor": "c", "total-results": 3, items } }) });
    const [page] = await allPages(crossref.pages(options()));
    expect(page.records.map((r) => r.ok)).toEqual([true, false, true]);
    expect(page.records[1]).toEqual({ ok: false, position: 2, message: "Record 2 has an unexpected shape: DOI: Invalid input: expected string, received number" });
    expect(page.next).toBeNull(); // all 3 results read
  });

  it("rejects an answer of the wrong shape", async () => {
    server.inject(() => true, { body: JSON.stringify({ status: "ok", message: { items: "none" } }) });
    await expect(pages()).rejects.toThrow(/^Crossref page 1 .*: unexpected answer: message\.items: /);
  });
});
