import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readCorpusFile } from "@/lib/topics/corpus-file";

const dir = mkdtempSync(path.join(tmpdir(), "corpus-file-"));
function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe("readCorpusFile", () => {
  it("reads tokens one document per line, tokens as given, a blank line as an empty document", async () => {
    const file = write("a.tokens", "solar cell solar\r\n\nbattery lithium-ion 电池\n");
    const result = await readCorpusFile(file, "tokens");
    expect(result).toEqual({ format: "tokens", documents: [["solar", "cell", "solar"], [], ["battery", "lithium-ion", "电池"]], errors: [] });
  });

  it("reads gzipped files by their content, whatever their name", async () => {
    const file = write("b.txt", gzipSync("one two\nthree\n"));
    expect(await readCorpusFile(file, "tokens")).toMatchObject({ documents: [["one", "two"], ["three"]] });
  });

  it("reads JSON Lines records and reports bad ones by record position and line without stopping", async () => {
    const lines = [
      JSON.stringify({ id: "p1", year: 2020, text: "Solid-state batteries" }),
      "",
      "{not json",
      JSON.stringify({ title: "no text here" }),
      JSON.stringify({ id: 7, text: "固态电池的能量密度" }),
    ];
    const result = await readCorpusFile(write("c.jsonl.gz", gzipSync(lines.join("\n"))), "jsonl");
    if (result.format !== "jsonl") throw new Error("expected jsonl");
    expect(result.records).toEqual([
      { id: "p1", year: 2020, text: "Solid-state batteries" },
      { id: "7", year: null, text: "固态电池的能量密度" },
    ]);
    expect(result.errors.map(({ position, line }) => ({ position, line }))).toEqual([
      { position: 2, line: 3 },
      { position: 3, line: 4 },
    ]);
    expect(result.errors[0].message).toMatch(/^Line 3 is not valid JSON/);
    expect(result.errors[1].message).toMatch(/"text"/);
  });
});
