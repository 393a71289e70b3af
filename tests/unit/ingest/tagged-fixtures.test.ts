// Real tagged-text exports from shared/fixtures (Web of Science, Derwent, MEDLINE, CNKI, Wanfang) must
// import with exactly the record counts PROVENANCE.md states, whatever the chunking.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readRecords } from "@/lib/ingest/read-records";
import { collect, readAll, sliced } from "./helpers";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures", import.meta.url));
const present = existsSync(path.join(FIXTURES, "PROVENANCE.md"));

if (!present && process.env.CI !== "true") console.info(`Tagged fixture tests skipped: ${FIXTURES} not found`);

/** "| `wos/x.txt` | … | 8 | 40018 | …" → { records: 8, bytes: 40018 } per file. */
function provenance(): Map<string, { records: number; bytes: number }> {
  const rows = readFileSync(path.join(FIXTURES, "PROVENANCE.md"), "utf8").split("\n");
  const entries = rows.flatMap((row) => {
    const match = row.match(/^\| `([^`]+)` \|.*?\| (\d+) \| (\d+) \|/);
    return match ? [[match[1], { records: Number(match[2]), bytes: Number(match[3]) }] as const] : [];
  });
  return new Map(entries);
}

function filesIn(folder: string, keep: (file: string) => boolean = () => true): string[] {
  return readdirSync(path.join(FIXTURES, folder)).filter(keep).map((file) => `${folder}/${file}`);
}

const CASES: [string, string][] = present
  ? [
      ...filesIn("wos", (f) => !f.endsWith("_ris.txt")).map((f): [string, string] => [f, "wos"]),
      ...filesIn("wos-tab").map((f): [string, string] => [f, "wos-tab"]),
      ...filesIn("patents-derwent").map((f): [string, string] => [f, "derwent"]),
      ...filesIn("pubmed", (f) => f.endsWith(".nbib")).map((f): [string, string] => [f, "nbib"]),
      ["cnki/mrhelper_demo_cnki_202101_estudy.txt", "cnki-estudy"],
      ["cnki/cnki-converter_demo_endnote.txt", "endnote"],
      ["cnki/cnki2citespace_download_1-307_wos-tagged.txt", "wos"],
      ...filesIn("cnki", (f) => f.endsWith(".net")).map((f): [string, string] => [f, "noteexpress"]),
      ...filesIn("wanfang").map((f): [string, string] => [f, "noteexpress"]),
    ]
  : [];

describe.runIf(process.env.CI === "true" && !present)("shared fixtures for tagged formats", () => {
  it("are present in CI", () => {
    expect.fail(`shared/fixtures not found at ${FIXTURES}`);
  });
});

describe.skipIf(!present)("tagged fixture imports", () => {
  const expected = present ? provenance() : new Map();

  it("cover every WoS plain-text file except the RIS-flavoured one, and every file of the other folders", () => {
    expect(CASES.filter(([, format]) => format === "wos")).toHaveLength(8);
    expect(CASES).toHaveLength(23);
  });

  for (const [file, format] of CASES) {
    it(`imports ${file} as ${format} with the record count PROVENANCE.md states, without errors`, async () => {
      const stated = expected.get(file);
      expect(stated, `${file} has no row in PROVENANCE.md`).toBeDefined();
      expect(statSync(path.join(FIXTURES, file)).size).toBe(stated.bytes); // the file the row describes
      const { format: detected, results } = await readAll(createReadStream(path.join(FIXTURES, file)));
      expect(detected).toBe(format);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results).toHaveLength(stated.records);
      expect(results.map((r) => r.position)).toEqual(results.map((_, i) => i + 1));
      for (const result of results) if (result.ok) expect(result.record.title.trim()).not.toBe("");
    });
  }

  it("gives the same records whether the bytes come in 7-byte or 64 KB chunks", async () => {
    const files = [
      "wos/metaknowledge_OnePaper.isi",
      "wos-tab/scientopy_wos_2026_04_02_4071_tab.txt",
      "patents-derwent/drones_data_derwent_DII_first50.ciw",
      "pubmed/biopython_pubmed_result2.nbib",
      "cnki/mrhelper_demo_cnki_202101_estudy.txt",
      "cnki/cnki-converter_demo_endnote.txt",
      "cnki/vopaaz_noteexpress_withLineBreakInAddress.net",
      "wanfang/mrhelper_demo_wanfang_202101.net",
    ];
    for (const file of files) {
      const bytes = readFileSync(path.join(FIXTURES, file));
      const small = await collect((await readRecords(sliced(bytes, 7))).records);
      const large = await collect((await readRecords(sliced(bytes, 65536))).records);
      expect(small.length, file).toBeGreaterThan(0);
      expect(small, file).toEqual(large);
    }
  });

  it("starts each record's line number at its first tag", async () => {
    const { results } = await readAll(createReadStream(path.join(FIXTURES, "wos/bibliometrix_wos_sample.txt")));
    const text = readFileSync(path.join(FIXTURES, "wos/bibliometrix_wos_sample.txt"), "utf8").split(/\r?\n/);
    for (const result of results) expect(text[result.line! - 1]).toMatch(/^PT [A-Z]/);
  });
});
