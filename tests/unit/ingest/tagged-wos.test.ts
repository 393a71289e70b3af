// Web of Science plain text and tab-delimited, and Derwent: field mapping checked against the files.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFormat } from "@/lib/ingest/detect";
import { ipcCode } from "@/lib/ingest/derwent";
import { MAX_RECORD_CHARS } from "@/lib/ingest/tagged-records";
import { addressesOf } from "@/lib/ingest/wos-fields";
import { okRecords, readAll } from "./helpers";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures", import.meta.url));
const present = existsSync(path.join(FIXTURES, "PROVENANCE.md"));
// Skipped without the fixtures, except in CI, where they must be present (the tests then fail).
const skipFixtures = !present && process.env.CI !== "true";

if (skipFixtures) console.info(`WoS and Derwent fixture tests skipped: ${FIXTURES} not found`);

async function fixtureRecords(file: string) {
  return okRecords((await readAll(createReadStream(path.join(FIXTURES, file)))).results);
}

const WOS = [
  "FN Clarivate Analytics Web of Science",
  "VR 1.0",
  "PT J",
  "AU Toh, ML",
  "   Lee, K",
  "AF Toh, Ming Liang",
  "   Lee, Kim",
  "TI Mapping the application of GIS in real",
  "   estate",
  "SO SURVEY REVIEW",
  "DT Article",
  "DE Word; GIS;",
  "   Real Estate",
  "C1 [Toh, Ming Liang] Univ Malaya, Fac Built Environm, Kuala Lumpur 50603, Malaysia.",
  "   [Lee, Kim] Tsinghua Univ, Beijing 100084, Peoples R China.",
  "TC 3",
  "Z9 5",
  "PD MAY 15",
  "PY 2021",
  "DI 10.1080/00396265.2021.1933756",
  "UT WOS:000654321000001",
  "ER",
  "",
].join("\n");

function wosRecord(pt: string, dt: string, title: string): string {
  return `PT ${pt}\nAU X, Y\nTI ${title}\nDT ${dt}\nER\n\n`;
}

describe("Web of Science plain text", () => {
  it("joins wrapped fields, reads one author and address per line and the full publication date", async () => {
    const { format, results } = await readAll(WOS);
    const [record] = okRecords(results);
    expect(format).toBe("wos");
    expect(record).toMatchObject({
      kind: "PAPER",
      title: "Mapping the application of GIS in real estate",
      authors: [
        { full: "Toh, Ming Liang", family: "Toh", given: "Ming Liang" },
        { full: "Lee, Kim", family: "Lee", given: "Kim" },
      ],
      keywords: ["Word", "GIS", "Real Estate"],
      countries: ["MY", "CN"],
      venue: "SURVEY REVIEW",
      citationCount: 3,
      publishedOn: "2021-05-15",
      year: 2021,
      doi: "10.1080/00396265.2021.1933756",
      externalId: "WOS:000654321000001",
    });
    expect(record.affiliations[0]).toMatchObject({ institution: "Univ Malaya", country: "MY" });
    expect(results[0].line).toBe(3);
  });

  it("maps PT and DT to document kinds", async () => {
    const text = [
      wosRecord("J", "Article", "a"),
      wosRecord("J", "Proceedings Paper", "b"),
      wosRecord("C", "Proceedings Paper", "c"),
      wosRecord("S", "Article; Proceedings Paper", "d"),
      wosRecord("S", "Article", "e"),
      wosRecord("B", "Book", "f"),
      wosRecord("P", "Patent", "g"),
    ].join("");
    const kinds = okRecords((await readAll(`FN Clarivate Analytics Web of Science\nVR 1.0\n${text}EF\n`)).results).map((r) => r.kind);
    expect(kinds).toEqual(["PAPER", "CONFERENCE_PAPER", "CONFERENCE_PAPER", "CONFERENCE_PAPER", "OTHER", "OTHER", "PATENT"]);
  });

  it("reports a record without a title with its position and line, and imports the others", async () => {
    const text = `FN x\nVR 1.0\n${wosRecord("J", "Article", "First")}PT J\nAU Nobody, N\nER\n\n${wosRecord("J", "Article", "Third")}EF`;
    const { results } = await readAll(text);
    expect(results).toHaveLength(3);
    expect(results[1]).toEqual({ ok: false, position: 2, line: 9, message: "Record 2 (line 9) has no title" });
    expect(okRecords([results[0], results[2]]).map((r) => r.title)).toEqual(["First", "Third"]);
  });

  it("closes a record at the next PT when its ER is missing, and keeps the last one without ER", async () => {
    const { results } = await readAll("PT J\nTI A\nAU X, Y\nPT J\nTI B\nAU X, Y\n");
    expect(okRecords(results).map((r) => r.title)).toEqual(["A", "B"]);
  });

  it("reports a record longer than the size limit without holding it, and reads on", async () => {
    const references = `CR ${"Smith J, 2001, J X, V1, P1\n   ".repeat(MAX_RECORD_CHARS / 30 + 1000)}`;
    const text = `PT J\nTI Huge\n${references}\nER\n${wosRecord("J", "Article", "Next")}`;
    const { results } = await readAll(text);
    expect(results[0]).toEqual({ ok: false, position: 1, line: 1, message: `Record 1 (line 1) is longer than ${MAX_RECORD_CHARS} characters` });
    expect(okRecords(results.slice(1)).map((r) => r.title)).toEqual(["Next"]);
  });

  it("drops the dangling comma and the placeholder accession number of converted CNKI records", async () => {
    const [record] = okRecords((await readAll("PT J\nAU 梁玖, \nAF 梁玖, \nTI 艺术学理论\nPY 2021\nUT CNKI:0\nER\n")).results);
    expect(record.authors).toEqual([{ full: "梁玖" }]);
    expect(record.externalId).toBeNull();
  });

  it("is told apart from RIS, MEDLINE and Derwent by its content", () => {
    expect(detectFormat("PT J\nAU Wodarz, S\nTI x\n")).toBe("wos");
    expect(detectFormat("FN Thomson Reuters Web of Science\nVR 1.0\nPT P\nPN US1-A\nTI x\nAU Y\n")).toBe("derwent");
    expect(detectFormat("TY  - JOUR\nTI  - x\nER  - \n")).toBe("ris");
    expect(detectFormat("PMID- 1\nTI  - x\nAU  - Y\n")).toBe("nbib");
    expect(detectFormat("PT J\n")).toBeNull(); // one tag line is not enough to tell
  });
});

