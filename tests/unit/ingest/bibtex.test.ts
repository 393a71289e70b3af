import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { looksLikeBibtex } from "@/lib/ingest/bibtex";
import { readRecords } from "@/lib/ingest/read-records";
import { collect, okRecords, readAll, sliced } from "./helpers";
import { fixturePath, fixturesPresent, importFixture, provenance, readFixture, requireSharedFixtures } from "./shared-fixtures";

requireSharedFixtures("BibTeX fixture tests");

async function readBib(text: string) {
  const { format, results } = await readAll(text);
  expect(format).toBe("bibtex");
  return results;
}

describe("BibTeX import", () => {
  it("turns LaTeX accents, commands and protective braces into Unicode text", async () => {
    const [record] = okRecords(await readBib(String.raw`@article{k1,
  title = {{\"U}ber {GaN}-Transistoren -- ein $\alpha$-Test f{\"u}r Fran\c{c}ois \& Co.},
  abstract = {Costs fell by 50\% in {R\&D} (see {[}1]).},
  journal = {Phys.\ Rev.},
  year = 2020
}`));
    expect(record.title).toBe("Über GaN-Transistoren – ein α-Test für François & Co.");
    expect(record.abstract).toBe("Costs fell by 50% in R&D (see [1]).");
    expect(record.venue).toBe("Phys. Rev.");
    expect(record.year).toBe(2020);
  });

  it("splits authors on 'and' into family and given names, keeping particles, suffixes and bodies in braces", async () => {
    const [record] = okRecords(await readBib(String.raw`@article{k2,
  author = {M{\"u}ller, J{\"o}rg and de la Fuente, Ana and Ludwig van Beethoven and {World Health Organization} and Smith, Jr., John},
  title = {T}
}`));
    expect(record.authors).toEqual([
      { full: "Müller, Jörg", family: "Müller", given: "Jörg" },
      { full: "de la Fuente, Ana", family: "de la Fuente", given: "Ana" },
      { full: "van Beethoven, Ludwig", family: "van Beethoven", given: "Ludwig" },
      { full: "World Health Organization" },
      { full: "Smith Jr., John", family: "Smith Jr.", given: "John" },
    ]);
  });

  it("expands @string macros, month macros and # concatenation, and skips @comment and @preamble", async () => {
    const results = await readBib(String.raw`@preamble{"\newcommand{\noop}[1]{}"}
@comment{ignored {nested} text with @article{not,an entry}}
@string{ jpr = "Journal of " # {Proteome Research} }
@STRING(acm = {ACM})
@article{k3, title = "A " # acm # " study", journal = jpr, year = {2019}, month = mar, day = {5}}`);
    const [record] = okRecords(results);
    expect(results).toHaveLength(1);
    expect(record).toMatchObject({ title: "A ACM study", venue: "Journal of Proteome Research", publishedOn: "2019-03-05" });
    expect(record.raw).toMatchObject({ "@type": "article", "@key": "k3", month: "March" });
  });

  it("reads parenthesised entries, keys with spaces and '@' inside values", async () => {
    const records = okRecords(await readBib(`@article(k4, title = "Paren (entry)", note = {mail a@b.org})
@ARTICLE{Carmone Jr.1997538,
  title = {Second}, correspondence_address = {F.J. Carmone; email: axk19@psuvm.psu.edu}
}`));
    expect(records.map((r) => r.title)).toEqual(["Paren (entry)", "Second"]);
    expect(records[1].raw["@key"]).toBe("Carmone Jr.1997538");
  });

  it("reads an entry whose '{' is on the line after its type, and numbers it from the '@'", async () => {
    const results = await readBib("@article{a, title = {A}}\n\n@article\n  {b, title = {B}}\n");
    expect(results.map((r) => [r.position, r.line])).toEqual([[1, 1], [2, 3]]);
    expect(okRecords(results).map((r) => r.title)).toEqual(["A", "B"]);
  });

  it("maps entry types to kinds, and a @misc with an arXiv eprint to a paper", async () => {
    const records = okRecords(await readBib(`@inproceedings{a, title = {A}, booktitle = {Proc. X}}
@patent{b, title = {B}}
@misc{c, title = {C}, eprint = {2101.01234}, archivePrefix = {arXiv}}
@book{d, title = {D}}
@misc{e, title = {E}, type = {Conference Paper}}`));
    expect(records.map((r) => r.kind)).toEqual(["CONFERENCE_PAPER", "PATENT", "PAPER", "OTHER", "CONFERENCE_PAPER"]);
    expect(records[0].venue).toBe("Proc. X");
    expect(records[2].arxivId).toBe("2101.01234");
  });

  it("reads identifiers and citation counts the way WoS and Scopus write them", async () => {
    const records = okRecords(await readBib(String.raw`@article{ WOS:000278542800018,
Title = {W}, DOI = {10.1007/978-3-642-10745-0\_76}, Times-Cited = {29}, Unique-ID = {WOS:000278542800018},
Keywords = {AHP; Neural networks}, Keywords-Plus = {CONSISTENCY}, PubMed-ID = {123456}
}
@ARTICLE{S1, title = {S}, url = {https://www.scopus.com/inward/record.uri?eid=2-s2.0-85083087417&partnerID=40},
  author_keywords = {consistency ratio; incomplete data}, keywords = {Decision making}, note = {Cited by: 52}, pmid = {19299883}}
@article{N, title = {N}, note = {arXiv:1706.03762}, keywords = {x, y}}`));
    expect(records[0]).toMatchObject({
      doi: "10.1007/978-3-642-10745-0_76", citationCount: 29, externalId: "WOS:000278542800018", pmid: "123456",
      keywords: ["AHP", "Neural networks", "CONSISTENCY"],
    });
    expect(records[1]).toMatchObject({
      externalId: "2-s2.0-85083087417", citationCount: 52, pmid: "19299883",
      keywords: ["consistency ratio", "incomplete data", "Decision making"],
    });
    expect(records[2]).toMatchObject({ arxivId: "1706.03762", keywords: ["x", "y"], citationCount: null });
  });

  it("takes WoS affiliations one per line, without the repeated corresponding-author line", async () => {
    const [record] = okRecords(await readBib(String.raw`@article{w,
Title = {T},
Affiliation = {Gomez-Ruiz, JA (Corresponding Author), Univ Malaga, Dept Comp Sci \& AI, E-29071 Malaga, Spain.
   Karanik, Marcelo, Natl Technol Univ, RA-3500 Resistencia, Argentina.
   Zhou, Xinyi, Syracuse Univ, Dept Elect Engn \& Comp Sci, Syracuse, NY 13244 USA.},
}`));
    expect(record.affiliations.map((a) => a.raw)).toEqual([
      "Karanik, Marcelo, Natl Technol Univ, RA-3500 Resistencia, Argentina.",
      "Zhou, Xinyi, Syracuse Univ, Dept Elect Engn & Comp Sci, Syracuse, NY 13244 USA.",
    ]);
    expect(record.countries).toEqual(["AR", "US"]);
  });

  it("keeps a record whose text is not valid LaTeX (a bare '$' from Scopus) instead of failing it", async () => {
    const [record] = okRecords(await readBib(String.raw`@article{s, title = {Costs of US$5 for Fran\c{c}ois and {\"o}ther},
      abstract = {{\"o} < 1 and a > b}, note = {p < 0.05}}`));
    expect(record.title).toBe("Costs of US$5 for François and öther");
    expect(record.abstract).toBe("ö < 1 and a > b"); // not LaTeX's "¡" and "¿"
    expect(record.raw.note).toBe("p < 0.05");
  });

  it("reports an entry without its closing brace and one with broken fields, with positions and lines, and reads on", async () => {
    const results = await readBib(`@article{a, title = {First}}
@article{b, title = {Unclosed}, year = {2020
@article{c, title = {Third}}
@article{d, title {no equals sign}}
@article{e, title = {Fifth}}
`);
    expect(results.map((r) => [r.position, r.line, r.ok])).toEqual([
      [1, 1, true], [2, 2, false], [3, 3, true], [4, 4, false], [5, 5, true],
    ]);
    expect(results[1]).toMatchObject({ message: "Entry 2 (line 2) @article has no closing brace" });
    expect(results[3]).toMatchObject({ message: 'Entry 4 (line 4) is not valid BibTeX: field "title" is not followed by "="' });
    expect(okRecords(results.filter((r) => r.ok)).map((r) => r.title)).toEqual(["First", "Third", "Fifth"]);
  });

  it("reports an unclosed entry at the end of the file", async () => {
    const results = await readBib("@article{a, title = {A}}\n@article{b, title = {B}");
    expect(results[1]).toMatchObject({ ok: false, position: 2, line: 2, message: "Entry 2 (line 2) @article has no closing brace" });
  });

  it("is detected by an entry header near the top, after a preamble, and not from an '@' elsewhere", () => {
    expect(looksLikeBibtex("Scopus\nEXPORT DATE: 08 July 2023\n\n@ARTICLE{Haseli202079,\n\tauthor = {X}")).toBe(true);
    expect(looksLikeBibtex("@string{jpr = {J}}\n")).toBe(true);
    expect(looksLikeBibtex("Title,Email\nA,me@example.org\n")).toBe(false);
    expect(looksLikeBibtex("TY  - JOUR\nTI  - @article{x, in a title}\n")).toBe(false);
  });
});

