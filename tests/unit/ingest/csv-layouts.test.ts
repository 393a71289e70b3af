import { statSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { looksLikeCsv } from "@/lib/ingest/csv";
import { usDate } from "@/lib/ingest/csv-layouts";
import { layoutForHeaders } from "@/lib/ingest/csv-mapping";
import { readRecords } from "@/lib/ingest/read-records";
import { collect, okRecords, readAll, sliced } from "./helpers";
import { fixturePath, fixturesPresent, importFixture, provenance, readFixture, requireSharedFixtures } from "./shared-fixtures";

requireSharedFixtures("CSV layout fixture tests");

describe("CSV layouts", () => {
  it("reads US month/day/year dates with POSIX two-digit years", () => {
    expect(usDate("4/2/15")).toBe("2015-04-02");
    expect(usDate("11/11/97")).toBe("1997-11-11");
    expect(usDate("1/1/68")).toBe("2068-01-01");
    expect(usDate("1/1/69")).toBe("1969-01-01");
    expect(usDate("12/31/2004")).toBe("2004-12-31");
    expect(usDate("2015-04-02")).toBe("2015-04-02");
  });

  it("picks each layout by its signature columns", () => {
    expect(layoutForHeaders(["id", "display_name", "publication_year", "doi"]).id).toBe("openalex");
    expect(layoutForHeaders(["Lens ID", "Title", "Source Title", "Author/s"]).id).toBe("lens");
    expect(layoutForHeaders(["#", "Jurisdiction", "Publication Number", "Lens ID", "Title"]).id).toBe("lens-patent");
    expect(layoutForHeaders(["id", "title", "assignee", "inventor/author"]).id).toBe("google-patents");
    expect(layoutForHeaders(["Title", "Year"]).id).toBe("generic");
  });

  it("detects a CSV whose header follows a Google Patents 'search URL:' line", () => {
    expect(looksLikeCsv('search URL:,"https://patents.google.com/?q=x",,\nid,title,assignee\nUS1A,T,A\n')).toBe(true);
    expect(looksLikeCsv("search URL:,x\nfoo,bar\n")).toBe(false);
  });

  it("skips the 'search URL:' line and numbers rows from the top of the file", async () => {
    const text = 'search URL:,"https://patents.google.com/?q=a,b",,\nid,title,assignee,inventor/author,publication date\n' +
      'US1A,First,Acme Inc,"Ann Lee, Bo Li",4/2/15\nUS2B,,Acme,,\nUS3C,Third,Acme,,1/2/99\n';
    const { format, results } = await readAll(text);
    expect(format).toBe("csv");
    expect(results.map((r) => [r.position, r.line, r.ok])).toEqual([[1, 3, true], [2, 4, false], [3, 5, true]]);
    const [first, third] = okRecords(results.filter((r) => r.ok));
    expect(first).toMatchObject({
      kind: "PATENT", patentNumber: "US1A", assignees: ["Acme Inc"], publishedOn: "2015-04-02", year: 2015,
    });
    expect(first.authors.map((a) => a.full)).toEqual(["Ann Lee", "Bo Li"]);
    expect(third.publishedOn).toBe("1999-01-02");
  });

  it("splits OpenAlex '|' lists and Lens patent ';;' lists", async () => {
    const openalex = 'id,display_name,publication_year,authorships.author.display_name,authorships.countries,authorships.institutions.display_name\n' +
      'W1,T,2020,A B|C D,IT|DE,Univ X|Univ Y\n';
    const [work] = okRecords((await readAll(openalex)).results);
    expect(work).toMatchObject({ countries: ["IT", "DE"], externalId: "W1", kind: "PAPER" });
    expect(work.authors.map((a) => a.full)).toEqual(["A B", "C D"]);
    expect(work.affiliations.map((a) => a.raw)).toEqual(["Univ X", "Univ Y"]);

    const lens = "#,Jurisdiction,Kind,Publication Number,Lens ID,Publication Date,Publication Year,Title,Applicants,Inventors\n" +
      "1,US,A1,US 2015/0123 A1,001-002,4/30/15,2015,T,FORD GLOBAL TECH LLC;;GOOGLE INC,SMITH JOHN;;DOE JANE\n";
    const [patent] = okRecords((await readAll(lens)).results);
    expect(patent).toMatchObject({ kind: "PATENT", patentNumber: "US2015/0123A1", publishedOn: "2015-04-30" });
    expect(patent.assignees).toEqual(["FORD GLOBAL TECH LLC", "GOOGLE INC"]);
    expect(patent.authors.map((a) => a.full)).toEqual(["SMITH JOHN", "DOE JANE"]);
  });
});

describe.skipIf(!fixturesPresent)("CSV layout fixtures", () => {
  const FILES: [file: string, layout: string][] = [
    ["openalex/bibliometrix_openalex_sample.csv", "openalex"],
    ["patents-lens/bibliometrix_lens_scholarly_sample.csv", "lens"],
    ["patents-lens/patentr_lens_autonomous_search.csv", "lens-patent"],
    ["patents-google/patentr_google_autonomous_search.csv", "google-patents"],
    ["scopus/tethne_scopus.csv", "scopus"],
    ["scopus/litstudy_scopus.csv", "scopus"],
    ["scopus/bibliometrix_scopus_sample.csv", "scopus"],
    ["scopus/metaknowledge_scopus_first60.csv", "scopus"],
  ];

  /** The header row as csv-parse reads it (the Google export has its search URL on the line above). */
  function headerOf(file: string): string[] {
    const lines = readFixture(file).toString("latin1").replace(/^\uFEFF|^ï»¿/, "").split(/\r?\n/);
    const line = lines[0].startsWith("search URL:") ? lines[1] : lines[0];
    return (parse(line) as string[][])[0];
  }

  for (const [file, layout] of FILES) {
    it(`imports ${file} with the ${layout} layout and the record count PROVENANCE.md states, without errors`, async () => {
      const stated = provenance().get(file);
      expect(stated, `${file} has no row in PROVENANCE.md`).toBeDefined();
      expect(statSync(fixturePath(file)).size).toBe(stated?.bytes);
      expect(layoutForHeaders(headerOf(file)).id).toBe(layout);
      const { format, results } = await importFixture(file);
      expect(format).toBe("csv");
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results).toHaveLength(stated?.records ?? -1);
      expect(results.map((r) => r.position)).toEqual(results.map((_, i) => i + 1));
    });
  }

  it("reads the OpenAlex web export's fields", async () => {
    const [first] = okRecords((await importFixture("openalex/bibliometrix_openalex_sample.csv")).results);
    expect(first).toMatchObject({
      kind: "PAPER", title: "bibliometrix : An R-tool for comprehensive science mapping analysis",
      publishedOn: "2017-09-12", year: 2017, doi: "10.1016/j.joi.2017.08.007", citationCount: 13235,
      venue: "Journal of Informetrics", countries: ["IT"], keywords: ["Data Analysis with R"], language: "en",
      externalId: "https://openalex.org/W2755950973",
    });
    expect(first.authors.map((a) => a.full)).toEqual(["Massimo Aria", "Corrado Cuccurullo"]);
    expect(first.affiliations.map((a) => a.raw)).toEqual([
      "University of Naples Federico II", 'University of Campania "Luigi Vanvitelli"',
    ]);
  });

  it("reads the Lens scholarly export's fields", async () => {
    const [first, second] = okRecords((await importFixture("patents-lens/bibliometrix_lens_scholarly_sample.csv")).results);
    expect(first).toMatchObject({
      kind: "PAPER", publishedOn: "2020-11-22", year: 2020, venue: "Environment systems & decisions",
      pmid: "33251087", doi: "10.1007/s10669-020-09792-x", citationCount: 10, externalId: "000-360-106-493-122",
    });
    expect(first.title).toMatch(/^Dynamic real-time risk analytics of uncontrollable states/);
    expect(first.authors[0].full).toBe("Petar Radanliev");
    expect(first.keywords).toContain("Cyber risk regulations"); // Keywords
    expect(first.keywords).toContain("Risk assessment"); // Fields of Study
    expect(second.pmid).toBeNull(); // "NA"
  });

  it("reads the Lens patent export's numbers, parties, classifications and US dates", async () => {
    const records = okRecords((await importFixture("patents-lens/patentr_lens_autonomous_search.csv")).results);
    expect(records.every((r) => r.kind === "PATENT" && r.patentNumber && r.year)).toBe(true);
    expect(records[0]).toMatchObject({
      title: "Autonomes Fahrzeug-unterhaltungssystem", patentNumber: "DE102014219223A1", publishedOn: "2015-04-02",
      year: 2015, assignees: ["FORD GLOBAL TECH LLC"], citationCount: 0, externalId: "159-160-211-027-81X",
    });
    expect(records[0].authors.map((a) => a.full)).toEqual(["CUDDIHY MARK A", "RAO MANOHARPRASAD K", "LE JIALIANG"]);
    expect(records[0].classifications).toHaveLength(7); // 6 CPC + 1 IPC
    expect(records[0].raw).toMatchObject({ "Priority Numbers": "US 201314042670 A 20130930", "Application Date": "9/24/14" });
  });

  it("reads the Google Patents export after its search URL line", async () => {
    const { results } = await importFixture("patents-google/patentr_google_autonomous_search.csv");
    expect(results[0].line).toBe(3);
    const records = okRecords(results);
    expect(records[0]).toMatchObject({
      kind: "PATENT", title: "Use of mutter mode in asset tracking for gathering data from cargo sensors",
      patentNumber: "US5686888A", assignees: ["General Electric Company"], publishedOn: "1997-11-11", year: 1997,
    });
    expect(records[0].authors.map((a) => a.full)).toEqual(["Brakeley Welles II Kenneth", "John Erik Hershey"]);
    expect(records.every((r) => /^[A-Z]{2}[A-Z]?\d+[A-Z]\d?$/.test(r.patentNumber ?? ""))).toBe(true); // incl. "JPH06289931A"
  });

  it("covers the Scopus fields in all four Scopus CSV layouts", async () => {
    const read = async (file: string) => okRecords((await importFixture(file)).results);
    const [tethne, litstudy, bibliometrix, metaknowledge] = await Promise.all(
      FILES.filter(([, layout]) => layout === "scopus").map(([file]) => read(file)),
    );
    for (const records of [tethne, litstudy, bibliometrix, metaknowledge]) {
      expect(records.every((r) => /^2-s2\.0-\d+$/.test(r.externalId ?? ""))).toBe(true);
      expect(records.filter((r) => r.doi).length).toBeGreaterThan(records.length / 2);
      expect(records.filter((r) => r.countries.length > 0).length).toBeGreaterThan(records.length / 2);
    }
    expect(tethne[0]).toMatchObject({ doi: "10.1016/j.ecolind.2015.06.017", externalId: "2-s2.0-84937605616", countries: ["CN"] });
    expect(tethne[0].keywords).toEqual(expect.arrayContaining(["HANPP", "Biodiversity"])); // author + index keywords
    expect(tethne[0].authors.slice(0, 2).map((a) => a.full)).toEqual(["Pan, Y.", "Yu, C."]);
    expect(litstudy[0].affiliations[0]).toMatchObject({ country: "US" });
    expect(litstudy[2]).toMatchObject({ pmid: "35064163" });
    expect(bibliometrix[1]).toMatchObject({ pmid: "41494690", countries: ["GH"] });
    expect(bibliometrix[1].keywords).toEqual(expect.arrayContaining(["African optometry", "Africa"]));
    expect(bibliometrix[0].pmid).toBeNull(); // "NA"
    expect(metaknowledge[0].keywords).toEqual(expect.arrayContaining(["complex bending", "Carbon"]));
    expect(metaknowledge[15]).toMatchObject({ pmid: "3546744", doi: "10.1001/jama.1987.03390100095033" });
  });

  it("keeps the litstudy Scopus columns aligned on its 56 long rows and loses no cell", async () => {
    const records = okRecords((await importFixture("scopus/litstudy_scopus.csv")).results);
    const long = records.filter((r) => "_surplus" in r.raw);
    expect(long).toHaveLength(56);
    expect(long.every((r) => r.raw["Document Type"] && /^2-s2\.0-/.test(String(r.raw.EID)))).toBe(true);
  });

  it("gives the same records whether the bytes come in 7-byte or 64 KB chunks", async () => {
    for (const [file] of FILES.slice(0, 4)) {
      const bytes = readFixture(file);
      const small = await collect((await readRecords(sliced(bytes, 7))).records);
      const large = await collect((await readRecords(sliced(bytes, 65536))).records);
      expect(small, file).toEqual(large);
    }
  });

  it("reports a row without a title in the middle of a real export with its line, and imports the rest", async () => {
    const lines = readFixture("patents-google/patentr_google_autonomous_search.csv").toString("latin1").split("\r\n");
    lines.splice(100, 0, "US9999999B2,,Acme,Someone,1/1/10,1/1/10,1/1/11,,https://patents.google.com/patent/US9999999B2/en");
    const { results } = await readAll(lines.join("\r\n"));
    expect(results).toHaveLength(317);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, position: 99, line: 101, message: "Record 99 (line 101) has no title" },
    ]);
    expect(results.map((r) => r.position)).toEqual(results.map((_, i) => i + 1));
  });
});
