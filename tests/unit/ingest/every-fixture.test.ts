// Every file in shared/fixtures, as a user would upload it: the record count PROVENANCE.md states and
// no errors — except the files that hold no importable document, each listed below with the outcome
// it must have and why. A new fixture without a row, or a listed exception that starts importing,
// fails this test.
import { createReadStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ReadRecordsOptions } from "@/lib/ingest/read-records";
import { readAll } from "./helpers";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures", import.meta.url));
const present = existsSync(path.join(FIXTURES, "PROVENANCE.md"));
if (!present && process.env.CI !== "true") console.info(`Every-fixture test skipped: ${FIXTURES} not found`);

function provenanceRows(): [string, number][] {
  return readFileSync(path.join(FIXTURES, "PROVENANCE.md"), "utf8")
    .split("\n")
    .flatMap((row) => {
      const match = row.match(/^\| `([^`]+)` \|.*?\| (\d+) \| (\d+) \|/);
      return match ? [[match[1], Number(match[2])] as [string, number]] : [];
    });
}

/** Files read with options a user gives in the upload form (they carry no header to detect). */
const OPTIONS: Record<string, ReadRecordsOptions> = {
  "chinese-abstracts/csl_dev_title_first300.tsv": { format: "csv", mapping: { abstract: "#2", title: "#3" } },
  // The other three CSL files hold an abstract and a label, no title: the abstract serves as both.
  "chinese-abstracts/csl_dev_category_first300.tsv": { format: "csv", mapping: { title: "#2", abstract: "#2", keywords: "#3" } },
  "chinese-abstracts/csl_dev_discipline_first300.tsv": { format: "csv", mapping: { title: "#2", abstract: "#2", keywords: "#3" } },
  "chinese-abstracts/csl_dev_keywords_first300.tsv": { format: "csv", mapping: { title: "#2", abstract: "#2", keywords: "#3" } },
};

type Exception = { reason: string; records: number; errors: number; message: RegExp } | { reason: string; unrecognised: true };

const EXCEPTIONS: Record<string, Exception> = {
  "arxiv/arxiv_id_list_malformed_abc.xml": { reason: "arXiv's error feed for a malformed id", records: 0, errors: 1, message: /arXiv reported an error: incorrect id format/ },
  "crossref/crossref_member98_works_rows5_cursor_page1.json": { reason: "the fifth work has no title in Crossref", records: 4, errors: 1, message: /Record 5 has no title/ },
  "crossref/crossref_work_404_notarealdoi.txt": { reason: "a plain-text 404 body", unrecognised: true },
  "openalex/openalex-python_I27837315_institution.json": { reason: "an institution, not works", records: 0, errors: 1, message: /about an institution, not works/ },
  "openalex/openalexpro_works_group_by_type.json": { reason: "facet counts, not works", records: 0, errors: 1, message: /group_by answer/ },
  "patents-epo/epo_ops_family.xml": { reason: "family members without bibliographic data", records: 0, errors: 6, message: /family answer, without title or abstract/ },
  "patents-epo/epo_ops_legal.xml": { reason: "legal events only", records: 0, errors: 1, message: /legal-status answer/ },
  "patents-epo/epo_ops_published_claims.xml": { reason: "claims only", records: 0, errors: 1, message: /the claims of EP1000000A1/ },
  "patents-epo/epo_ops_published_description.xml": { reason: "description only", records: 0, errors: 1, message: /the description of EP1000000A1/ },
  "patents-epo/epo_ops_search_biblio_cql.xml": { reason: "a search answer listing numbers only", records: 0, errors: 15, message: /search answer that lists publication numbers/ },
  "patentsview/pv_assignee_sorted_page1.json": { reason: "assignees, not patents", records: 0, errors: 1, message: /lists assignees/ },
  "patentsview/pv_foreign_citation_10000001.json": { reason: "citations, not patents", records: 0, errors: 1, message: /lists foreign_citations/ },
  "patentsview/pv_inventor_Clinton.json": { reason: "inventors, not patents", records: 0, errors: 1, message: /lists inventors/ },
  "patentsview/pv_location_Chicago.json": { reason: "locations, not patents", records: 0, errors: 1, message: /lists locations/ },
  "patentsview/pv_pg_claim_20250212711.json": { reason: "claims, not patents", records: 0, errors: 1, message: /lists pg_claims/ },
  "patentsview/pv_us_patent_citation_5116621.json": { reason: "citations, not patents", records: 0, errors: 1, message: /lists us_patent_citations/ },
  // The recorded requests asked for ids only, so the answers carry no titles.
  "patentsview/pv_patent_2000-01-04_page1.json": { reason: "ids only were requested", records: 0, errors: 100, message: /has no title/ },
  "patentsview/pv_patent_2000-01-04_page2_after.json": { reason: "ids only were requested", records: 0, errors: 100, message: /has no title/ },
  "patentsview/pv_patent_and-operator.json": { reason: "ids only were requested", records: 0, errors: 12, message: /has no title/ },
  "patentsview/pv_patent_post_field-shorthand.json": { reason: "ids only were requested", records: 0, errors: 1, message: /has no title/ },
  "semanticscholar/s2_paper_batch_post.json": { reason: "authors only were requested", records: 0, errors: 3, message: /has no title/ },
  "semanticscholar/s2_paper_search_fieldsOfStudy.json": { reason: "fields of study only were requested", records: 0, errors: 100, message: /has no title/ },
  "semanticscholar/s2_paper_404.json": { reason: "the API's not-found answer", records: 0, errors: 1, message: /error answer from the API \("Paper with id 0 not found"\)/ },
  "pubmed/biopython_esearch1.xml": { reason: "an eSearch id list, not articles", records: 0, errors: 1, message: /PubMed eSearch result/ },
};

describe.runIf(process.env.CI === "true" && !present)("every fixture", () => {
  it("is present in CI", () => expect.fail(`shared/fixtures not found at ${FIXTURES}`));
});

describe.skipIf(!present)("every file in shared/fixtures", () => {
  const rows = present ? provenanceRows() : [];

  it("has a PROVENANCE.md row for every exception listed here", () => {
    const files = new Set(rows.map(([file]) => file));
    expect(Object.keys(EXCEPTIONS).filter((file) => !files.has(file))).toEqual([]);
  });

  for (const [file, count] of rows) {
    const exception = EXCEPTIONS[file];
    const open = () => readAll(createReadStream(path.join(FIXTURES, file)), OPTIONS[file]);
    if (exception && "unrecognised" in exception) {
      it(`refuses ${file} as no known format (${exception.reason})`, async () => {
        await expect(open()).rejects.toThrow(/^Unrecognised file format/);
      });
    } else if (exception) {
      it(`reads ${file}: ${exception.records} records, ${exception.errors} explained errors (${exception.reason})`, async () => {
        const { results } = await open();
        const errors = results.filter((r) => !r.ok);
        expect(results.length - errors.length).toBe(exception.records);
        expect(errors).toHaveLength(exception.errors);
        for (const error of errors) if (!error.ok) expect(error.message).toMatch(exception.message);
      });
    } else {
      it(`imports ${file} with its ${count} records and no errors`, async () => {
        const { results } = await open();
        expect(results.filter((r) => !r.ok)).toEqual([]);
        expect(results).toHaveLength(count);
        expect(results.map((r) => r.position)).toEqual(results.map((_, i) => i + 1));
      });
    }
  }
});
