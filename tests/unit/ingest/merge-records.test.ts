import { describe, expect, it } from "vitest";
import { conflicts, mergeRecord, resolveBatch, type Target } from "@/lib/ingest/merge-records";
import { dedupKey, identityKeys } from "@/lib/ingest/dedup-key";
import type { NormalisedRecord } from "@/lib/ingest/record";

function record(fields: Partial<NormalisedRecord>): NormalisedRecord {
  return {
    kind: "PAPER", title: "Interface engineering of sulfide solid electrolytes", abstract: "", language: null,
    publishedOn: null, year: 2021, authors: [], affiliations: [], countries: [], keywords: [], classifications: [],
    assignees: [], venue: null, citationCount: null, doi: null, patentNumber: null, arxivId: null, pmid: null,
    externalId: null, raw: {}, ...fields,
  };
}

/** The records as resolveBatch takes them. */
function items(records: NormalisedRecord[]): { record: NormalisedRecord }[] {
  return records.map((r) => ({ record: r }));
}

function counter() {
  let n = 0;
  return () => `new-${++n}`;
}

describe("mergeRecord", () => {
  it("keeps the first source's title and fills what it lacks from the second", () => {
    const wos = record({ doi: "10.1/a", keywords: ["battery"], countries: ["CN"], citationCount: 3, raw: { UT: ["WOS:1"] } });
    const pubmed = record({ title: "Interface engineering of sulfide solid-electrolytes.", pmid: "99", abstract: "Text.", keywords: ["battery", "interface"], countries: ["US"], citationCount: 7, publishedOn: "2021-03-04" });
    const merged = mergeRecord(wos, pubmed);
    expect(merged).toMatchObject({
      title: wos.title, doi: "10.1/a", pmid: "99", abstract: "Text.", publishedOn: "2021-03-04", citationCount: 7,
      keywords: ["battery", "interface"], countries: ["CN", "US"], raw: { UT: ["WOS:1"] },
    });
  });
});

describe("conflicts", () => {
  it("is true only for two different values of the same identifier", () => {
    expect(conflicts(record({ doi: "10.1/a" }), record({ doi: "10.1/b" }))).toBe(true);
    expect(conflicts(record({ doi: "10.1/a" }), record({ pmid: "1" }))).toBe(false);
    expect(conflicts(record({ arxivId: "2101.00001v1" }), record({ arxivId: "2101.00001v2" }))).toBe(false);
  });
});

describe("resolveBatch", () => {
  it("merges a DOI record, a PMID record and an identifier-less record of the same paper into one document", () => {
    const a = record({ doi: "10.1/a" });
    const b = record({ doi: "10.1/a", pmid: "99" });
    const c = record({ pmid: "99", title: "Another spelling of the title, same paper" }); // joins by PMID only
    const d = record({ title: "Interface Engineering of Sulfide Solid Electrolytes!" }); // joins by title + year
    const { targets, newKeys } = resolveBatch(items([a, b, c, d]), new Map(), counter());
    expect(new Set(targets.map((t) => t.id))).toEqual(new Set(["new-1"]));
    expect(targets[0].record).toMatchObject({ doi: "10.1/a", pmid: "99" });
    expect(newKeys.map((k) => k.key).sort()).toEqual([
      "doi:10.1/a", "pmid:99", "title:another spelling of the title same paper|2021",
      "title:interface engineering of sulfide solid electrolytes|2021",
    ]);
  });

  it("does not merge through the title when the identifiers differ", () => {
    const { targets } = resolveBatch(items([record({ doi: "10.1/a" }), record({ doi: "10.1/b" })]), new Map(), counter());
    expect(targets.map((t) => t.id)).toEqual(["new-1", "new-2"]);
  });

  it("joins a document already stored and registers only the keys it did not have", () => {
    const stored: Target = { id: "doc-1", isNew: false, record: record({ doi: "10.1/a" }), dedupKey: "doi:10.1/a" };
    const known = new Map([["doi:10.1/a", stored]]);
    const { targets, newKeys } = resolveBatch(items([record({ doi: "10.1/a", pmid: "5" })]), known, counter());
    expect(targets[0]).toBe(stored);
    expect(stored.record.pmid).toBe("5");
    expect(newKeys).toEqual([
      { key: "pmid:5", documentId: "doc-1" },
      { key: "title:interface engineering of sulfide solid electrolytes|2021", documentId: "doc-1" },
    ]);
  });

  it("gives the same documents however the records are cut into batches", () => {
    const records = [record({ doi: "10.1/a" }), record({ pmid: "7", title: "Something else entirely, a longer title", year: 2020 }), record({ doi: "10.1/a", pmid: "3" })];
    const whole = resolveBatch(items(records), new Map(), counter());
    const first = resolveBatch(items(records.slice(0, 2)), new Map(), counter());
    const known = new Map<string, Target>();
    for (const { key, documentId } of first.newKeys) known.set(key, first.targets.find((t) => t.id === documentId)!);
    const second = resolveBatch(items(records.slice(2)), known, counter());
    expect([...first.targets, ...second.targets].map((t) => t.id)).toEqual(whole.targets.map((t) => t.id));
  });

  it("reads a record only when it meets a document under one of its keys", () => {
    const reads: number[] = [];
    const counted = (records: NormalisedRecord[]) =>
      records.map((r, i) => ({
        get record() {
          reads.push(i);
          return r;
        },
      }));
    // The keys come with the records, as prepareRecord gives them.
    const keysOf = (records: NormalisedRecord[]) => (i: number) => ({ keys: [...identityKeys(records[i]), dedupKey(records[i])], primary: dedupKey(records[i]) });
    const unique = Array.from({ length: 5 }, (_, i) => record({ doi: `10.1/${i}`, title: `A distinct title number ${i} of five` }));
    const { targets } = resolveBatch(counted(unique), new Map(), counter(), keysOf(unique));
    expect(targets).toHaveLength(5);
    expect(reads).toEqual([]);

    const pair = [unique[0], record({ doi: "10.1/0", pmid: "8" })];
    const { targets: joined } = resolveBatch(counted(pair), new Map(), counter(), keysOf(pair));
    expect(joined[1]).toBe(joined[0]);
    expect(joined[0].record).toMatchObject({ doi: "10.1/0", pmid: "8" });
    expect(new Set(reads)).toEqual(new Set([0, 1]));
  });
});
