// The pure parts of the exports: safe spreadsheet text, file and sheet names, and the CSV stream.
import { describe, expect, it } from "vitest";
import { safeText, xlsxValue, XLSX_CELL_MAX } from "@/lib/exports/cells";
import { fileSlug } from "@/lib/exports/get-export";
import { csvStream, sheetName } from "@/lib/exports/write-table";

describe("spreadsheet cells", () => {
  it("put an apostrophe before anything a spreadsheet could run as a formula, on any line", () => {
    expect(["=1+2", "+1", "-1", "@x", "\tx", "\rx", "  =x", "\u00a0@x", "ok\n=x"].map(safeText)).toEqual(["'=1+2", "'+1", "'-1", "'@x", "'\tx", "'\rx", "'  =x", "'\u00a0@x", "'ok\n=x"]);
    expect(["plain", "a=b", "", "email@x", "3-4"].map(safeText)).toEqual(["plain", "a=b", "", "email@x", "3-4"]);
  });

  it("cut text to Excel's cell limit and keep numbers, dates and empties as they are", () => {
    expect(safeText("x".repeat(XLSX_CELL_MAX + 10))).toHaveLength(XLSX_CELL_MAX);
    const date = new Date("2026-01-02T00:00:00Z");
    expect([xlsxValue(-2), xlsxValue(Number.NaN), xlsxValue(date), xlsxValue(null), xlsxValue(true)]).toEqual([-2, null, date, null, true]);
  });
});

describe("names", () => {
  it("make an ASCII file-name part from a study name", () => {
    expect(fileSlug("Demo: Emerging energy, computing and life-science technologies")).toBe("demo-emerging-energy-computing-and-life");
    expect(fileSlug("能源技术预见")).toBe("study");
    expect(fileSlug("Café  Über_2040")).toBe("cafe-uber-2040");
  });

  it("make a sheet name Excel accepts", () => {
    expect(sheetName("a/b:c*d?[e]")).toBe("a b c d  e ");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
  });
});

describe("CSV stream", () => {
  it("writes the header and every row, neutralised, after a byte-order mark", async () => {
    async function* rows() {
      for (let i = 0; i < 450; i++) yield [i, i === 7 ? "=evil()" : `row ${i}`, null];
    }
    const stream = csvStream({ name: "t", columns: [{ header: "n" }, { header: "text" }, { header: "empty" }], rows: rows() });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await new Response(stream).arrayBuffer()));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("\uFEFFn,text,empty");
    expect(lines).toHaveLength(1 + 450 + 1);
    expect(lines[8]).toBe("7,'=evil(),");
    expect(lines[450]).toBe("449,row 449,");
    expect(lines[451]).toBe("");
  });
});
