import { describe, expect, it } from "vitest";
import { contentHash, dedupKey, normaliseTitle } from "@/lib/ingest/dedup-key";
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

  it("prefers patent number, then arXiv id without version, then PMID", () => {
    expect(dedupKey(record({ patentNumber: "EP1325900A1", pmid: "1" }))).toBe("patent:EP1325900A1");
    expect(dedupKey(record({ arxivId: "1605.08386v2", pmid: "1" }))).toBe("arxiv:1605.08386");
    expect(dedupKey(record({ pmid: "31421429" }))).toBe("pmid:31421429");
  });

  it("falls back to the normalised title and year", () => {
    const a = record({ title: "Deep  Learning: A Review!", year: 2020 });
    const b = record({ title: "deep learning — a review", year: 2020 });
    expect(dedupKey(a)).toBe("title:deep learning a review|2020");
    expect(dedupKey(b)).toBe(dedupKey(a));
    expect(dedupKey(record({ title: "Deep learning" }))).toBe("title:deep learning|");
  });

  it("keeps Chinese characters (and full-width forms folded by NFKC) in the title key", () => {
    expect(dedupKey(record({ title: "基于深度学习的图像识别：综述", year: 2021 }))).toBe("title:基于深度学习的图像识别 综述|2021");
    expect(normaliseTitle("ＡＩ芯片（２０２０）")).toBe("ai芯片 2020");
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
