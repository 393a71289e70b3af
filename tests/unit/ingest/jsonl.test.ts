import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ZCsvMapping } from "@/lib/ingest/csv-mapping";
import { looksLikeJsonl } from "@/lib/ingest/jsonl";
import { valuesAt } from "@/lib/ingest/jsonl-fields";
import { readRecords } from "@/lib/ingest/read-records";
import { collect, okRecords, readAll, sliced } from "./helpers";
import { DATA, fixturePath, fixturesPresent, importFixture, provenance, readFixture, requireSharedFixtures } from "./shared-fixtures";

requireSharedFixtures("JSON Lines fixture tests");

describe("JSON Lines import", () => {
  it("maps the common keys, authors given as strings or as objects, and Crossref-style values", async () => {
    const text = [
      JSON.stringify({
        id: "r1", title: "Graphene sensors", summary: "<p>Fast &amp; cheap.</p>", publication_year: 2020,
        authors: ["Smith, J.", "Doe, A."], keywords: "a; b", type: "conference paper", country: "Germany",
        doi: "https://doi.org/10.1000/XY", cited_by_count: 7,
      }),
      JSON.stringify({
        title: ["A Crossref title"], author: [{ given: "Ana", family: "Lima", affiliation: [{ name: "Univ X, Lisbon, Portugal" }] }],
        issued: { "date-parts": [[2019, 7, 2]] }, "container-title": ["J. Test"], type: "journal-article",
        "is-referenced-by-count": 3, subject: ["Optics", "Physics"],
      }),
      JSON.stringify({ text: "Only a text", year: "2011", title: "T3", authorships: [{ author: { display_name: "Kim Y" } }] }),
    ].join("\n");
    const { format, results } = await readAll(text);
    expect(format).toBe("jsonl");
    const [first, second, third] = okRecords(results);
    expect(first).toMatchObject({
      title: "Graphene sensors", abstract: "Fast & cheap.", year: 2020, keywords: ["a", "b"], kind: "CONFERENCE_PAPER",
      countries: ["DE"], doi: "10.1000/xy", externalId: "r1", citationCount: 7,
    });
    expect(first.authors.map((a) => a.family)).toEqual(["Smith", "Doe"]);
    expect(second).toMatchObject({
      title: "A Crossref title", publishedOn: "2019-07-02", year: 2019, venue: "J. Test", kind: "PAPER", citationCount: 3,
      keywords: ["Optics", "Physics"], countries: ["PT"],
    });
    expect(second.authors).toEqual([{ full: "Lima, Ana", family: "Lima", given: "Ana" }]);
    expect(third).toMatchObject({ abstract: "Only a text", year: 2011 });
    expect(third.authors.map((a) => a.full)).toEqual(["Kim Y"]);
    expect(first.raw).toMatchObject({ id: "r1", cited_by_count: 7 }); // the object as parsed
  });

  it("lets a user mapping name keys and dotted paths, overriding the defaults for those fields only", async () => {
    const line = JSON.stringify({
      meta: { heading: "Mapped title", when: "2018-05-04" }, title: "Default title", body: "Abstract text",
      people: [{ name: "Ana Lima" }, { name: "Bo Li" }], year: 1999,
    });
    const mapping = ZCsvMapping.parse({ title: "meta.heading", publishedOn: "meta.when", authors: "people.name", abstract: ["missing", "body"] });
    const [record] = okRecords((await readAll(line, { mapping })).results);
    expect(record).toMatchObject({ title: "Mapped title", publishedOn: "2018-05-04", year: 2018, abstract: "Abstract text" });
    expect(record.authors.map((a) => a.full)).toEqual(["Ana Lima", "Bo Li"]);
  });

  it("finds values at dotted paths through arrays, and at keys that contain dots", () => {
    const object = { a: { b: [{ c: 1 }, { c: [2, 3] }] }, "x.y": "dotted" };
    expect(valuesAt(object, "a.b.c")).toEqual([1, 2, 3]);
    expect(valuesAt(object, "x.y")).toEqual(["dotted"]);
    expect(valuesAt(object, "a.missing")).toEqual([]);
  });

  it("skips blank lines and reports a line that is not JSON or not an object with its line number", async () => {
    const text = '{"title": "A"}\n\n   \n{"title": "B", broken}\n[1, 2]\n"text"\n{"title": "C"}\n{"year": 2020}\n';
    const { results } = await readAll(text);
    expect(results.map((r) => [r.position, r.line, r.ok])).toEqual([
      [1, 1, true], [2, 4, false], [3, 5, false], [4, 6, false], [5, 7, true], [6, 8, false],
    ]);
    expect(results[1]).toMatchObject({ message: expect.stringMatching(/^Line 4 is not valid JSON/) });
    expect(results[2]).toMatchObject({ message: "Line 5 is not a JSON object" });
    expect(results[5]).toMatchObject({ message: "Record 6 (line 8) has no title" });
  });

  it("reads a last line without a newline, CRLF line ends and a BOM", async () => {
    const bytes = new TextEncoder().encode('\uFEFF{"title": "A"}\r\n{"title": "B"}');
    const { format, results } = await readAll((async function* () { yield bytes; })());
    expect(format).toBe("jsonl");
    expect(okRecords(results).map((r) => r.title)).toEqual(["A", "B"]);
  });

  it("is detected when the first non-blank line is a JSON object", () => {
    expect(looksLikeJsonl('\n{"title": "x"}\n{"title": "y"}\n')).toBe(true);
    expect(looksLikeJsonl('{\n  "title": "pretty-printed JSON"\n}\n')).toBe(false);
    expect(looksLikeJsonl('[{"title": "x"}]\n')).toBe(false);
    expect(looksLikeJsonl("title,year\n")).toBe(false);
  });
});

