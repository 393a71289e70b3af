// Conventions shared by the Chinese database exports (CNKI, Wanfang; EndNote/Refer, NoteExpress, E-Study):
// lists separated by ";", ";;" or the full-width "；", Chinese names by commas, and CNKI's text markers.
import type { DocumentKind } from "./record";

const HAN = /\p{Script=Han}/u;

function split(text: string, separator: RegExp): string[] {
  return text.split(separator).map((part) => part.trim()).filter(Boolean);
}

/**
 * Author lists: ";"-separated in CNKI ("柯洪琴;陈璿英;"), ";;" in English records, comma-separated in
 * some Chinese ones ("谢昕,王小娟"). Commas split only Chinese names — "Smith, John" is one Western name.
 */
export function splitNames(text: string): string[] {
  return split(text, /[;；]+/).flatMap((part) => (HAN.test(part) ? split(part, /[,，、]/) : [part]));
}

/** Keyword lists: ";", ";;" or "；"; commas only when there is no semicolon at all. */
export function splitKeywords(text: string): string[] {
  return /[;；]/.test(text) ? split(text, /[;；]+/) : split(text, /[,，]/);
}

/** Address lists, without the institution codes Chinese databases append ("复旦大学附属肿瘤医院|JG001257"). */
export function splitAddresses(text: string): string[] {
  return split(text, /[;；]+/).map((address) => address.replace(/\|[A-Z]{2}\d+$/, "").trim());
}

/** CNKI marks an abstract that is really the opening of the text with "<正>" and line breaks with "(#br)". */
export function cleanAbstract(text: string | undefined): string | undefined {
  return text
    ?.replace(/^<正>/, "")
    .replace(/^Abstract\(#br\)/i, "")
    .replace(/\(#br\)/g, " ");
}

const REFERENCE_TYPES: Record<string, DocumentKind> = {
  "journal article": "PAPER",
  "electronic article": "PAPER",
  "conference proceedings": "CONFERENCE_PAPER",
  "conference paper": "CONFERENCE_PAPER",
  patent: "PATENT",
  "newspaper article": "NEWS",
  "magazine article": "NEWS",
  grant: "PROJECT",
  "government document": "POLICY",
  statute: "POLICY",
  bill: "POLICY",
};

/** EndNote's reference type names, which NoteExpress and the CNKI exports reuse; theses, books and standards are OTHER. */
export function kindOfReferenceType(type: string | undefined): DocumentKind {
  return REFERENCE_TYPES[(type ?? "").trim().toLowerCase()] ?? "OTHER";
}

/** The CNKI FileName in a record link ("…detail.aspx?FileName=ZNYX202101034&DbName=CJFQTEMP"). */
export function cnkiFileName(link: string | undefined): string | undefined {
  return link?.match(/[?&]filename=([^&#\s]+)/i)?.[1];
}
