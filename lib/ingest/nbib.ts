// Streaming MEDLINE/PubMed text import (.nbib, "PubMed format"): "TAG - value" with tags padded to four
// characters ("PMID- ", "AU  - "), values wrapped onto lines indented by six spaces, a record per PMID.
import type { RecordDraft } from "./build-record";
import type { Format } from "./formats";
import type { DocumentKind, ReadResult } from "./record";
import { firstValue, joined, readTaggedRecords, values, type TagGrammar, type Tags } from "./tagged-records";

const TAG_LINE = /^([A-Z][A-Z0-9]{1,3}) *-(?: (.*)|\s*)$/;

const NBIB_GRAMMAR: TagGrammar = {
  parse(line) {
    const match = TAG_LINE.exec(line);
    return match ? { tag: match[1], value: match[2] ?? "" } : null;
  },
  opens: "PMID",
  continuation: "join",
};

/** "2021 Jan 19" → "19 Jan 2021", a form the date parser reads; "2006", "2019 Spring" stay as they are. */
function publicationDate(dp: string | undefined): string | undefined {
  const match = dp?.match(/^(\d{4}) ([A-Za-z]{3}) (\d{1,2})$/);
  return match ? `${match[3]} ${match[2]} ${match[1]}` : dp;
}

/** LID and AID carry several ids with their type in brackets: "10.1055/s-0040-1719149 [doi]", "e0275046 [pii]". */
function doiOf(tags: Tags): string | undefined {
  const value = [...values(tags, "LID"), ...values(tags, "AID")].find((id) => /\[doi\]$/.test(id));
  return value?.replace(/\s*\[doi\]$/, "");
}

/** Publication types: most are journal items (articles, reviews, letters); these are not. */
function kindOf(tags: Tags): DocumentKind {
  const types = values(tags, "PT").map((type) => type.toLowerCase());
  if (types.includes("congress") || types.includes("clinical conference")) return "CONFERENCE_PAPER";
  if (types.includes("news") || types.includes("newspaper article")) return "NEWS";
  if (tags.BTI && !tags.TI) return "OTHER"; // a book or book chapter
  return "PAPER";
}

/** AD lines end with the author's e-mail ("…, UK. j.a.casbon@qmul.ac.uk"), which hides the country. */
function affiliation(text: string): string {
  return text
    .replace(/\s*(?:Electronic address:\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?/gi, "")
    .replace(/[\s.,;]+$/, "")
    .trim();
}

/** "Information Storage and Retrieval/*methods" → the heading without its qualifier and major-topic stars. */
function meshHeading(text: string): string {
  return text.split("/")[0].replace(/\*/g, "").trim();
}

export function nbibToDraft(tags: Tags): RecordDraft {
  const fullNames = values(tags, "FAU");
  return {
    kind: kindOf(tags),
    title: joined(tags, "TI") ?? joined(tags, "BTI"),
    abstract: joined(tags, "AB"),
    language: firstValue(tags, "LA"),
    dates: [publicationDate(firstValue(tags, "DP")), firstValue(tags, "DEP")].filter((d): d is string => Boolean(d)),
    authors: fullNames.length > 0 ? fullNames : values(tags, "AU"),
    affiliations: values(tags, "AD").map(affiliation),
    keywords: [...values(tags, "MH").map(meshHeading), ...values(tags, "OT")],
    venue: firstValue(tags, "JT", "TA"),
    doi: doiOf(tags),
    pmid: firstValue(tags, "PMID"),
    externalId: firstValue(tags, "PMID"),
    raw: tags,
  };
}

/** A PMID line first, then more MEDLINE tag lines. */
function looksLikeNbib(head: string): boolean {
  const lines = head.split("\n").filter((line) => line.trim() !== "");
  return /^PMID- *\d+\s*$/.test(lines[0] ?? "") && lines.slice(1, 10).filter((line) => TAG_LINE.test(line)).length >= 2;
}

function readNbib(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  return readTaggedRecords(text, NBIB_GRAMMAR, nbibToDraft);
}

export const nbibFormat = {
  id: "nbib" as const,
  label: "MEDLINE/PubMed (.nbib)",
  detect: looksLikeNbib,
  read: readNbib,
} satisfies Format;