describe("WoS C1 addresses", () => {
  it("splits at semicolons outside the bracketed author lists and drops those lists", () => {
    expect(addressesOf("[Lin, Y; Lee, S] Natl Cheng Kung Univ, Tainan, Taiwan; [Chen, J] Univ X, Taipei, Taiwan")).toEqual([
      "Natl Cheng Kung Univ, Tainan, Taiwan",
      "Univ X, Taipei, Taiwan",
    ]);
    expect(addressesOf("UNIV TRONDHEIM,INST THEORET PHYS,N-7034 TRONDHEIM,NORWAY.")).toEqual([
      "UNIV TRONDHEIM,INST THEORET PHYS,N-7034 TRONDHEIM,NORWAY.",
    ]);
  });
});

describe("Web of Science tab-delimited", () => {
  const header = "PT\tAU\tAF\tTI\tSO\tDT\tC1\tPD\tPY\tDI\tUT";
  const row = (title: string) =>
    `J\tDoe, J; Roe, R\tDoe, Jane; Roe, Rick\t${title}\tNATURE\tArticle\t[Doe, Jane] MIT, Cambridge, MA 02139 USA; [Roe, Rick] ETH, Zurich, Switzerland\tJAN\t2020\t10.1038/s41586-020-1\tWOS:1`;

  it("reads a header of field tags and one record per row, with quotes taken literally", async () => {
    const { format, results } = await readAll(`${header}\n${row('The "quoted" title')}\n`);
    const [record] = okRecords(results);
    expect(format).toBe("wos-tab");
    expect(record).toMatchObject({ title: 'The "quoted" title', countries: ["US", "CH"], year: 2020, doi: "10.1038/s41586-020-1" });
    expect(record.authors.map((a) => a.family)).toEqual(["Doe", "Roe"]);
    expect(results[0].line).toBe(2);
  });

  it("reports a cut-off row with its position and line and imports the rows around it", async () => {
    const text = `${header}\n${row("A")}\nJ\tDoe, J\tDoe, Jane\tB\n${row("C")}\n`;
    const { results } = await readAll(text);
    expect(results.map((r) => [r.ok, r.position, r.line])).toEqual([[true, 1, 2], [false, 2, 3], [true, 3, 4]]);
    expect(results[1]).toMatchObject({ message: "Record 2 (line 3) has 4 fields where the header has 11" });
  });
});

