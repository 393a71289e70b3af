// The OpenAlex connector against recorded /works pages. OpenAlex's fixtures carry no recorded request,
// so the local server links them by the cursor chain the pages themselves hold (meta.next_cursor).
import { describe, expect, it } from "vitest";
import { abstractFromIndex, openalex } from "@/lib/connectors/openalex";
import type { PagesOptions } from "@/lib/connectors/types";
import { allPages, fakeClock, fixture, fixturesPresent, provenanceCount, RecordedServer, serveOpenAlexChain, useRecordedServer } from "./recorded-server";

describe.runIf(process.env.CI === "true" && !fixturesPresent)("OpenAlex fixtures", () => {
  it("are present in CI", () => expect.fail("shared/fixtures not found"));
});

const KEY = "oa-secret-key-1234";

describe("abstractFromIndex", () => {
  it("puts each word at its positions", () => {
    expect(abstractFromIndex({ world: [1], Hello: [0, 2] })).toBe("Hello world Hello");
    expect(abstractFromIndex(null)).toBe("");
  });
});

describe.skipIf(!fixturesPresent)("OpenAlex connector", () => {
  let server: RecordedServer;
  let clock: ReturnType<typeof fakeClock>;

  useRecordedServer((started, fresh) => {
    [server, clock] = [started, fresh];
    serveOpenAlexChain(server, "bibliometrix", "openalex/openalexpro_works_cursor_page1.json", "openalex/openalexpro_works_cursor_page2_last.json");
    serveOpenAlexChain(server, "governance", "openalex/openalexpro_works_50_page1.json", "openalex/openalexpro_works_50_page2_last.json");
  });

  const options = (extra: Partial<PagesOptions> = {}): PagesOptions => ({
    query: "bibliometrix",
    config: {},
    settings: { baseUrl: server.origin, apiKey: KEY, contactEmail: "team@example.org" },
    http: { clock, attempts: 2 },
    ...extra,
  });

  it("follows the cursor from * to the last page, with PROVENANCE.md's record counts", async () => {
    for (const [query, first, last] of [
      ["bibliometrix", "openalex/openalexpro_works_cursor_page1.json", "openalex/openalexpro_works_cursor_page2_last.json"],
      ["governance", "openalex/openalexpro_works_50_page1.json", "openalex/openalexpro_works_50_page2_last.json"],
    ]) {
      const pages = await allPages(openalex.pages(options({ query })));
      expect(pages.map((p) => p.records.length)).toEqual([provenanceCount(first), provenanceCount(last)]);
      expect(pages.at(-1)!.next).toBeNull();
      expect(pages.flatMap((p) => p.records).every((r) => r.ok)).toBe(true);
    }
    expect(server.received.map((r) => r.params.get("cursor"))).toEqual(["*", expect.stringMatching(/^IlsxMDAu/), "*", expect.stringMatching(/^Ils4My4w/)]);
  });

  it("sends the key as api_key and the contact as mailto, and paces requests at ten a second", async () => {
    await allPages(openalex.pages(options()));
    expect(server.received.map((r) => [r.params.get("api_key"), r.params.get("mailto")])).toEqual([
      [KEY, "team@example.org"],
      [KEY, "team@example.org"],
    ]);
    expect(clock.sleeps).toEqual([100]);
  });

  it("maps a work to the record shape, the abstract rebuilt from its inverted index", async () => {
    const [page] = await allPages(openalex.pages(options()));
    const first = page.records[0];
    expect(first.ok && first.record).toMatchObject({
      kind: "PAPER",
      title: "bibliometrix : An R-tool for comprehensive science mapping analysis",
      doi: "10.1016/j.joi.2017.08.007",
      year: 2017,
      publishedOn: "2017-09-12",
      venue: "Journal of Informetrics",
      citationCount: 9231,
      externalId: "W2755950973",
      keywords: ["Software tool"],
    });
    expect(first.ok && first.record.countries).toContain("IT");
    const [governance] = await allPages(openalex.pages(options({ query: "governance" })));
    const withAbstract = governance.records.filter((r) => r.ok && r.record.abstract.length > 100);
    expect(withAbstract.length).toBe(49); // one of the 50 works has no abstract_inverted_index
  });

  it("resumes from a stored cursor", async () => {
    const next = JSON.parse(fixture("openalex/openalexpro_works_cursor_page1.json").toString("utf8")).meta.next_cursor;
    const pages = await allPages(openalex.pages(options({ cursor: { cursor: next }, done: { records: 2, pages: 1 } })));
    expect(server.received.map((r) => r.params.get("cursor"))).toEqual([next]);
    expect(pages.map((p) => [p.page, p.records.length, p.next])).toEqual([[2, 0, null]]);
  });

  it("never shows the key: not in errors, not in log lines", async () => {
    const lines: string[] = [];
    server.inject(() => true, { status: 503 }, { status: 403, body: `{"error":"bad key ${KEY}"}` });
    const error = await allPages(openalex.pages(options({ http: { clock, attempts: 3, log: (line) => lines.push(line) } }))).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^OpenAlex page 1 \(.*api_key=\*\*\*.*\): HTTP 403: \{"error":"bad key \*\*\*"\}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[OpenAlex\] HTTP 503 from .*api_key=\*\*\*.*; retrying in \d+\.\d s \(attempt 2 of 3\)$/);
    expect([(error as Error).message, ...lines].join("\n")).not.toContain(KEY);
  });

  it("refuses a query with neither search words nor a filter before fetching anything", () => {
    expect(() => openalex.check("  ", {}, { baseUrl: server.origin })).toThrow("OpenAlex needs a search query or a filter");
    expect(() => openalex.check("", { filter: "publication_year:2024" }, { baseUrl: server.origin })).not.toThrow();
    expect(() => openalex.check("x", { pageSize: 500 }, { baseUrl: server.origin })).toThrow(/^OpenAlex settings: pageSize: /);
  });
});
