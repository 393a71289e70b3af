import { describe, expect, it } from "vitest";
import { toIndicatorDocument, type DocumentRow } from "@/lib/indicators/document";

const row = (overrides: Partial<DocumentRow>): DocumentRow => ({
  id: "d",
  year: 2020,
  kind: "PAPER",
  countries: [],
  affiliations: [],
  assignees: [],
  venue: null,
  patentNumber: null,
  ...overrides,
});

describe("toIndicatorDocument", () => {
  it("takes institutions and sectors from affiliations and assignees", () => {
    const doc = toIndicatorDocument(
      row({
        countries: ["CN", "us", "CN", "XX1"],
        affiliations: [
          { raw: "Dept Chem, Tsinghua University, Beijing, China", institution: "Tsinghua University", country: "CN" },
          { raw: "Lab, Somewhere", institution: "Somewhere Lab", sector: "GOVERNMENT" },
        ],
        assignees: ["Huarui New Energy Technology Co., Ltd."],
      }),
    );
    expect(doc.countries).toEqual(["CN", "US"]);
    expect(doc.institutions).toEqual(["tsinghua university", "somewhere lab", "huarui new energy technology co., ltd."]);
    expect([...doc.sectors].sort()).toEqual(["academia", "government", "industry"]);
  });

  it("skips affiliations it cannot read and leaves unknown sectors out", () => {
    const doc = toIndicatorDocument(row({ affiliations: [42, { institution: 7 }, { raw: "Somewhere" }] }));
    expect(doc.institutions).toEqual(["somewhere"]);
    expect(doc.sectors).toEqual([]);
    expect(toIndicatorDocument(row({ affiliations: "not a list" })).institutions).toEqual([]);
  });

  it("uses the venue as the source, else the patent office", () => {
    expect(toIndicatorDocument(row({ venue: "  Nature  Energy " })).source).toBe("nature energy");
    expect(toIndicatorDocument(row({ kind: "PATENT", patentNumber: "CN110000123A" })).source).toBe("patent office CN");
    expect(toIndicatorDocument(row({})).source).toBeNull();
  });
});