describe("Derwent", () => {
  const patent = (pd: string) =>
    `FN Thomson Reuters Web of Science\nVR 1.0\nPT P\nPN CN1636827-A; WO2005000001-A1\nTI Drone wing.\nAU GUO H\nAE GUO H (GUOH-Individual)\n${pd}PI CN10010001    12 Mar 2004\nUT DIIDW:2005735499\nER\nEF\n`;

  it("dates a patent by its first publication, or by its priority when no publication line has a date", async () => {
    const { format, results } = await readAll(patent("PD CN1636827-A   13 Jul 2005   B64C-003/10   200568   Pages: 6   Chinese\n"));
    expect(format).toBe("derwent");
    expect(okRecords(results)[0]).toMatchObject({ patentNumber: "CN1636827A", publishedOn: "2005-07-13", assignees: ["GUO H"] });
    const [undated] = okRecords((await readAll(patent(""))).results);
    expect(undated.publishedOn).toBe("2004-03-12");
  });

  it("writes IPC codes the usual way", () => {
    expect(ipcCode("B64C-027/04")).toBe("B64C 27/04");
    expect(ipcCode("A63H-000/00")).toBe("A63H");
    expect(ipcCode("G06F-017/30")).toBe("G06F 17/30");
  });
});

describe.skipIf(skipFixtures)("WoS and Derwent fixtures, checked against the files", () => {
  it("reads the single-article WoS export", async () => {
    const [record] = await fixtureRecords("wos/wostools_single-article.txt");
    expect(record).toMatchObject({
      kind: "PAPER",
      title: "Structural control of ultra-fine CoPt nanodot arrays via electrodeposition process",
      publishedOn: "2017-05-15",
      year: 2017,
      doi: "10.1016/j.jmmm.2017.01.061",
      externalId: "WOS:000397201600008",
      countries: ["JP"],
      venue: "JOURNAL OF MAGNETISM AND MAGNETIC MATERIALS",
    });
    expect(record.authors[0]).toEqual({ full: "Wodarz, Siggi", family: "Wodarz", given: "Siggi" });
    expect(record.affiliations.map((a) => a.institution)).toEqual(["Waseda Univ", "Akita Univ"]);
  });

  it("reads OnePaper.isi, whose record has a blank line before UT", async () => {
    const [record] = await fixtureRecords("wos/metaknowledge_OnePaper.isi");
    expect(record).toMatchObject({ pmid: "23460466", externalId: "WOS:000317623000007", citationCount: 4, year: 2013 });
    expect(record.keywords.slice(0, 2)).toEqual(["Mathematical practice", "Metaphor"]);
  });

  it("reads the tab-delimited export, a proceedings paper among the articles", async () => {
    const records = await fixtureRecords("wos-tab/scientopy_wos_2026_04_02_4071_tab.txt");
    expect(records[2]).toMatchObject({
      kind: "CONFERENCE_PAPER",
      title: "Live Demonstration: An AIoT Wearable ECG Patch with Decision Tree for Arrhythmia Analysis",
      year: 2019,
      doi: "10.1109/biocas.2019.8919138",
      countries: ["TW"],
      externalId: "WOS:000521751500110",
    });
    expect(records[2].authors[0]).toEqual({ full: "Lin, Yu-Jin", family: "Lin", given: "Yu-Jin" });
  });

  it("reads Derwent patents: basic patent number, inventors, assignees without codes, IPC and Derwent classes", async () => {
    const [first, second] = await fixtureRecords("patents-derwent/drones_data_derwent_DII_first50.ciw");
    expect(first).toMatchObject({
      kind: "PATENT",
      patentNumber: "AT200401202A",
      publishedOn: "2005-10-15",
      year: 2005,
      assignees: ["SCHIEBEL GMBH", "SCHIEBEL IND AG", "SCHIEBEL H"],
      externalId: "DIIDW:2005769953",
    });
    expect(first.title).toMatch(/^Unmanned helicopter for exploring area/);
    expect(first.abstract).toMatch(/^NOVELTY - The helicopter has a unit \(1\)/);
    expect(first.authors[0]).toEqual({ full: "SCHIEBEL H", family: "SCHIEBEL", given: "H" });
    expect(first.classifications).toEqual(expect.arrayContaining(["B64C 27/04", "A63H 27/133", "Q25", "W04-X03E1A"]));
    expect(second).toMatchObject({ patentNumber: "CN1636827A", assignees: ["GUO H"] });
  });
});
