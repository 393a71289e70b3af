// Real exports from shared/fixtures must import with exactly the record counts PROVENANCE.md states.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { NormalisedRecord } from "@/lib/ingest/record";
import { readRecords } from "@/lib/ingest/read-records";
import { collect, okRecords, readAll, sliced } from "./helpers";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures", import.meta.url));
const present = existsSync(path.join(FIXTURES, "PROVENANCE.md"));

if (!present && process.env.CI !== "true") console.info(`Fixture tests skipped: ${FIXTURES} not found`);

/** "| `ris/x.ris` | … | 6 | 21827 | …" → { records: 6, bytes: 21827 } per file. */
function provenance(): Map<string, { records: number; bytes: number }> {
  const rows = readFileSync(path.join(FIXTURES, "PROVENANCE.md"), "utf8").split("\n");
  const entries = rows.flatMap((row) => {
    const match = row.match(/^\| `([^`]+)` \|.*?\| (\d+) \| (\d+) \|/);
    return match ? [[match[1], { records: Number(match[2]), bytes: Number(match[3]) }] as const] : [];
  });
  return new Map(entries);
}

function filesIn(folder: string, extension: string): string[] {
  return readdirSync(path.join(FIXTURES, folder)).filter((f) => f.endsWith(extension)).map((f) => `${folder}/${f}`);
}

const RIS_FILES = present
  ? [...filesIn("ris", ".ris"), ...filesIn("scopus", ".ris"), "wos/asreview_web_of_science_ris.txt"]
  : [];
const CSV_FILES = present ? [...filesIn("scopus", ".csv"), ...filesIn("other-exports", ".csv")] : [];

async function importFixture(file: string) {
  return readAll(createReadStream(path.join(FIXTURES, file)));
}

async function firstRecords(file: string): Promise<NormalisedRecord[]> {
  return okRecords((await importFixture(file)).results);
}

describe.runIf(process.env.CI === "true" && !present)("shared fixtures", () => {
  it("are present in CI", () => {
    expect.fail(`shared/fixtures not found at ${FIXTURES}`);
  });
});

describe.skipIf(!present)("fixture imports", () => {
  const expected = present ? provenance() : new Map();

  for (const [file, format] of [...RIS_FILES.map((f) => [f, "ris"]), ...CSV_FILES.map((f) => [f, "csv"])]) {
    it(`imports ${file} as ${format} with the record count PROVENANCE.md states, without errors`, async () => {
      const stated = expected.get(file);
      expect(stated, `${file} has no row in PROVENANCE.md`).toBeDefined();
      expect(statSync(path.join(FIXTURES, file)).size).toBe(stated.bytes); // the file the row describes
      const { format: detected, results } = await importFixture(file);
      expect(detected).toBe(format);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results).toHaveLength(stated.records);
      expect(results.map((r) => r.position)).toEqual(results.map((_, i) => i + 1));
      for (const result of results) if (result.ok) expect(result.record.title).not.toBe("");
    });
  }

  it("gives the same records whether the bytes come in 7-byte or 64 KB chunks", async () => {
    for (const file of ["ris/litstudy_ieee_example.ris", "scopus/litstudy_scopus.csv", "ris/asreview_embase.ris"]) {
      const bytes = readFileSync(path.join(FIXTURES, file));
      const small = await collect((await readRecords(sliced(bytes, 7))).records);
      const large = await collect((await readRecords(sliced(bytes, 65536))).records);
      expect(small).toEqual(large);
    }
  });

  it("takes WoS tagged plain text for WoS, not for RIS or CSV", async () => {
    for (const file of filesIn("wos", "").filter((f) => !f.endsWith("_ris.txt"))) {
      expect((await importFixture(file)).format, file).toBe("wos");
    }
  });

  it("keeps the Scopus CSV columns aligned on rows with an unnamed extra funding text", async () => {
    const records = await firstRecords("scopus/litstudy_scopus.csv");
    expect(records.every((r) => /^2-s2\.0-\d+$/.test(r.externalId ?? ""))).toBe(true);
    expect(records.filter((r) => "_surplus" in r.raw)).toHaveLength(56); // records 3–58
    expect(records[2]).toMatchObject({ kind: "PAPER", language: "en", pmid: "35064163", countries: ["PL"] });
  });

  it("splits IEEE and SpringerLink author lists", async () => {
    const [ieee] = await firstRecords("other-exports/litstudy_ieee_xplore.csv");
    expect(ieee.authors.map((a) => a.full)).toEqual(["P. Kogge", "J. Shalf"]);
    const springer = await firstRecords("other-exports/litstudy_springerlink.csv");
    expect(springer[0].authors.map((a) => a.full)).toEqual(["Araz R. Aliev", "Nigar T. Ismayilova"]);
  });

  it("reads Ovid's URL-form DOI and the journal tag it writes after ER", async () => {
    const [first] = await firstRecords("ris/asreview_ovid_psycinfo.ris");
    expect(first.doi).toBe("10.1002/cpp.2398");
    expect(first.raw).toMatchObject({ NL: ["Clin Psychol Psychother"] });
  });

  it("drops the IEEE RIS duplicate author line and keeps Scopus RIS PubMed ids", async () => {
    const [ieee] = await firstRecords("ris/litstudy_ieee_example.ris");
    expect(ieee.authors).toEqual([{ full: "G. Kalbe", family: "Kalbe", given: "G." }]);
    const scopus = await firstRecords("scopus/asreview_scopus.ris");
    expect(scopus.map((r) => r.pmid)).toEqual([null, "31421429", "31627144", "31574429", "30704343", "31175206"]);
  });
});
