// PubMed XML (EFetch / "Send to: File, XML"): a PubmedArticleSet of PubmedArticle and PubmedBookArticle,
// any DTD version (the elements used here are stable from pubmed_180101 to pubmed_250101).
import type { RecordDraft } from "./build-record";
import type { Format } from "./formats";
import type { DocumentKind } from "./record";
import type { XmlElement } from "./xml";
import { readXmlFormat, type XmlOutcome } from "./xml-reader";
import { find, findAll, textAt, textOf, textsAt, toPlain } from "./xml-tree";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Year/Month/Day children → "2022-10-05", "2022-11" or "2022"; MedlineDate ("1998 Dec-1999 Jan") as given. */
function dateOf(element: XmlElement | undefined): string | undefined {
  const year = textAt(element, "Year");
  if (!year) return textAt(element, "MedlineDate");
  const monthText = textAt(element, "Month") ?? "";
  const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTHS.indexOf(monthText.slice(0, 3).toLowerCase()) + 1;
  if (!month) return year;
  const day = Number(textAt(element, "Day") ?? "0");
  const mm = String(month).padStart(2, "0");
  return day ? `${year}-${mm}-${String(day).padStart(2, "0")}` : `${year}-${mm}`;
}

function authorName(author: XmlElement): string | undefined {
  const collective = textAt(author, "CollectiveName");
  if (collective) return collective;
  const family = textAt(author, "LastName");
  const given = textAt(author, "ForeName") ?? textAt(author, "Initials");
  return family && given ? `${family}, ${given}` : family;
}

/** Affiliations end with contact details PubMed appends; they would hide the country. */
function cleanAffiliation(text: string): string {
  return text
    .replace(/\s*Electronic address:.*$/i, "")
    .replace(/\s*\S+@\S+/g, "")
    .replace(/[\s.;]+$/, "");
}

function abstractOf(abstract: XmlElement | undefined): string {
  return findAll(abstract, "AbstractText")
    .map((part) => {
      const label = part.attributes.Label;
      return label ? `${label}: ${textOf(part)}` : textOf(part);
    })
    .join(" ");
}

const KINDS: [RegExp, DocumentKind][] = [
  [/^(congress|clinical conference|consensus development conference)/i, "CONFERENCE_PAPER"],
  [/^(news|newspaper article)$/i, "NEWS"],
  [/^(practice guideline|guideline|legislation)$/i, "POLICY"],
];

function kindOf(types: string[]): DocumentKind {
  for (const [pattern, kind] of KINDS) if (types.some((type) => pattern.test(type))) return kind;
  return "PAPER";
}

function doiOf(record: XmlElement, article: XmlElement | undefined): string | undefined {
  const located = findAll(article, "ELocationID").find((e) => e.attributes.EIdType === "doi");
  const listed = findAll(record, "PubmedData/ArticleIdList/ArticleId").find((e) => e.attributes.IdType === "doi");
  return textOf(located ?? listed) || undefined;
}

function articleDraft(record: XmlElement): RecordDraft {
  const citation = find(record, "MedlineCitation");
  const article = find(citation, "Article");
  const authors = findAll(article, "AuthorList/Author").filter((a) => a.attributes.ValidYN !== "N");
  const types = textsAt(article, "PublicationTypeList/PublicationType");
  return {
    kind: kindOf(types),
    title: textAt(article, "ArticleTitle") ?? textAt(article, "VernacularTitle"),
    abstract: abstractOf(find(article, "Abstract")),
    language: textAt(article, "Language"),
    dates: [dateOf(find(article, "ArticleDate")), dateOf(find(article, "Journal/JournalIssue/PubDate"))].filter(
      (d): d is string => Boolean(d),
    ),
    authors: authors.map(authorName).filter((n): n is string => Boolean(n)),
    affiliations: authors.flatMap((a) => textsAt(a, "AffiliationInfo/Affiliation")).map(cleanAffiliation),
    keywords: [...textsAt(citation, "KeywordList/Keyword"), ...textsAt(citation, "MeshHeadingList/MeshHeading/DescriptorName")],
    venue: textAt(article, "Journal/Title") ?? textAt(citation, "MedlineJournalInfo/MedlineTA"),
    doi: doiOf(record, article),
    pmid: textAt(citation, "PMID"),
    raw: { [record.name]: toPlain(record), publicationTypes: types },
  };
}

function bookDraft(record: XmlElement): RecordDraft {
  const book = find(record, "BookDocument");
  const authors = findAll(book, "AuthorList/Author");
  return {
    kind: "PAPER",
    title: textAt(book, "ArticleTitle") ?? textAt(book, "Book/BookTitle"),
    abstract: abstractOf(find(book, "Abstract")),
    language: textAt(book, "Language"),
    dates: [dateOf(find(book, "Book/PubDate"))].filter((d): d is string => Boolean(d)),
    authors: authors.map(authorName).filter((n): n is string => Boolean(n)),
    affiliations: authors.flatMap((a) => textsAt(a, "AffiliationInfo/Affiliation")).map(cleanAffiliation),
    keywords: textsAt(book, "KeywordList/Keyword"),
    venue: textAt(book, "Book/BookTitle"),
    doi: textOf(findAll(book, "ArticleIdList/ArticleId").find((e) => e.attributes.IdType === "doi")) || undefined,
    pmid: textAt(book, "PMID"),
    raw: { [record.name]: toPlain(record) },
  };
}

/** An eSearch answer lists PMIDs only; it is reported as what it is rather than read as empty. */
function eSearchOutcome(result: XmlElement): XmlOutcome {
  const ids = findAll(result, "IdList/Id").length;
  const count = textAt(result, "Count") ?? "?";
  return {
    error:
      `is a PubMed eSearch result: a list of ${ids} PMIDs (of ${count} matches), not articles. ` +
      "Fetch the articles with EFetch (db=pubmed, retmode=xml) or PubMed's “Save → PubMed format/XML” and import that file",
  };
}

function* pubmedOutcomes(element: XmlElement): Generator<XmlOutcome> {
  if (element.name === "eSearchResult") yield eSearchOutcome(element);
  else if (element.name === "PubmedBookArticle") yield bookDraft(element);
  else yield articleDraft(element);
}

const RECORDS = new Set(["PubmedArticle", "PubmedBookArticle"]);

export const pubmedXmlFormat = {
  id: "pubmed-xml" as const,
  label: "PubMed XML",
  detect: (head: string) => /<(?:PubmedArticleSet|PubmedArticle|PubmedBookArticle|eSearchResult)[\s>]/.test(head),
  read: (text: AsyncIterable<string>) =>
    readXmlFormat(text, {
      isRecord: (name, ancestors) => RECORDS.has(name) || (name === "eSearchResult" && ancestors.length === 0),
      skip: new Set(["ReferenceList"]),
      toDrafts: pubmedOutcomes,
      emptyMessage: "The PubMed XML file holds no articles (no PubmedArticle or PubmedBookArticle element)",
    }),
} satisfies Format;
