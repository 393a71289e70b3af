import { describe, expect, it } from "vitest";
import { readRecords } from "@/lib/ingest/read-records";
import { collect, okRecords, readAll, sliced } from "./helpers";
import { describeFixtures, expectPositions, fixtureBytes, importFixture, statedCount } from "./xml-fixtures";

const NSF = ["1500186", "1500187", "1500208", "6800025"].map((id) => `projects/nsf_award_${id}.xml`);
const NIH = "projects/nih_reporter_results_NIBIB_2025.json";

describeFixtures("research project fixtures", () => {
  for (const [file, format] of [...NSF.map((f) => [f, "nsf-award"]), [NIH, "nih-reporter"]]) {
    it(`imports ${file} as ${format} with the record count PROVENANCE.md states, without errors`, async () => {
      const { format: detected, results } = await importFixture(file);
      expect(detected).toBe(format);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results).toHaveLength(statedCount(file));
      expectPositions(results);
    });
  }

  it("reads an NSF award: title, decoded abstract, US date, PI first, institution country, program element", async () => {
    const [award] = okRecords((await importFixture("projects/nsf_award_1500187.xml")).results);
    expect(award).toMatchObject({
      kind: "PROJECT",
      title: "Development and Testing of a Global Quasi-3-D Multi-scale Modeling Framework",
      publishedOn: "2016-02-01",
      externalId: "1500187",
      keywords: ["CLIMATE & LARGE-SCALE DYNAMICS"],
      countries: ["US"],
    });
    expect(award.authors[0]).toEqual({ full: "JUNG, JOON-HEE", family: "JUNG", given: "JOON-HEE" });
    expect(award.authors.map((a) => a.family)).toEqual(["JUNG", "Randall", "Konor"]);
    expect(award.affiliations[0]).toMatchObject({ institution: "Colorado State University", country: "US" });
    expect(award.abstract).toContain("are therefore desirable for forecasting the weather and providing decision support");
    expect(award.abstract).not.toMatch(/<br|&lt;/);
  });

  it("drops NSF's placeholders for missing investigators", async () => {
    const [award] = okRecords((await importFixture("projects/nsf_award_6800025.xml")).results);
    expect(award).toMatchObject({ authors: [], abstract: "", year: 1968, title: "Chemical and Mineralogical Investigations of Puerto Rican Spilites" });
  });

  it("reads the NIH RePORTER results with the line each project starts on", async () => {
    const { results } = await importFixture(NIH);
    expect(results.map((r) => r.line)).toEqual([2, 35, 68]);
    const [first] = okRecords(results);
    expect(first).toMatchObject({
      kind: "PROJECT",
      title: "2026 Atomically Precise Nanochemistry Gordon Research Conference and Gordon Research Seminar",
      publishedOn: "2026-01-30",
      externalId: "1R13EB038853-01",
      countries: ["US"],
      raw: expect.objectContaining({ appl_id: 11317667, award_amount: 7140 }),
    });
    expect(first.affiliations[0]).toMatchObject({ institution: "GORDON RESEARCH CONFERENCES", country: "US" });
  });

  it("gives the same records whether the bytes come in 7-byte or 64 KB chunks", async () => {
    for (const file of [...NSF, NIH]) {
      const bytes = fixtureBytes(file);
      const small = await collect((await readRecords(sliced(bytes, 7))).records);
      const large = await collect((await readRecords(sliced(bytes, 65536))).records);
      expect(small, file).toEqual(large);
    }
  });
});

const project = (n: number, extra = "") =>
  `{"appl_id": ${n}, "project_num": "R01-${n}", "project_title": "Project ${n}", "abstract_text": "About ${n}.",` +
  ` "fiscal_year": 2024, "pref_terms": "imaging;ultrasound", "principal_investigators": [{"first_name": "Ada", "middle_name": "B", "last_name": "Lovelace${n}", "full_name": "Ada B Lovelace${n}"}],` +
  ` "organization": {"org_name": "UNIVERSITY OF OXFORD", "org_city": "Oxford", "org_country": "UNITED KINGDOM"}${extra}}`;

describe("NIH RePORTER reader", () => {
  it("streams the results of a full API answer with its meta envelope", async () => {
    const json = `{"meta": {"total": 2, "offset": 0, "limit": 50},\n "results": [\n${project(1)},\n${project(2)}\n]}`;
    const { format, results } = await readAll(json);
    expect(format).toBe("nih-reporter");
    const records = okRecords(results);
    expect(records.map((r) => r.title)).toEqual(["Project 1", "Project 2"]);
    expect(records[0]).toMatchObject({ abstract: "About 1.", year: 2024, keywords: ["imaging", "ultrasound"], countries: ["GB"], externalId: "R01-1" });
    expect(records[0].authors).toEqual([{ full: "Lovelace1, Ada B", family: "Lovelace1", given: "Ada B" }]);
    expect(results.map((r) => r.line)).toEqual([3, 4]);
  });

  it("turns a value that is no project into an error and goes on", async () => {
    const { results } = await readAll(`[${project(1)}, "not a project", ${project(3)}]`);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(!results[1].ok && results[1].message).toMatch(/^Record 2 \(line 1\) is not a RePORTER project/);
  });

  it("reports a value that is no project at the line it starts on, the first line included", async () => {
    const { results } = await readAll(`[\n9,\n"not a project",\n${project(3)}]`, { format: "nih-reporter" });
    expect(results.map((r) => [r.ok, r.position, r.line])).toEqual([
      [false, 1, 2],
      [false, 2, 3],
      [true, 3, 4],
    ]);
    const cut = await readAll("[9\tbft", { format: "nih-reporter" }); // found by fuzzing: was reported at line 0
    expect(cut.results.map((r) => r.line)).toEqual([1, 1]);
  });

  it("keeps the projects before a cut and reports the cut", async () => {
    const { results } = await readAll(`[\n${project(1)},\n${project(2)},\n{"appl_id": 3, "project_tit`);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toMatchObject({ position: 3, line: 4 });
    expect(!results[2].ok && results[2].message).toMatch(/^Record 3 \(line 4\) is not valid JSON/);
  });

  it("answers a search without projects with one clear error", async () => {
    const { results } = await readAll('{"meta": {"total": 0}, "results": []}', { format: "nih-reporter" });
    expect(results).toEqual([{ ok: false, position: 1, message: "The NIH RePORTER JSON holds no projects" }]);
  });
});

describe("NSF award reader", () => {
  it("reads several awards concatenated into one file", async () => {
    const award = (id: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<rootTag>\n<Award><AwardTitle>Award ${id}</AwardTitle><AwardEffectiveDate>7/1/2020</AwardEffectiveDate><AwardID>${id}</AwardID></Award>\n</rootTag>\n`;
    const { format, results } = await readAll(award("1") + award("2"));
    expect(format).toBe("nsf-award");
    expect(okRecords(results).map((r) => [r.title, r.publishedOn])).toEqual([
      ["Award 1", "2020-07-01"],
      ["Award 2", "2020-07-01"],
    ]);
  });
});
