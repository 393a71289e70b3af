import { describe, expect, it } from "vitest";
import { generateCorpus } from "@/lib/demo/generate-corpus";
import type { DemoRecord } from "@/lib/demo/types";
import { toRis } from "@/lib/demo/write-ris";

const { records } = generateCorpus({ seed: 4 });

const patent: DemoRecord = {
  id: "p-1", kind: "PATENT", title: "Method\nwith a break", abstract: "An abstract.", year: 2021, date: "2021-03-09",
  authors: ["Kim, Min-jun"], affiliations: ["Hanbit Advanced Materials Co., Ltd., Suwon, South Korea"],
  countries: ["KR"], keywords: ["fuel cell"], patentNumber: "KR1020210000001A", themeId: "t", secondaryThemeId: "u",
};

describe("toRis", () => {
  const text = toRis(records);
  const lines = text.split("\r\n");

  it("ends exactly as many records as it starts, one per record", () => {
    expect(lines.filter((l) => l.startsWith("TY  - "))).toHaveLength(records.length);
    expect(lines.filter((l) => l === "ER  - ")).toHaveLength(records.length);
  });

  it("uses CRLF for every line end", () => {
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(text.endsWith("ER  - \r\n")).toBe(true);
  });

  it("writes only well-formed tag lines and blank separators", () => {
    for (const line of lines) if (line !== "") expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
  });

  it("maps kinds to RIS types and writes one AU and KW line per author and keyword", () => {
    const first = records[0];
    const block = toRis([first]).split("\r\n");
    const type = { PAPER: "JOUR", CONFERENCE_PAPER: "CONF", PATENT: "PAT", NEWS: "NEWS" }[first.kind];
    expect(block[0]).toBe(`TY  - ${type}`);
    expect(block.filter((l) => l.startsWith("AU  - "))).toEqual(first.authors.map((a) => `AU  - ${a}`));
    expect(block.filter((l) => l.startsWith("KW  - "))).toEqual(first.keywords.map((k) => `KW  - ${k}`));
    expect(block).toContain(`PY  - ${first.year}`);
    expect(block).toContain(`DA  - ${first.date.replaceAll("-", "/")}/`);
    expect(block).toContain(`AB  - ${first.abstract}`);
  });

  it("writes a patent as PAT with its number and keeps line breaks out of values", () => {
    const block = toRis([patent]).split("\r\n");
    expect(block[0]).toBe("TY  - PAT");
    expect(block).toContain("TI  - Method with a break");
    expect(block).toContain("SN  - KR1020210000001A");
    expect(block).toContain("DA  - 2021/03/09/");
    expect(block).toContain("AD  - Hanbit Advanced Materials Co., Ltd., Suwon, South Korea");
    expect(block.some((l) => l.startsWith("DO  - "))).toBe(false);
  });
});
