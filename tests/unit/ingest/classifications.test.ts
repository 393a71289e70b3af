import { describe, expect, it } from "vitest";
import { buildRecord } from "@/lib/ingest/build-record";
import { classificationFromParts, normaliseClassification } from "@/lib/ingest/classifications";
import { formatPatentNumber, parsePatentNumber } from "@/lib/ingest/patent-number";

describe("normaliseClassification", () => {
  it.each([
    ["H01M 10/052", "H01M 10/052"],
    ["H01M  10/052", "H01M 10/052"],
    ["h01m 10/052", "H01M 10/052"],
    ["H01M0010052000", "H01M 10/052"], // 14-character fixed width: 4 + 4 + 6
    ["H01M0010000000", "H01M 10/00"],
    ["G06F0017300000", "G06F 17/30"],
    ["G06F  17/30 20060101AFI20051220BHEP", "G06F 17/30"], // ST.36 text with version, level and office
    ["B60R   7/06        20060101AFI20191025BHEP        ", "B60R 7/06"],
    ["C10L   1/    00            A I", "C10L 1/00"], // OPS pads the subgroup too
    ["G06F015/00", "G06F 15/00"], // USPTO 2001–2005
    [" 7C 07C  29/44   A", "C07C 29/44"], // edition prefix, EP 2003
    ["Int.Cl.7 G06F 17/30", "G06F 17/30"],
    ["B60R  900", "B60R 9/00"], // APS: main group right-aligned in three columns
    ["C07D40112", "C07D 401/12"],
    ["A61B 5/14532", "A61B 5/14532"], // CPC: longer subgroups
    ["Y02E 60/10", "Y02E 60/10"],
    ["C10G2300/1022", "C10G 2300/1022"],
    ["H01M", "H01M"],
  ])("reads %j as %j", (raw, expected) => {
    expect(normaliseClassification(raw)).toBe(expected);
  });

  it("keeps text that is no IPC/CPC symbol, trimmed, and gives null for empty text", () => {
    expect(normaliseClassification("  709/203 ")).toBe("709/203");
    expect(normaliseClassification("LOC(7) 14-02")).toBe("LOC(7) 14-02");
    expect(normaliseClassification("   ")).toBeNull();
  });

  it("builds a symbol from the split fields of ST.36 XML", () => {
    expect(classificationFromParts({ section: "G", class: "06", subclass: "F", mainGroup: "15", subgroup: "13" })).toBe("G06F 15/13");
    expect(classificationFromParts({ section: "H", class: "01", subclass: "M" })).toBe("H01M");
  });

  it("is applied by buildRecord, so spellings of one symbol become one entry", () => {
    const result = buildRecord(
      { kind: "PATENT", title: "T", classifications: ["H01M0010052000", "H01M  10/052", "B60R  900", "709/203"], raw: {} },
      { position: 1 },
    );
    expect(result.ok && result.record.classifications).toEqual(["H01M 10/052", "B60R 9/00", "709/203"]);
  });
});

describe("patent numbers", () => {
  it.each([
    [{ country: "US", number: "06859910", kind: "B2" }, "US6859910B2"],
    [{ country: "US", number: "D0435854", kind: "S" }, "USD435854S"],
    [{ country: "US", number: "2007/0140112", kind: "A1" }, "US20070140112A1"],
    [{ country: "EP", number: "3782854", kind: "A1" }, "EP3782854A1"],
    [{ number: "EP1000000", kind: "B1" }, "EP1000000B1"],
    [{ country: "US", number: "3,937,375" }, "US3937375"],
    [{ country: "ep", number: "3782854A1" }, "EP3782854A1"],
  ])("formats %j as %s", (parts, expected) => {
    expect(formatPatentNumber(parts)).toBe(expected);
  });

  it.each([
    ["US 6,859,910 B2", "US6859910B2"],
    ["EP3782854A1", "EP3782854A1"],
    ["US 2007/0140112 A1", "US20070140112A1"],
    ["US-A1- 2007 204 872", "US2007204872A1"],
    ["WO-A1-2014/114885", "WO2014114885A1"],
  ])("parses %j as %s", (text, expected) => {
    expect(parsePatentNumber(text)).toBe(expected);
  });

  it("gives null when there is no number", () => {
    expect(formatPatentNumber({ country: "US", number: "" })).toBeNull();
    expect(parsePatentNumber("n/a")).toBeNull();
  });
});
