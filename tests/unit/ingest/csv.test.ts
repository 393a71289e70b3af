import { describe, expect, it } from "vitest";
import { detectDelimiter, looksLikeCsv } from "@/lib/ingest/csv";
import { splitAuthorCell, splitRunTogetherNames } from "@/lib/ingest/csv-mapping";
import { kindFromLabel } from "@/lib/ingest/csv-row";
import { okRecords, readAll } from "./helpers";

describe("CSV import", () => {
  it("maps common header names case-insensitively", async () => {
    const text = "TITLE,Abstract,year,Authors,Keywords,DOI,Type,Country,ID\n" +
      'Graphene sensors,"<p>Fast &amp; cheap.</p>",2020,"Smith, J.; Doe, A.",a; b,doi:10.1000/XY,conference paper,Germany,r-1\n';
    const { format, results } = await readAll(text);
    const [record] = okRecords(results);
    expect(format).toBe("csv");
    expect(record).toMatchObject({
      title: "Graphene sensors", abstract: "Fast & cheap.", year: 2020, keywords: ["a", "b"], doi: "10.1000/xy",
      kind: "CONFERENCE_PAPER", countries: ["DE"], externalId: "r-1",
    });
    expect(record.authors.map((a) => a.family)).toEqual(["Smith", "Doe"]);
  });

  it("keeps a quoted field that spans lines and reports where each row starts", async () => {
    const text = 'Title,Abstract\n"A","line one\nline two"\n\nB,x\n';
    const { results } = await readAll(text);
    expect(results.map((r) => [r.position, r.line])).toEqual([[1, 2], [2, 5]]);
    expect(okRecords(results)[0].abstract).toBe("line one line two");
  });

  it("imports a row with more fields than the header and keeps the surplus cells", async () => {
    const { results } = await readAll("Title,Year\nA,2020,surplus\nB,2021\n");
    const records = okRecords(results);
    expect(records.map((r) => [r.title, r.year])).toEqual([["A", 2020], ["B", 2021]]);
    expect(records[0].raw).toEqual({ Title: "A", Year: "2020", _surplus: ["surplus"] });
  });

  it("realigns Scopus rows whose unnamed extra funding text shifts the later columns", async () => {
    const header = "Authors,Title,Year,Source title,Funding Text 1,Document Type,EID";
    const text = `${header}\nLiu F.,A,2020,J,grant,,Article,2-s2.0-1\nLi C.,B,2021,J,,Review,2-s2.0-2\n`;
    const records = okRecords((await readAll(text)).results);
    expect(records.map((r) => r.externalId)).toEqual(["2-s2.0-1", "2-s2.0-2"]);
    expect(records[0].raw).toMatchObject({ "Document Type": "Article", _surplus: [""] });
  });

  it("drops Scopus placeholders for a missing abstract or author", async () => {
    const header = "Authors,Title,Year,Source title,Abstract,EID";
    const text = `${header}\n[No author name available],A,2020,J,[No abstract available],2-s2.0-1\n`;
    const [record] = okRecords((await readAll(text)).results);
    expect(record).toMatchObject({ title: "A", abstract: "", authors: [] });
  });

  it("detects semicolon and tab delimiters from the header", async () => {
    const semicolon = okRecords((await readAll("Title;Year;Keywords\nA, with comma;2020;x, y\n")).results);
    expect(semicolon[0]).toMatchObject({ title: "A, with comma", year: 2020, keywords: ["x", "y"] });
    const tab = okRecords((await readAll("Title\tYear\nB\t2021\n")).results);
    expect(tab[0]).toMatchObject({ title: "B", year: 2021 });
  });

  it("strips a BOM and quotes from the first header name", async () => {
    const bytes = new TextEncoder().encode('\uFEFF"Title","Year"\nA,2020\n');
    const { results } = await readAll((async function* () { yield bytes; })());
    expect(okRecords(results)[0]).toMatchObject({ title: "A", year: 2020 });
  });

  it("uses an explicit mapping for headers it would not guess", async () => {
    const text = "Heading,When,Who\nA,2019-05-04,Kim Y.\n";
    const { results } = await readAll(text, { format: "csv", mapping: { title: "heading", publishedOn: "When", authors: "Who" } });
    expect(okRecords(results)[0]).toMatchObject({ title: "A", publishedOn: "2019-05-04", year: 2019 });
  });

  it("fails clearly when the header has no title column", async () => {
    const { records } = await (await import("@/lib/ingest/read-records")).readRecords(
      (async function* () { yield new TextEncoder().encode("Name,Year\nA,2020\n"); })(),
      { format: "csv" },
    );
    await expect(records.next()).rejects.toThrow(/no title column/);
  });

  it("refuses a header wider than any table export at once, and reads one at the limit", async () => {
    const read = async (header: string) =>
      (await import("@/lib/ingest/read-records")).readRecords(
        (async function* () { yield new TextEncoder().encode(`${header}\nA,2020\n`); })(),
        { format: "csv" },
      );
    const wide = await read("Title,Year" + ",".repeat(1_999));
    await expect(wide.records.next()).rejects.toThrow("The CSV header has 2001 columns; a table export has at most 2000");
    const widest = await read("Title,Year" + ",".repeat(1_998));
    expect((await widest.records.next()).value).toMatchObject({ ok: true, record: { title: "A", year: 2020 } });
  });

  it("gives rows without a type the kind chosen for the file, and keeps the type a row states", async () => {
    const { results } = await readAll("Title,Type,Year\nFlood forecasting goes local,,2021\nA patent on sensors,Patent,2022\n", { format: "csv", defaultKind: "NEWS" });
    expect(okRecords(results).map((r) => r.kind)).toEqual(["NEWS", "PATENT"]);
    const { results: unchosen } = await readAll("Title,Year\nFlood forecasting goes local,2021\n", { format: "csv" });
    expect(okRecords(unchosen).map((r) => r.kind)).toEqual(["OTHER"]);
  });

  it("reports a row without a title and goes on", async () => {
    const { results } = await readAll("Title,Year\nA,2020\n,2021\nC,2022\n");
    expect(results[1]).toEqual({ ok: false, position: 2, line: 3, message: "Record 2 (line 3) has no title" });
    expect(results).toHaveLength(3);
  });

  it("reports an unclosed quote as an error result after the rows before it", async () => {
    const { results } = await readAll('Title,Year\nA,2020\nB,2021\n"C,2022\nD,2023\n');
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toMatchObject({ position: 3, line: 4, message: expect.stringContaining("Quote Not Closed") });
  });
});

