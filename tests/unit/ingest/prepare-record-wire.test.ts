// The form in which prepared records cross from the reading thread (toWire / fromWire): everything
// storing needs arrives as it was, and the record itself is parsed only when it is first read.
import { describe, expect, it } from "vitest";
import { fromWire, prepareRecord, toWire } from "@/lib/ingest/prepare-record";
import type { NormalisedRecord } from "@/lib/ingest/record";

const record: NormalisedRecord = {
  kind: "PAPER", title: "Sulfide electrolytes at scale", abstract: "Text.", language: "en", publishedOn: "2021-03-04", year: 2021,
  authors: [{ full: "Doe, Jane", family: "Doe", given: "Jane" }], affiliations: [{ raw: "MIT, USA", institution: "MIT", country: "US", sector: "academia" }],
  countries: ["US"], keywords: ["battery"], classifications: [], assignees: [], venue: null, citationCount: 3,
  doi: "10.1/a", patentNumber: null, arxivId: null, pmid: null, externalId: "x1", raw: { TI: ["Sulfide electrolytes at scale"] },
};

describe("toWire / fromWire", () => {
  it("gives back the prepared record, its record included", () => {
    const prepared = prepareRecord("ris", 7, record);
    const back = fromWire(structuredClone(toWire(prepared)));
    expect({ ...back, record: back.record }).toEqual(prepared);
  });

  it("parses the record only when it is read, and once", () => {
    const { recordJson: _json, ...rest } = toWire(prepareRecord("ris", 1, record));
    const broken = fromWire({ ...rest, recordJson: "{not json" });
    expect(broken.keys).toContain("doi:10.1/a"); // the rest is there without parsing
    expect(() => broken.record).toThrow(SyntaxError);

    const wire = toWire(prepareRecord("ris", 1, record));
    const prepared = fromWire(wire);
    expect(prepared.record).toBe(prepared.record);
  });
});
