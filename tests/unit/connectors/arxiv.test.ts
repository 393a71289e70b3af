// The arXiv connector against its recorded Atom answers, served locally.
import { describe, expect, it } from "vitest";
import { arxiv } from "@/lib/connectors/arxiv";
import type { PagesOptions } from "@/lib/connectors/types";
import { allPages, fakeClock, firstPages as takePages, fixture, fixturesPresent, provenanceCount, RecordedServer, useRecordedServer } from "./recorded-server";

describe.runIf(process.env.CI === "true" && !fixturesPresent)("arXiv fixtures", () => {
  it("are present in CI", () => expect.fail("shared/fixtures not found"));
});

describe.skipIf(!fixturesPresent)("arXiv connector", () => {
  let server: RecordedServer;
  let clock: ReturnType<typeof fakeClock>;

  useRecordedServer((started, fresh) => {
    [server, clock] = [started, fresh];
    server.addRecorded("arxiv"); // fresh answers for every test (each is served once)
  });

  const options = (extra: Partial<PagesOptions> = {}): PagesOptions => ({
    query: "testing",
    config: { pageSize: 10 },
    settings: { baseUrl: `${server.origin}/api` },
    limit: 20,
    http: { clock, attempts: 3 },
    ...extra,
  });

  const firstPages = (extra: Partial<PagesOptions> = {}, count = 2) => takePages(arxiv.pages(options(extra)), count);

  it("reads the recorded pages with start/max_results paging and PROVENANCE.md's record counts", async () => {
    const pages = await firstPages();
    expect(pages.map((p) => p.records.length)).toEqual([
      provenanceCount("arxiv/arxiv_query_testing_start0_max10.xml"),
      provenanceCount("arxiv/arxiv_query_testing_start10_max10.xml"),
    ]);
    expect(pages.map((p) => p.next)).toEqual([{ start: 10 }, { start: 20 }]);
    expect(pages[0].total).toBe(214881);
    expect(server.received.map((r) => [r.params.get("start"), r.params.get("max_results"), r.params.get("search_query")])).toEqual([
      ["0", "10", "testing"],
      ["10", "10", "testing"],
    ]);
    const records = pages.flatMap((p) => p.records);
    expect(records.map((r) => r.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const first = records[0];
    expect(first.ok && first.record).toMatchObject({
      kind: "PAPER",
      title: "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques",
      arxivId: "2202.12139v1",
      doi: "10.1109/icstw55395.2022.00035",
      publishedOn: "2022-02-24",
      year: 2022,
      authors: [{ full: "Mohit Kumar Ahuja" }, { full: "Arnaud Gotlieb" }, { full: "Helge Spieker" }],
    });
    expect(first.ok && first.record.abstract).toMatch(/^Deep Learning \(DL\) has revolutionized/);
  });

  it("waits three seconds between requests, on the injected clock", async () => {
    await firstPages();
    expect(clock.sleeps).toEqual([3_000]);
  });

  it("resumes from a stored cursor without asking for earlier pages", async () => {
    const [page] = await firstPages({ cursor: { start: 10 }, done: { records: 10, pages: 1 } }, 1);
    expect(server.received.map((r) => r.params.get("start"))).toEqual(["10"]);
    expect(page.page).toBe(2);
    expect(page.records.map((r) => r.position)).toEqual(Array.from({ length: 10 }, (_, i) => i + 11));
  });

  it("reads old-style identifiers", async () => {
    const pages = await allPages(arxiv.pages(options({ query: "", config: { idList: ["astro-ph/0601001"], pageSize: 100 } })));
    expect(pages).toHaveLength(1);
    expect(pages[0].records).toHaveLength(provenanceCount("arxiv/arxiv_id_list_old_style_astro-ph_0601001.xml"));
    const [result] = pages[0].records;
    expect(result.ok && result.record.arxivId).toBe("astro-ph/0601001v1");
    expect(pages[0].next).toBeNull();
    expect(server.received[0].params.get("id_list")).toBe("astro-ph/0601001");
  });

  it("returns the one valid paper of a two-id lookup", async () => {
    const pages = await allPages(arxiv.pages(options({ query: "", config: { idList: ["0808.05394", "1707.08567"], pageSize: 100 } })));
    expect(pages[0].records).toHaveLength(provenanceCount("arxiv/arxiv_id_list_two_ids.xml"));
    expect(pages[0].records.every((r) => r.ok)).toBe(true);
  });

  it("stops on the last page: an id that does not exist gives no records and no next page", async () => {
    const pages = await allPages(arxiv.pages(options({ query: "", config: { idList: ["0000.0000"], pageSize: 100 } })));
    expect(pages.map((p) => [p.records.length, p.next])).toEqual([[0, null]]);
  });

  it("explains a query arXiv refuses, from its error feed", async () => {
    await expect(allPages(arxiv.pages(options({ query: "", config: { idList: ["abc"], pageSize: 100 } })))).rejects.toThrow("arXiv refused the query: incorrect id format for abc");
  });

  it("asks again for a page that comes back empty before totalResults is reached", async () => {
    const empty = fixture("arxiv/arxiv_query_testing_start10_max10.xml").toString("utf8").replace(/<entry>[\s\S]*<\/entry>/, "");
    server.inject((r) => r.params.get("start") === "10", { status: 200, headers: { "content-type": "application/atom+xml" }, body: empty });
    const pages = await firstPages();
    expect(pages.map((p) => p.records.length)).toEqual([10, 10]);
    expect(server.received.map((r) => r.params.get("start"))).toEqual(["0", "10", "10"]);
    expect(clock.sleeps).toEqual([3_000, 3_000]); // the second try keeps the pace too
  });

  it("fails clearly when the page stays empty", async () => {
    const empty = fixture("arxiv/arxiv_query_testing_start0_max10.xml").toString("utf8").replace(/<entry>[\s\S]*<\/entry>/, "");
    const answer = { status: 200, headers: { "content-type": "application/atom+xml" }, body: empty };
    server.inject(() => true, answer, answer, answer, answer);
    await expect(firstPages()).rejects.toThrow(/^arXiv page 1 \(http:\/\/127\.0\.0\.1:\d+\/api\/query\?.*\): came back empty 4 times although 214881 results were announced$/);
  });

  it("rejects a truncated answer with a message naming the connector and the page", async () => {
    const truncated = fixture("arxiv/arxiv_query_testing_start10_max10.xml").subarray(0, 5_000);
    server.inject((r) => r.params.get("start") === "10", { status: 200, headers: { "content-type": "application/atom+xml" }, body: truncated });
    await expect(firstPages()).rejects.toThrow(/^arXiv page 2 \(.*start=10.*\): the answer is not well-formed XML: .*unclosed tag/);
  });
});