describe("CSV helpers", () => {
  it("picks the most frequent delimiter outside quotes", () => {
    expect(detectDelimiter('"a;b",c,d')).toBe(",");
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a\tb")).toBe("\t");
  });

  it("recognises a CSV only by a title-like header", () => {
    expect(looksLikeCsv('"Document Title",Authors\n')).toBe(true);
    expect(looksLikeCsv("Name,Year\n")).toBe(false);
  });

  it("splits Scopus author lists in all three historical layouts", () => {
    expect(splitAuthorCell("Liu F.; Li C.")).toEqual(["Liu F.", "Li C."]);
    expect(splitAuthorCell("Phillips J.C., Braun R.")).toEqual(["Phillips J.C.", "Braun R."]);
    expect(splitAuthorCell("Pan, Y., Yu, C., Wang, B.")).toEqual(["Pan, Y.", "Yu, C.", "Wang, B."]);
  });

  it("separates SpringerLink's run-together names without breaking names like McDonald", () => {
    expect(splitRunTogetherNames("Araz R. AlievNigar T. Ismayilova")).toEqual(["Araz R. Aliev", "Nigar T. Ismayilova"]);
    expect(splitRunTogetherNames("Prof. Dr. Janusz KacprzykJohn McDonald")).toEqual(["Janusz Kacprzyk", "John McDonald"]);
  });

  it("maps document-type labels to kinds", () => {
    expect(kindFromLabel("Conference Paper", "OTHER")).toBe("CONFERENCE_PAPER");
    expect(kindFromLabel("IEEE Magazines", "OTHER")).toBe("PAPER");
    expect(kindFromLabel("Book", "PAPER")).toBe("OTHER");
    expect(kindFromLabel("", "PAPER")).toBe("PAPER");
  });
});
