import { describe, expect, it } from "vitest";
import { readRecords } from "@/lib/ingest/read-records";
import type { NormalisedRecord, ReadResult } from "@/lib/ingest/record";
import { collect, okRecords, readAll, sliced } from "./helpers";
import { describeFixtures, expectPositions, fixtureBytes, importFixture, statedCount } from "./xml-fixtures";

const USPTO_XML = [
  "patents-uspto/US06859910_grant_v40.xml",
  "patents-uspto/US07272630B2_grant_v42.xml",
  "patents-uspto/US08930553_grant_v45.xml",
  "patents-uspto/US20010009014A1_pap_v15.xml",
  "patents-uspto/US20050004437A1_application_v40.xml",
  "patents-uspto/USD435854S1_grant_st32_v25.xml",
  "patents-uspto/ipgb20221025_bulk_11grants.xml",
];
const APS = "patents-uspto/US03937375_aps_greenbook.txt";
const EP_BIBLIOGRAPHIC = [
  "patents-epo/ep_publication_server_EP1325900A1_v10.xml",
  "patents-epo/ep_publication_server_EP3383757B1_v151.xml",
  "patents-epo/ep_publication_server_EP3782854A1_v15.xml",
  "patents-epo/epo_ops_published_biblio_AU2013290010.xml",
  "patents-epo/epo_ops_published_biblio_US2006142694.xml",
  "patents-epo/epo_ops_published_full-cycle_EP1000000.xml",
];
// OPS answers that list publications without title or abstract: one error per listed publication.
const EP_WITHOUT_BIBLIO: [string, RegExp][] = [
  ["patents-epo/epo_ops_family.xml", /^Record 1 \(line 11\) is EP1000000A1 from an EPO OPS family answer, without title or abstract; fetch .*docdb\/EP\.1000000\.A1\/biblio/],
  ["patents-epo/epo_ops_legal.xml", /^Record 1 \(line 11\) is US10465445B2 from an EPO OPS legal-status answer/],
  ["patents-epo/epo_ops_published_claims.xml", /^Record 1 \(line 7\) is the claims of EP1000000A1 from EPO OPS, without title or abstract/],
  ["patents-epo/epo_ops_published_description.xml", /^Record 1 \(line 7\) is the description of EP1000000A1 from EPO OPS/],
  ["patents-epo/epo_ops_search_biblio_cql.xml", /^Record 1 \(line 7\) is US2021381337A1 from an EPO OPS search answer that lists publication numbers only/],
];

async function records(file: string): Promise<NormalisedRecord[]> {
  return okRecords((await importFixture(file)).results);
}