describe.skipIf(!fixturesPresent)("BibTeX fixtures", () => {
  const FILES = ["bibtex/pybibx_wos_m.bib", "scopus/pybibx_scopus_m.bib"];

  for (const file of FILES) {
    it(`imports ${file} with the record count PROVENANCE.md states, without errors`, async () => {
      const stated = provenance().get(file);
      expect(stated, `${file} has no row in PROVENANCE.md`).toBeDefined();
      expect(statSync(fixturePath(file)).size).toBe(stated?.bytes);
      const { format, results } = await importFixture(file);
      expect(format).toBe("bibtex");
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results).toHaveLength(stated?.records ?? -1);
      expect(results.map((r) => r.position)).toEqual(results.map((_, i) => i + 1));
    });
  }

  it("reads the WoS BibTeX fields as the file has them", async () => {
    const records = okRecords((await importFixture("bibtex/pybibx_wos_m.bib")).results);
    expect(records[0]).toMatchObject({
      kind: "PAPER",
      title: "Estimation of missing judgments in AHP pairwise matrices using a neural network-based model",
      year: 2010, publishedOn: "2010-07-15", language: "en", venue: "APPLIED MATHEMATICS AND COMPUTATION",
      doi: "10.1016/j.amc.2010.04.009", citationCount: 29, externalId: "WOS:000278542800018", countries: ["ES", "AR"],
    });
    expect(records[0].authors[1]).toEqual({ full: "Karanik, Marcelo", family: "Karanik", given: "Marcelo" });
    expect(records[0].keywords.slice(0, 2)).toEqual(["AHP", "Pairwise matrix reconstruction"]);
    expect(records[0].keywords).toContain("ANALYTIC HIERARCHY PROCESS"); // Keywords-Plus
    expect(records[3]).toMatchObject({ kind: "CONFERENCE_PAPER", venue: "BIO-INSPIRED SYSTEMS: COMPUTATIONAL AND AMBIENT INTELLIGENCE, PT 1" });
    expect(records[12].doi).toBe("10.1007/978-3-642-10745-0_76");
    expect(records[23].title).toBe("R&D Project Performance Evaluation With Multiple and Interdependent Criteria");
  });

  it("reads the Scopus BibTeX fields as the file has them, including its broken citation key", async () => {
    const records = okRecords((await importFixture("scopus/pybibx_scopus_m.bib")).results);
    expect(records[0]).toMatchObject({
      title: "Base-criterion on multi-criteria decision-making method and its applications",
      year: 2020, citationCount: 52, externalId: "2-s2.0-85083087417", countries: ["IR", "IN"],
      doi: "10.1080/17509653.2019.1633964",
    });
    expect(records[2].kind).toBe("CONFERENCE_PAPER");
    expect(records[3]).toMatchObject({ title: "A Monte Carlo investigation of incomplete pairwise comparison matrices in AHP", citationCount: 136 });
    expect(records[3].authors[0]).toEqual({ full: "Carmone Jr., Frank J.", family: "Carmone Jr.", given: "Frank J." });
    expect(records[14].authors.map((a) => a.family)).toEqual(["Kułakowski", "Grobler-Dębska", "Wąs"]);
    expect(records[19].pmid).toBe("19299883");
  });

  it("gives the same records whether the bytes come in 7-byte or 64 KB chunks", async () => {
    for (const file of FILES) {
      const bytes = readFixture(file);
      const small = await collect((await readRecords(sliced(bytes, 7))).records);
      const large = await collect((await readRecords(sliced(bytes, 65536))).records);
      expect(small).toEqual(large);
    }
  });

  it("reports a broken entry in the middle of a real export and imports every other one", async () => {
    const text = readFixture("scopus/pybibx_scopus_m.bib").toString("utf8");
    const third = text.indexOf("@CONFERENCE{Entani2019");
    const broken = `${text.slice(0, third)}@ARTICLE{Broken, title = {No end}, year = {2020\n\n${text.slice(third)}`;
    const { results } = await readAll(broken);
    expect(results).toHaveLength(25);
    const errors = results.filter((r) => !r.ok);
    expect(errors).toEqual([
      { ok: false, position: 3, line: 53, message: "Entry 3 (line 53) @article has no closing brace" },
    ]);
    expect(okRecords(results.filter((r) => r.ok))[2].title).toMatch(/^Fuzzy Approach for Group Assessment/);
  });
});
