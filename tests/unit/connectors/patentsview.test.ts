// The PatentsView connector against its recorded PatentSearch answers, served locally.
import { describe, expect, it } from "vitest";
import { buildRecord } from "@/lib/ingest/build-record";
import { cpcCode, patentQuery, patentsview, patentToDraft } from "@/lib/connectors/patentsview";
import type { PagesOptions } from "@/lib/connectors/types";
import { fakeClock, firstPages, fixture, fixturesPresent, provenanceCount, RecordedServer, useRecordedServer } from "./recorded-server";

describe.runIf(process.env.CI === "true" && !fixturesPresent)("PatentsView fixtures", () => {
  it("are present in CI", () => expect.fail("shared/fixtures not found"));
});

const KEY = "pv-secret-key-9012";

describe("PatentsView queries and codes", () => {
  it("takes a query in the PatentSearch language as it is, and words as a title-or-abstract search", () => {
    expect(patentQuery('{"_eq":{"patent_date":"2000-01-04"}}')).toEqual({ _eq: { patent_date: "2000-01-04" } });
    expect(patentQuery("solid-state battery")).toEqual({
      _or: [{ _text_all: { patent_title: "solid-state battery" } }, { _text_all: { patent_abstract: "solid-state battery" } }],
    });
    expect(() => patentQuery("{not json")).toThrow("a query starting with { must be a JSON object");
  });

  it("spaces CPC groups like the other patent sources", () => {
    expect(cpcCode("A42B1/247")).toBe("A42B 1/247");
    expect(cpcCode("Y10S977/00")).toBe("Y10S 977/00");
  });
});

describe.skipIf(!fixturesPresent)("PatentsView connector", () => {
  let server: RecordedServer;
  let clock: ReturnType<typeof fakeClock>;

  useRecordedServer((started, fresh) => {
    [server, clock] = [started, fresh];
    server.addRecorded("patentsview");
  });

  const options = (extra: Partial<PagesOptions> = {}): PagesOptions => ({
    query: '{"_eq":{"patent_date":"2000-01-04"}}',
    config: { fields: ["patent_id"], pageSize: 100 },
    settings: { baseUrl: `${server.origin}/api/v1`, apiKey: KEY },
    http: { clock, attempts: 3 },
    ...extra,
  });

  const pages = (extra: Partial<PagesOptions> = {}, count = 2) => firstPages(patentsview.pages(options(extra)), count);

  it("pages with o.after = the last patent_id, over the recorded pages and PROVENANCE.md's record counts", async () => {
    const read = await pages();
    expect(read.map((p) => p.records.length)).toEqual([
      provenanceCount("patentsview/pv_patent_2000-01-04_page1.json"),
      provenanceCount("patentsview/pv_patent_2000-01-04_page2_after.json"),
    ]);
    expect(server.received.map((r) => JSON.parse(r.params.get("o")!))).toEqual([{ size: 100 }, { size: 100, after: "6009654" }]);
    expect(read[1].next).toEqual({ after: "6009754" });
    expect(read[0].total).toBe(3001);
    // Only patent_id was asked for (as recorded), so every record lacks the title a document needs.
    expect(read[0].records[0]).toEqual({ ok: false, position: 1, message: "Record 1 has no title" });
  });

  it("sends the key in the X-Api-Key header and keeps to 45 requests a minute", async () => {
    await pages();
    expect(server.received.map((r) => r.headers["x-api-key"])).toEqual([KEY, KEY]);
    expect(clock.sleeps).toEqual([Math.ceil(60_000 / 45)]);
  });

  it("resumes after the stored sort key", async () => {
    const [page] = await pages({ cursor: { after: "6009654" }, done: { records: 100, pages: 1 } }, 1);
    expect(server.received).toHaveLength(1);
    expect(page.records.map((r) => r.position)[0]).toBe(101);
  });

  it("refuses to run without an API key", async () => {
    await expect(pages({ settings: { baseUrl: `${server.origin}/api/v1` } })).rejects.toThrow("PatentsView needs an API key: set PATENTSVIEW_API_KEY");
    expect(server.received).toHaveLength(0);
  });

  it("maps a full patent record", () => {
    const [patent] = JSON.parse(fixture("patentsview/pv_patent_5116621_allfields.json").toString("utf8")).patents;
    const result = buildRecord(patentToDraft(patent), { position: 1 });
    expect(result.ok && result.record).toMatchObject({
      kind: "PATENT",
      title: "Anti-inflammatory analgesic patch",
      patentNumber: "US5116621",
      publishedOn: "1992-05-26",
      year: 1992,
      assignees: ["TEIKOKU SEIYAKU CO., LTD.", "Lederle (Japan), Ltd."],
      countries: ["JP"],
      citationCount: 34,
    });
    expect(result.ok && result.record.classifications).toEqual(["A61K 9/7061", "A61K 9/0014", "A61K 31/19", "A61K 47/12", "A61K 47/18", "A61P 29/00", "A61F 13/00"]);
    expect(result.ok && result.record.authors[0]).toMatchObject({ family: expect.any(String), given: expect.any(String) });
  });
});