describeFixtures("patent fixtures", () => {
  const expected = [
    ...USPTO_XML.map((f) => [f, "uspto-xml"]),
    [APS, "uspto-aps"],
    ...EP_BIBLIOGRAPHIC.map((f) => [f, "ep-xml"]),
  ];
  for (const [file, format] of expected) {
    it(`imports ${file} as ${format} with the record count PROVENANCE.md states, without errors`, async () => {
      const { format: detected, results } = await importFixture(file);
      expect(detected).toBe(format);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results).toHaveLength(statedCount(file));
      expectPositions(results);
    });
  }

  for (const [file, first] of EP_WITHOUT_BIBLIO) {
    it(`answers ${file} with one clear error per publication it lists, as many as PROVENANCE.md states`, async () => {
      const { format, results } = await importFixture(file);
      expect(format).toBe("ep-xml");
      expect(results).toHaveLength(statedCount(file));
      expectPositions(results);
      expect(results.every((r) => !r.ok && /without title or abstract|publication numbers only/.test(r.message))).toBe(true);
      expect(!results[0].ok && results[0].message).toMatch(first);
    });
  }

  it("reads a us-patent-grant v4.0: number, inventor, assignee, IPC from text, USPC kept in raw", async () => {
    const [patent] = await records("patents-uspto/US06859910_grant_v40.xml");
    expect(patent).toMatchObject({
      kind: "PATENT",
      title: "Methods and systems for transactional tunneling",
      patentNumber: "US6859910B2",
      publishedOn: "2005-02-22",
      assignees: ["Bluestreak.com"],
      countries: ["US"],
      classifications: ["G06F 15/00", "G06F 17/00", "G06F 17/21", "G06F 17/24"],
      citationCount: null,
    });
    expect(patent.authors).toEqual([{ full: "Croy, John Charles", family: "Croy", given: "John Charles" }]);
    expect(patent.abstract).toMatch(/^Methods and systems for executing an electronic transaction/);
    expect(patent.raw).toMatchObject({
      "us-patent-grant": { "us-bibliographic-data-grant": { "classification-national": { "main-classification": "715513" } } },
      referencesCited: 8,
    });
  });

  it("reads v4.2 IPCR fields and v4.5 us-parties inventors with their countries", async () => {
    const [v42] = await records("patents-uspto/US07272630B2_grant_v42.xml");
    expect(v42).toMatchObject({ patentNumber: "US7272630B2", classifications: ["G06F 15/13"], assignees: ["Microsoft Corporation"] });
    expect(v42.authors.map((a) => a.family)).toEqual(["Douceur", "Theimer", "Adya", "Bolosky"]);
    const [v45] = await records("patents-uspto/US08930553_grant_v45.xml");
    expect(v45).toMatchObject({ patentNumber: "US8930553B2", countries: ["IL", "US"], classifications: ["G06F 15/16"], year: 2015 });
    expect(v45.authors[0]).toEqual({ full: "Nissim, Nitzan", family: "Nissim", given: "Nitzan" });
  });

  it("reads the concatenated weekly bulk file with IPC and CPC, plant, design and reissue numbers", async () => {
    const { results } = await importFixture("patents-uspto/ipgb20221025_bulk_11grants.xml");
    const all = okRecords(results);
    expect(results.map((r) => r.line)).toEqual([3, 1349, 2174, 2999, 3206, 4215, 9051, 11328, 11628, 12015, 12355]);
    expect(all[0]).toMatchObject({ title: "Sensor inserter with disposal lockout state", patentNumber: "US11617522B2", assignees: ["MEDTRONIC MINIMED, INC."] });
    expect(all[0].classifications).toEqual(expect.arrayContaining(["A61B 5/145", "A61B 5/14532", "A61M 5/14566"]));
    expect(all.map((r) => r.patentNumber)).toEqual(expect.arrayContaining(["USD967598S1", "USPP34694P2", "USRE49257E1"]));
    expect(all[3].title).toBe("Portulaca plant named ‘DPORMPZPUP’");
  });

  it("reads a pre-2005 application (pap v1.5) and an ST.32 design grant", async () => {
    const [pap] = await records("patents-uspto/US20010009014A1_pap_v15.xml");
    expect(pap).toMatchObject({ patentNumber: "US20010009014A1", publishedOn: "2001-07-19", classifications: ["G06F 15/16"], countries: ["US"] });
    expect(pap.authors[0]).toMatchObject({ family: "Savage", given: "James A. III" });
    const [design] = await records("patents-uspto/USD435854S1_grant_st32_v25.xml");
    expect(design).toMatchObject({ title: "Disc cartridge", patentNumber: "USD435854S", publishedOn: "2001-01-02", countries: ["JP"], classifications: [] });
    expect(design.assignees).toEqual(["Hitachi Maxell, Ltd.", "Sanyo Electric Co.,Ltd.", "Olympus Optical Co., Ltd."]);
    expect(design.authors[0]).toEqual({ full: "Takagi, Hiroyoshi", family: "Takagi", given: "Hiroyoshi" });
  });

  it("reads the APS Greenbook record: WKU without its check digit, fixed-width ICL, abstract lines joined", async () => {
    const [patent] = await records(APS);
    expect(patent).toMatchObject({
      title: "Bumper support for a boat loader",
      patentNumber: "US3937375",
      publishedOn: "1976-02-10",
      classifications: ["B60R 9/00"],
      countries: ["US"],
      authors: [{ full: "Daniels, Everette E.", family: "Daniels", given: "Everette E." }],
      raw: expect.objectContaining({ referencesCited: 5, citedPatents: ["2542907", "2762542", "2772799", "3113789", "3702197"] }),
    });
    expect(patent.abstract).toMatch(/^A unit mountable on a rear bumper of a vehicle, and which does not interfere with .* otherwise damaged\.$/);
  });

  it("reads EP publication-server documents of DTD v1.0, v1.5 and v1.5.1", async () => {
    const [v10] = await records("patents-epo/ep_publication_server_EP1325900A1_v10.xml");
    expect(v10).toMatchObject({ title: "PROCESS FOR PRODUCING FLUOROALKANOL", patentNumber: "EP1325900A1", classifications: ["C07C 29/44", "C07C 31/38"], countries: ["JP"] });
    expect(v10.abstract).toContain("CHR1R2OH, a radical initiator and CF2=CFRf are continuously supplied and reacted at from 105 to 135°C");
    const [v15] = await records("patents-epo/ep_publication_server_EP3782854A1_v15.xml");
    expect(v15).toMatchObject({
      title: "VEHICLE-MOUNTED DISPLAY ASSEMBLY AND VEHICLE",
      patentNumber: "EP3782854A1",
      publishedOn: "2021-02-24",
      classifications: ["B60R 7/06", "B60N 3/12"],
      assignees: ["BOE TECHNOLOGY GROUP CO., LTD.", "Chengdu BOE Optoelectronics Technology Co., Ltd."],
      countries: ["CN"],
    });
    expect(v15.authors[0]).toEqual({ full: "FENG, Yuhsiung", family: "FENG", given: "Yuhsiung" });
    const [v151] = await records("patents-epo/ep_publication_server_EP3383757B1_v151.xml");
    expect(v151).toMatchObject({ patentNumber: "EP3383757B1", assignees: ["ELC Management LLC"], countries: ["FR", "US"], raw: expect.objectContaining({ referencesCited: 7 }) });
  });

  it("reads OPS exchange-documents: original names, CPC from split fields, both full-cycle publications", async () => {
    const [au] = await records("patents-epo/epo_ops_published_biblio_AU2013290010.xml");
    expect(au).toMatchObject({ title: "Novel fuel composition", patentNumber: "AU2013290010A1", publishedOn: "2015-02-05" });
    expect(au.classifications).toEqual(["C10L 1/00", "C07C 1/047", "C10L 1/04", "C10G 2300/1022", "C10G 2400/30", "C10L 2200/00", "C10L 2200/04"]);
    expect(au.authors.map((a) => a.full)).toEqual(["FANG, HOWARD L", "QIN, MEIFANG", "BEN-REUVEN, MOSHE"]);
    expect(au.assignees).toEqual(["PRIMUS GREEN ENERGY INC", "BLUESCAPE CLEAN FUELS, LLC"]);
    const [us] = await records("patents-epo/epo_ops_published_biblio_US2006142694.xml");
    expect(us.authors[0]).toEqual({ full: "BEDNAREK, MICHAEL C", family: "BEDNAREK", given: "MICHAEL C" });
    expect(us.countries).toEqual(["US"]);
    const cycle = await records("patents-epo/epo_ops_published_full-cycle_EP1000000.xml");
    expect(cycle.map((r) => r.patentNumber)).toEqual(["EP1000000A1", "EP1000000B1"]);
    expect(cycle[0]).toMatchObject({ title: "Apparatus for manufacturing green bricks for the brick manufacturing industry", countries: ["NL"] });
  });

  it("gives the same results whether the bytes come in 7-byte or 64 KB chunks", async () => {
    for (const file of [...USPTO_XML, APS, ...EP_BIBLIOGRAPHIC, ...EP_WITHOUT_BIBLIO.map(([f]) => f)]) {
      const bytes = fixtureBytes(file);
      const small = await collect((await readRecords(sliced(bytes, 7))).records);
      const large = await collect((await readRecords(sliced(bytes, 65536))).records);
      expect(small, file).toEqual(large);
    }
  });

  describe("a weekly bulk file cut inside its fifth document", () => {
    const text = () => fixtureBytes("patents-uspto/ipgb20221025_bulk_11grants.xml").toString("utf8");
    const starts = (t: string) => [...t.matchAll(/\n<\?xml /g)].map((m) => m.index + 1);
    const summary = (results: ReadResult[]) => results.map((r) => (r.ok ? r.record.patentNumber : `error@${r.line}`));

    it("keeps the four documents before the cut and reports the cut", async () => {
      const t = text();
      const { results } = await readAll(t.slice(0, starts(t)[3] + 3000));
      expect(summary(results)).toEqual(["US11617522B2", "USD967598S1", "USD967598S1", "USPP34694P2", "error@3206"]);
      expect(!results[4].ok && results[4].message).toMatch(/^Record 5 \(line 3206\) is cut off: the file ends before <us-patent-grant> is closed/);
    });

    it("reads the documents after a broken one", async () => {
      const t = text();
      const [fifth, sixth] = [starts(t)[3], starts(t)[4]];
      const { results } = await readAll(`${t.slice(0, fifth + 3000)}\n${t.slice(sixth)}`);
      expect(results).toHaveLength(11);
      expectPositions(results);
      expect(summary(results)[4]).toBe("error@3206");
      expect(results.filter((r) => r.ok)).toHaveLength(10);
    });
  });
});

