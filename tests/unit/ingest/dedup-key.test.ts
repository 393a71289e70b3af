import { describe, expect, it } from "vitest";
import { contentHash, dedupKey, identityKeys, normaliseTitle, recordHash } from "@/lib/ingest/dedup-key";
import type { NormalisedRecord } from "@/lib/ingest/record";
import { okRecords, readAll } from "./helpers";

function record(fields: Partial<NormalisedRecord>): NormalisedRecord {
  return {
    kind: "PAPER", title: "A title", abstract: "", language: null, publishedOn: null, year: null, authors: [],
    affiliations: [], countries: [], keywords: [], classifications: [], assignees: [], venue: null,
    citationCount: null, doi: null, patentNumber: null, arxivId: null, pmid: null, externalId: null, raw: {},
    ...fields,
  };
}

describe("dedupKey", () => {
  it("gives the same key to DOIs written as URL, with prefix or in capitals", async () => {
    const text = ["https://doi.org/10.1000/ABC", "doi:10.1000/abc", "10.1000/Abc"]
      .map((doi, i) => `TY  - JOUR\nTI  - Title ${i}\nDO  - ${doi}\nER  - \n`)
      .join("");
    const keys = okRecords((await readAll(text)).results).map(dedupKey);
    expect(keys).toEqual(["doi:10.1000/abc", "doi:10.1000/abc", "doi:10.1000/abc"]);
  });

  it("prefers patent number (without kind code), then arXiv id without version, then PMID", () => {
    expect(dedupKey(record({ patentNumber: "EP1325900A1", pmid: "1" }))).toBe("patent:EP1325900");
    expect(dedupKey(record({ patentNumber: "USD435854S1" }))).toBe("patent:USD435854");
    expect(dedupKey(record({ arxivId: "1605.08386v2", pmid: "1" }))).toBe("arxiv:1605.08386");
    expect(dedupKey(record({ pmid: "31421429" }))).toBe("pmid:31421429");
  });

  it("falls back to the normalised title and year for a distinctive title", () => {
    const a = record({ title: "Deep  Learning: A Review of Methods!", year: 2020 });
    const b = record({ title: "deep learning — a review of methods", year: 2020 });
    expect(dedupKey(a)).toBe("title:deep learning a review of methods|2020");
    expect(dedupKey(b)).toBe(dedupKey(a));
  });

  it("adds the content to the key of a short or undated title, so unrelated 'Editorial's stay apart", () => {
    const one = record({ title: "Editorial", year: 2020, abstract: "One." });
    const two = record({ title: "Editorial", year: 2020, abstract: "Two." });
    expect(dedupKey(one)).toMatch(/^title:editorial\|2020\|[0-9a-f]{16}$/);
    expect(dedupKey(two)).not.toBe(dedupKey(one));
    expect(dedupKey({ ...one, raw: { other: true } })).toBe(dedupKey(one)); // the same record from another file
    expect(identityKeys(one)).toEqual([]);
    expect(identityKeys(record({ title: "A distinctive title without a year" }))).toEqual([]);
  });

  it("keeps Chinese characters (and full-width forms folded by NFKC) in the title key", () => {
    expect(dedupKey(record({ title: "基于深度学习的图像识别：综述", year: 2021 }))).toBe("title:基于深度学习的图像识别 综述|2021");
    expect(normaliseTitle("ＡＩ芯片（２０２０）")).toBe("ai芯片 2020");
  });
});

describe("identityKeys", () => {
  it("lists every identifier the record carries, strongest first, then the title key", () => {
    const keys = identityKeys(record({ title: "Solid-state batteries: a review of interfaces", year: 2021, doi: "10.1/x", pmid: "42", arxivId: "2101.00001v3" }));
    expect(keys).toEqual(["doi:10.1/x", "arxiv:2101.00001", "pmid:42", "title:solid state batteries a review of interfaces|2021"]);
  });
});

describe("recordHash", () => {
  it("differs by format and by raw form", () => {
    const a = record({ raw: { TI: ["T"], AU: ["X"] } });
    expect(recordHash("ris", a)).not.toBe(recordHash("csv", a));
    expect(recordHash("ris", a)).not.toBe(recordHash("ris", { ...a, raw: { TI: ["T"] } }));
  });
});

describe("contentHash", () => {
  it("is a SHA-256 hex that ignores key order and the raw source record", () => {
    const a = record({ title: "T", keywords: ["x"], raw: { TI: ["T"] } });
    const { title, ...rest } = a;
    const b = { ...rest, title, raw: { other: 1 } };
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(b)).toBe(contentHash(a));
  });

  it("changes when a normalised field changes", () => {
    expect(contentHash(record({ keywords: ["x"] }))).not.toBe(contentHash(record({ keywords: ["y"] })));
  });
});
