// The demo study's files go through the real importers: every generated record comes back, with its
// kind, identifiers and countries.
import { describe, expect, it } from "vitest";
import { demoFiles, generateCorpus } from "@/lib/demo/generate-corpus";
import { readRecords } from "@/lib/ingest/read-records";
import type { NormalisedRecord } from "@/lib/ingest/record";

async function importAll(content: string) {
  const { format, records } = await readRecords((async function* () { yield Buffer.from(content, "utf8"); })());
  const ok: NormalisedRecord[] = [];
  const errors: string[] = [];
  for await (const r of records) r.ok ? ok.push(r.record) : errors.push(r.message);
  return { format, ok, errors };
}

describe("the demo files", () => {
  it("import every generated record without errors, keeping kinds, DOIs, patent numbers and countries", async () => {
    const { records } = generateCorpus({ seed: 2026 });
    const [papers, patentsAndNews] = demoFiles(2026);
    const ris = await importAll(papers.content);
    const csv = await importAll(patentsAndNews.content);
    expect([ris.format, csv.format]).toEqual(["ris", "csv"]);
    expect([...ris.errors, ...csv.errors]).toEqual([]);
    const imported = [...ris.ok, ...csv.ok];
    expect(imported).toHaveLength(records.length);

    const byKey = new Map(imported.map((r) => [`${r.title}|${r.year}`, r]));
    for (const original of records) {
      const r = byKey.get(`${original.title}|${original.year}`);
      expect(r, original.title).toBeDefined();
      expect(r!.kind).toBe(original.kind);
      expect(r!.doi ?? null).toBe(original.doi ?? null);
      expect(r!.patentNumber ?? null).toBe(original.patentNumber ?? null);
      expect([...r!.countries].sort()).toEqual([...original.countries].sort());
    }
  });
});