describe("patent readers on small inputs", () => {
  it("reads several APS patents in one file, a foreign inventor's country and an assignee", async () => {
    const aps = (wku: string, title: string) =>
      `PATN\nWKU  ${wku}\nTTL  ${title}\nISD  19800101\nINVT\nNAM  Tanaka; Taro\nCTY  Tokyo\nCNT  JPX\nASSG\nNAM  Sony Corporation\nCTY  Tokyo\nCNT  JPX\nCLAS\nICL  H01L 21312\nABST\nPAL  First line\n      continued.\nDETD\nPAR  Long description that is not kept.\n`;
    const { format, results } = await readAll(`HHHHHT  APS1\n${aps("042000001", "One")}${aps("D02600002", "Two")}`);
    expect(format).toBe("uspto-aps");
    const [one, two] = okRecords(results);
    expect(one).toMatchObject({ patentNumber: "US4200000", countries: ["JP"], assignees: ["Sony Corporation"], classifications: ["H01L 21/312"], abstract: "First line continued." });
    expect(two).toMatchObject({ title: "Two", patentNumber: "USD260000" });
    expect(JSON.stringify(one.raw)).not.toContain("Long description");
    expect(results.map((r) => r.line)).toEqual([2, 21]);
  });

  it("answers USPTO XML without a patent document with one clear error", async () => {
    const empty = '<?xml version="1.0"?>\n<us-patent-grants/>';
    const { results } = await readAll(empty, { format: "uspto-xml" });
    expect(results).toEqual([{ ok: false, position: 1, message: expect.stringContaining("holds no patent document") }]);
  });
});
