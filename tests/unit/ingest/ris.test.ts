import { describe, expect, it } from "vitest";
import { looksLikeRis } from "@/lib/ingest/ris";
import { okRecords, readAll } from "./helpers";

const TWO_RECORDS = [
  "TY  - JOUR",
  "TI  - Solid-state batteries",
  "AU  - Smith, John A.",
  "AU  - Doe, Jane",
  "KW  - batteries",
  "KW  - electrolytes",
  "AB  - First line of the abstract",
  "continues here.",
  "PY  - 2021",
  "DO  - https://doi.org/10.1000/ABC.123",
  "ER  - ",
  "",
  "TY  - CONF",
  "T1  - Perovskite cells",
  "A1  - Lee K.",
  "Y1  - 2019/07/02/",
  "ER  -",
  "",
].join("\n");

describe("RIS import", () => {
  it("reads tags, accumulates repeated tags and appends continuation lines", async () => {
    const { format, results } = await readAll(TWO_RECORDS);
    const [first, second] = okRecords(results);
    expect(format).toBe("ris");
    expect(first.title).toBe("Solid-state batteries");
    expect(first.authors).toEqual([
      { full: "Smith, John A.", family: "Smith", given: "John A." },
      { full: "Doe, Jane", family: "Doe", given: "Jane" },
    ]);
    expect(first.keywords).toEqual(["batteries", "electrolytes"]);
    expect(first.abstract).toBe("First line of the abstract continues here.");
    expect(first.doi).toBe("10.1000/abc.123");
    expect(first.year).toBe(2021);
    expect(first.raw).toMatchObject({ AU: ["Smith, John A.", "Doe, Jane"] });
    expect(second).toMatchObject({ kind: "CONFERENCE_PAPER", title: "Perovskite cells", publishedOn: "2019-07-02" });
  });

  it("reports positions and starting lines", async () => {
    const { results } = await readAll(TWO_RECORDS);
    expect(results.map((r) => [r.position, r.line])).toEqual([[1, 1], [2, 13]]);
  });

  it("gives the same records for CRLF and lone-CR line ends", async () => {
    const lf = okRecords((await readAll(TWO_RECORDS)).results);
    expect(okRecords((await readAll(TWO_RECORDS.replaceAll("\n", "\r\n"))).results)).toEqual(lf);
    expect(okRecords((await readAll(TWO_RECORDS.replaceAll("\n", "\r"))).results)).toEqual(lf);
  });

  it("keeps the last record when the file ends without ER", async () => {
    const { results } = await readAll("TY  - JOUR\nTI  - Only one\nPY  - 2020");
    expect(okRecords(results).map((r) => r.title)).toEqual(["Only one"]);
  });

  it("closes a record at the next TY when its ER is missing", async () => {
    const { results } = await readAll("TY  - JOUR\nTI  - A\nTY  - JOUR\nTI  - B\nER  - \n");
    expect(okRecords(results).map((r) => r.title)).toEqual(["A", "B"]);
  });

  it("reports a record without a title with its position and keeps importing the others", async () => {
    const text = "TY  - JOUR\nTI  - A\nER  - \nTY  - JOUR\nAU  - Nobody\nER  - \nTY  - JOUR\nTI  - C\nER  - \n";
    const { results } = await readAll(text);
    expect(results).toHaveLength(3);
    expect(results[1]).toEqual({ ok: false, position: 2, line: 4, message: "Record 2 (line 4) has no title" });
    expect(results.filter((r) => r.ok).map((r) => r.position)).toEqual([1, 3]);
  });

  it("skips Ovid's record counters and keeps a tag written after ER with its record", async () => {
    const text = "1.\nTY  - JOUR\nT1  - A\nER  -\nNL  - J Health Psychol\n\nLink to Ovid\n\n2.\nTY  - JOUR\nT1  - B\nER  -\n";
    const [a, b] = okRecords((await readAll(text)).results);
    expect(a.raw).toMatchObject({ T1: ["A"], NL: ["J Health Psychol"] });
    expect(b.raw).toEqual({ TY: ["JOUR"], T1: ["B"] });
  });

  it("maps TY codes to document kinds", async () => {
    const types = ["JOUR", "ABST", "CPAPER", "PAT", "MGZN", "GRANT", "BILL", "BOOK"];
    const text = types.map((ty) => `TY  - ${ty}\nTI  - t\nER  - \n`).join("");
    const kinds = okRecords((await readAll(text)).results).map((r) => r.kind);
    expect(kinds).toEqual(["PAPER", "PAPER", "CONFERENCE_PAPER", "PATENT", "NEWS", "PROJECT", "POLICY", "OTHER"]);
  });

  it("takes PubMed ids from Scopus C2 and Embase C5, and Scopus' EID from the link", async () => {
    const scopus = "TY  - JOUR\nTI  - S\nC2  - 31421429\nDB  - Scopus\nUR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-85070226738&doi=x\nER  - \n";
    const embase = "TY  - JOUR\nT1  - E\nC5  - 15368318\nDB  - Embase\nDB  - Medline\nER  - \n";
    const [s] = okRecords((await readAll(scopus)).results);
    const [e] = okRecords((await readAll(embase)).results);
    expect([s.pmid, s.externalId]).toEqual(["31421429", "2-s2.0-85070226738"]);
    expect(e.pmid).toBe("15368318");
  });

  it("reads the citation count from a Scopus note and countries from affiliations", async () => {
    const text = "TY  - JOUR\nTI  - X\nN1  - Cited By :12\nAD  - Tsinghua Univ, Beijing 100084, Peoples R China\nAD  - MIT, Cambridge, MA, United States\nER  - \n";
    const [record] = okRecords((await readAll(text)).results);
    expect(record.citationCount).toBe(12);
    expect(record.countries).toEqual(["CN", "US"]);
  });
});

describe("looksLikeRis", () => {
  it("accepts a TY line after a record counter and rejects WoS tagged text", () => {
    expect(looksLikeRis("1.\nTY  - JOUR\nT1  - x\n")).toBe(true);
    expect(looksLikeRis("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI x\n")).toBe(false);
  });
});
