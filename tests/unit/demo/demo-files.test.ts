import { describe, expect, it } from "vitest";
import { demoFiles, generateCorpus } from "@/lib/demo/generate-corpus";
import { parseCsv } from "./rfc4180";

describe("demoFiles", () => {
  const files = demoFiles(2026);
  const [ris, csv] = files;
  const { records } = generateCorpus({ seed: 2026 });

  it("splits the demo into a RIS file of papers and a CSV file of patents and news", () => {
    expect(files.map((f) => f.name)).toEqual(["demo-papers.ris", "demo-patents-news.csv"]);
    const types = new Set(ris.content.split("\r\n").filter((l) => l.startsWith("TY  - ")));
    expect(types).toEqual(new Set(["TY  - JOUR", "TY  - CONF"]));
    const kinds = new Set(parseCsv(csv.content).slice(1).map((row) => row[1]));
    expect(kinds).toEqual(new Set(["PATENT", "NEWS"]));
  });

  it("puts every record of the corpus into exactly one of the two files", () => {
    const inRis = ris.content.split("\r\n").filter((l) => l === "ER  - ").length;
    const inCsv = parseCsv(csv.content).length - 1;
    expect(inRis + inCsv).toBe(records.length);
  });

  it("returns the same bytes for the same seed", () => {
    expect(demoFiles(2026)).toEqual(files);
    expect(demoFiles(2027)[0].content).not.toBe(ris.content);
  });
});
