import { describe, expect, it } from "vitest";
import { countryCode, parseAffiliation } from "@/lib/ingest/countries";
import { arxivIdFrom, cleanText, isoDateFrom, normaliseDoi, parseAuthor, yearFromDate } from "@/lib/ingest/normalise";

describe("cleanText", () => {
  it("removes HTML/JATS markup and entities and collapses whitespace", () => {
    expect(cleanText("<jats:p>Fast &amp; cheap</jats:p><jats:p>sensors</jats:p>")).toBe("Fast & cheap sensors");
    expect(cleanText("YBa<inf>2</inf>Cu<sub>3</sub>O&#8322;  \n x\u00a0y")).toBe("YBa2Cu3O₂ x y");
    expect(cleanText("a < b and c > d")).toBe("a < b and c > d");
  });
});

describe("normaliseDoi", () => {
  it("lowercases and strips URL and doi: prefixes", () => {
    expect(normaliseDoi("https://doi.org/10.1016/J.CELL.2020.01.001")).toBe("10.1016/j.cell.2020.01.001");
    expect(normaliseDoi("http://dx.doi.org/10.1002/cpp.2398")).toBe("10.1002/cpp.2398");
    expect(normaliseDoi("doi: 10.1000/xyz")).toBe("10.1000/xyz");
    expect(normaliseDoi("10.1016%2fj.psyneuen.2019.104501")).toBe("10.1016/j.psyneuen.2019.104501");
  });

  it("returns null for text that holds no DOI", () => {
    expect(normaliseDoi("n/a")).toBeNull();
    expect(normaliseDoi("")).toBeNull();
  });
});

describe("dates", () => {
  it("finds the year in any date-like text", () => {
    expect(yearFromDate("2019//")).toBe(2019);
    expect(yearFromDate("1-3 Sept. 2021")).toBe(2021);
    expect(yearFromDate("20190702")).toBe(2019);
    expect(yearFromDate("vol 12345")).toBeNull();
  });

  it("gives an ISO date only when the date is complete and valid", () => {
    expect(isoDateFrom("1997/02/01")).toBe("1997-02-01");
    expect(isoDateFrom("2019/07/02/")).toBe("2019-07-02");
    expect(isoDateFrom("4 Feb 2014")).toBe("2014-02-04");
    expect(isoDateFrom("Sept. 3, 2021")).toBe("2021-09-03");
    expect(isoDateFrom("2019/06//undefined")).toBeNull();
    expect(isoDateFrom("2019/02/30")).toBeNull();
    expect(isoDateFrom("1 Jan.-Feb. 2019")).toBeNull();
  });
});

describe("parseAuthor", () => {
  it("splits 'Family, Given'", () => {
    expect(parseAuthor("Smith, John A.")).toEqual({ full: "Smith, John A.", family: "Smith", given: "John A." });
  });

  it("splits names with initials after or before the family name", () => {
    expect(parseAuthor("van der Ende J.")).toEqual({ full: "van der Ende J.", family: "van der Ende", given: "J." });
    expect(parseAuthor("J. -P. Nominé")).toEqual({ full: "J. -P. Nominé", family: "Nominé", given: "J. -P." });
  });

  it("keeps only the full name when the order cannot be known", () => {
    expect(parseAuthor("Guozhen Zhang")).toEqual({ full: "Guozhen Zhang" });
    expect(parseAuthor("张三")).toEqual({ full: "张三" });
    expect(parseAuthor("JOHN SMITH")).toEqual({ full: "JOHN SMITH" });
  });
});

describe("arxivIdFrom", () => {
  it("finds new- and old-style ids in URLs and arXiv DOIs", () => {
    expect(arxivIdFrom("https://arxiv.org/abs/1605.08386v1")).toBe("1605.08386v1");
    expect(arxivIdFrom("10.48550/arxiv.2301.01234")).toBe("2301.01234");
    expect(arxivIdFrom("astro-ph/0601001")).toBe("astro-ph/0601001");
  });
});

describe("countries", () => {
  it("maps names and database abbreviations to ISO codes", () => {
    expect(countryCode("Peoples R China")).toBe("CN");
    expect(countryCode("USA")).toBe("US");
    expect(countryCode("Bosnia and Herzegovina")).toBe("BA");
    expect(countryCode("中国")).toBe("CN");
    expect(countryCode("Germany")).toBe("DE"); // not the withdrawn DD that ICU also names
    expect(countryCode("Atlantis")).toBeNull();
  });

  it("takes the country from the end of an affiliation", () => {
    expect(parseAffiliation("CUNY John Jay Coll Criminal Justice, Dept Psychol, New York, NY 10019 USA")).toEqual({
      raw: "CUNY John Jay Coll Criminal Justice, Dept Psychol, New York, NY 10019 USA",
      institution: "CUNY John Jay Coll Criminal Justice",
      country: "US",
    });
    expect(parseAffiliation("Dept of Physics, University of Oslo, Norway").institution).toBe("University of Oslo");
  });
});