describe.skipIf(!fixturesPresent)("JSON Lines data", () => {
  const NEURIPS = path.join(DATA, "neurips_2007_2019_abstracts.jsonl.gz");

  /** Counts the non-blank lines of the gzipped file, independently of the importer. */
  async function countLines(file: string): Promise<number> {
    let lines = 0;
    let last = "";
    for await (const chunk of createReadStream(file).pipe(createGunzip())) {
      const text = (chunk as Buffer).toString("utf8");
      lines += text.split("\n").length - 1;
      last = text.length > 0 ? text : last;
    }
    return last.endsWith("\n") ? lines : lines + 1;
  }

  it("imports every line of the gzipped NeurIPS abstracts with a year and text", async () => {
    const expected = await countLines(NEURIPS);
    expect(expected).toBe(6361); // shared/data/PROVENANCE.md
    const { format, records } = await readRecords(createReadStream(NEURIPS).pipe(createGunzip()));
    expect(format).toBe("jsonl");
    const results = await collect(records);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(expected);
    expect(results.map((r) => r.position)).toEqual(results.map((_, i) => i + 1));
    const all = okRecords(results);
    expect(all.every((r) => r.year !== null && r.year >= 1997 && r.year <= 2019 && r.abstract.length > 100)).toBe(true);
    expect(all[0]).toMatchObject({
      externalId: "nips1997-0085", year: 1997, title: "Learning Generative Models with the Up Propagation Algorithm",
    });
    expect(all[0].abstract).toMatch(/^Up-propagation is an algorithm for inverting and learning neural network generative models/);
  });

  it("imports the Crossref JSON Lines snapshot with the record count PROVENANCE.md states", async () => {
    const file = "crossref/alexandria3k_snapshot_2025.jsonl";
    const stated = provenance().get(file);
    expect(statSync(fixturePath(file)).size).toBe(stated?.bytes);
    const { format, results } = await importFixture(file);
    expect(format).toBe("jsonl");
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(stated?.records ?? -1);
    expect(results.map((r) => r.position)).toEqual([1, 2, 3]);
    const [book, chapter, article] = okRecords(results);
    expect(book).toMatchObject({ title: "Conceptualizations of Africa", year: 2024, doi: "10.1007/978-3-031-74535-5" });
    expect(book.authors.map((a) => a.full)).toEqual(["Bangura, Abdul Karim", "Ifedi, JP Afamefuna"]); // editors
    expect(chapter).toMatchObject({ kind: "PAPER", venue: "New Directions in Cultural Policy Research" });
    expect(article).toMatchObject({ kind: "PAPER", publishedOn: "2025-02-28", venue: "JAMA" });
  });

  it("gives the same records whether the bytes come in 7-byte or 64 KB chunks", async () => {
    const bytes = readFixture("crossref/alexandria3k_snapshot_2025.jsonl");
    const small = await collect((await readRecords(sliced(bytes, 7))).records);
    const large = await collect((await readRecords(sliced(bytes, 65536))).records);
    expect(small).toEqual(large);
  });

  it("reports a broken line in the middle of a real file and imports the others", async () => {
    const lines = readFixture("crossref/alexandria3k_snapshot_2025.jsonl").toString("utf8").trimEnd().split("\n");
    lines.splice(1, 0, lines[1].slice(0, 200)); // a line cut short
    const { results } = await readAll(lines.join("\n"));
    expect(results.map((r) => [r.position, r.line, r.ok])).toEqual([[1, 1, true], [2, 2, false], [3, 3, true], [4, 4, true]]);
  });
});
