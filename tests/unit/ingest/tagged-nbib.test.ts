// MEDLINE/PubMed text (.nbib): field mapping checked against the files and against small samples.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { okRecords, readAll } from "./helpers";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures", import.meta.url));
const present = existsSync(path.join(FIXTURES, "PROVENANCE.md"));
// Skipped without the fixtures, except in CI, where they must be present (the tests then fail).
const skipFixtures = !present && process.env.CI !== "true";

if (skipFixtures) console.info(`MEDLINE fixture tests skipped: ${FIXTURES} not found`);

async function fixtureRecords(file: string) {
  return okRecords((await readAll(createReadStream(path.join(FIXTURES, file)))).results);
}

function nbib(pmid: string, title: string | null): string {
  return [
    `PMID- ${pmid}`,
    "DP  - 2021 Jan 19",
    ...(title ? [`TI  - ${title}`] : []),
    "LID - e0268950 [pii]",
    "LID - 10.1055/S-0040-1719149 [doi]",
    "AB  - First line of the abstract",
    "      wraps onto a second line.",
    "FAU - de Medeiros, Luana Moreira",
    "AU  - de Medeiros LM",
    "AD  - Faculty of Pharmaceutical Sciences, Universidade de Campinas (Unicamp), Campinas, ",
    "      SP, Brazil. Electronic address: luana@example.org.",
    "LA  - por",
    "PT  - Journal Article",
    "PT  - Congress",
    "TA  - Rev Bras Ginecol Obstet",
    "JT  - Revista brasileira de ginecologia e obstetricia",
    "MH  - Breast Neoplasms/*drug therapy",
    "MH  - *Tamoxifen",
    "OT  - hormone therapy",
    "",
  ].join("\n");
}

describe("MEDLINE/PubMed text", () => {
  it("joins wrapped values and maps ids, authors, affiliations, headings and dates", async () => {
    const { format, results } = await readAll(nbib("33465792", "Switching of Hormone Therapies."));
    const [record] = okRecords(results);
    expect(format).toBe("nbib");
    expect(record).toMatchObject({
      kind: "CONFERENCE_PAPER",
      title: "Switching of Hormone Therapies.",
      abstract: "First line of the abstract wraps onto a second line.",
      pmid: "33465792",
      doi: "10.1055/s-0040-1719149",
      language: "pt",
      publishedOn: "2021-01-19",
      year: 2021,
      venue: "Revista brasileira de ginecologia e obstetricia",
      keywords: ["Breast Neoplasms", "Tamoxifen", "hormone therapy"],
      countries: ["BR"],
    });
    expect(record.authors).toEqual([{ full: "de Medeiros, Luana Moreira", family: "de Medeiros", given: "Luana Moreira" }]);
    expect(record.affiliations[0].raw).toBe("Faculty of Pharmaceutical Sciences, Universidade de Campinas (Unicamp), Campinas, SP, Brazil");
  });

  it("reports a record without a title with its position and line, and imports the others", async () => {
    const text = `${nbib("1", "A")}\n${nbib("2", null)}\n${nbib("3", "C")}`;
    const { results } = await readAll(text);
    expect(results.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(results[1]).toEqual({ ok: false, position: 2, line: 21, message: "Record 2 (line 21) has no title" });
    expect(okRecords([results[0], results[2]]).map((r) => r.pmid)).toEqual(["1", "3"]);
  });
});

describe.skipIf(skipFixtures)("MEDLINE fixtures, checked against the files", () => {
  it("reads Biopython's sample, whose file starts with a blank line", async () => {
    const [first] = await fixtureRecords("pubmed/biopython_pubmed_result2.nbib");
    expect(first).toMatchObject({
      title: "A high level interface to SCOP and ASTRAL implemented in python.",
      pmid: "16403221",
      year: 2006,
      venue: "BMC bioinformatics",
      countries: ["GB"], // "…, London EC1 6BQ, UK. j.a.casbon@qmul.ac.uk" once the e-mail is dropped
    });
    expect(first.authors[0]).toEqual({ full: "Casbon, James A", family: "Casbon", given: "James A" });
  });

  it("reads the CRLF export with non-ASCII author names intact", async () => {
    const [first] = await fixtureRecords("pubmed/pybibx_mcda_pubmed.nbib");
    expect(first).toMatchObject({
      title: "On the Monte Carlo weights in multiple criteria decision analysis.",
      doi: "10.1371/journal.pone.0268950",
      pmid: "36206242",
      year: 2022,
      countries: ["CZ", "PL"],
    });
    expect(first.authors.slice(0, 2).map((a) => a.full)).toEqual(["Mazurek, Jiří", "Strzałka, Dominik"]);
  });

  it("reads metaknowledge's large sample: full date from DP and countries behind e-mail addresses", async () => {
    const records = await fixtureRecords("pubmed/metaknowledge_medline_test.nbib");
    expect(records[0]).toMatchObject({
      title: "Bioinformatic survey of ABC transporters in dermatophytes.",
      publishedOn: "2016-01-15",
      doi: "10.1016/j.gene.2015.10.064",
      venue: "Gene",
      countries: ["PL"],
    });
    expect(new Set(records.map((r) => r.pmid)).size).toBe(175);
  });
});
