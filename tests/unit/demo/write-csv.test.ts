import { describe, expect, it } from "vitest";
import { generateCorpus } from "@/lib/demo/generate-corpus";
import type { DemoRecord } from "@/lib/demo/types";
import { CSV_COLUMNS, csvField, toCsv } from "@/lib/demo/write-csv";
import { parseCsv } from "./rfc4180";

const { records } = generateCorpus({ seed: 9 });

const tricky: DemoRecord = {
  id: "x-1", kind: "NEWS", title: 'A "quoted", comma title', abstract: "Line one\r\nline two", year: 2020,
  date: "2020-05-01", authors: ["Doe, Jane", "Roe, Rick"], affiliations: [], countries: ["US", "CN"],
  keywords: ["a", "b"], themeId: "t", secondaryThemeId: "u",
};

describe("toCsv", () => {
  it("starts with the agreed header", () => {
    expect(toCsv([]).split("\r\n")[0]).toBe("id,kind,title,abstract,year,date,authors,keywords,doi,patent_number,countries");
  });

  it("parses back to one row per record, each with every column", () => {
    const rows = parseCsv(toCsv(records));
    expect(rows).toHaveLength(records.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it("round-trips titles, abstracts, list fields and identifiers", () => {
    const rows = parseCsv(toCsv(records)).slice(1);
    rows.forEach((row, i) => {
      const r = records[i];
      expect(row).toEqual([
        r.id, r.kind, r.title, r.abstract, String(r.year), r.date, r.authors.join("; "),
        r.keywords.join("; "), r.doi ?? "", r.patentNumber ?? "", r.countries.join("; "),
      ]);
    });
  });

  it("quotes commas, quotes and line breaks and ends every row with CRLF", () => {
    const text = toCsv([tricky]);
    expect(text.endsWith("\r\n")).toBe(true);
    const [, row] = parseCsv(text);
    expect(row[2]).toBe('A "quoted", comma title');
    expect(row[3]).toBe("Line one\r\nline two");
    expect(row[6]).toBe("Doe, Jane; Roe, Rick");
    expect(row[10]).toBe("US; CN");
  });
});

describe("csvField", () => {
  it("leaves plain values alone and quotes the rest with doubled quotes", () => {
    expect(csvField("plain value")).toBe("plain value");
    expect(csvField('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });
});
