import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "@/lib/backtest/read-corpus";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "backtest-corpus-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const LINES = [
  JSON.stringify({ id: "a", text: "Solid electrolytes", year: 2019 }),
  "",
  "{not json",
  JSON.stringify({ title: "Qubits", abstract: "Error correction", year: "2020" }),
  JSON.stringify({ text: "No year" }),
  JSON.stringify({ year: 2021, text: "  " }),
  JSON.stringify({ id: 7, text: "Last", year: 2021.5 }),
].join("\n");

describe("readCorpus", () => {
  it("reads JSON Lines, joining title and abstract, and reports each bad record by position and line", async () => {
    const file = path.join(dir, "corpus.jsonl");
    await writeFile(file, LINES);
    const { documents, errors } = await readCorpus(file);
    expect(documents).toEqual([
      { id: "a", text: "Solid electrolytes", year: 2019 },
      { id: "line:4", text: "Qubits. Error correction", year: 2020 },
    ]);
    // The blank line 2 is not a record: line 3 is record 2.
    expect(errors).toEqual([
      { position: 2, line: 3, message: "Record 2 (line 3) is not valid JSON" },
      { position: 4, line: 5, message: "Record 4 (line 5): year must be a number" },
      { position: 5, line: 6, message: "Record 5 (line 6) has no text, title or abstract" },
      { position: 6, line: 7, message: "Record 6 (line 7): year must be a whole year" },
    ]);
  });

  it("gunzips a gzipped file whatever its name", async () => {
    const file = path.join(dir, "corpus.data");
    await writeFile(file, gzipSync(LINES));
    const { documents, errors } = await readCorpus(file);
    expect(documents).toHaveLength(2);
    expect(errors).toHaveLength(4);
  });
});
