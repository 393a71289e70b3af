// Streaming NoteExpress import (.net; CNKI and Wanfang): "{Field Name}: value" lines, a record per
// "{Reference Type}". Exports vary: full-width colons ("{Abstract}：…"), author and keyword lists in one
// line or repeated lines, addresses broken over several lines, English records among Chinese ones.
import type { RecordDraft } from "./build-record";
import { cleanAbstract, kindOfReferenceType, splitAddresses, splitKeywords, splitNames } from "./cnki-lists";
import type { Format } from "./formats";
import type { ReadResult } from "./record";
import { firstValue, joined, readTaggedRecords, values, type TagGrammar, type Tags } from "./tagged-records";

const FIELD_LINE = /^\{([^{}]{1,60})\}\s*[:：]\s*(.*)$/;

const NOTEEXPRESS_GRAMMAR: TagGrammar = {
  parse(line) {
    const match = FIELD_LINE.exec(line);
    // "{Subsidiary Author,}" occurs: the field name without stray punctuation.
    return match ? { tag: match[1].replace(/[\s,，:：]+$/, ""), value: match[2] } : null;
  },
  opens: "Reference Type",
  continuation: "join",
};

// A CNKI patent record carries its publication number in "Type of Work" and "Notes": "CN108722921A".
const PATENT_NUMBER = /^[A-Z]{2}\d{5,}[A-Z]\d?$/;

export function noteExpressToDraft(tags: Tags): RecordDraft {
  const kind = kindOfReferenceType(firstValue(tags, "Reference Type"));
  const patent = kind === "PATENT";
  return {
    kind,
    title: joined(tags, "Title"),
    abstract: cleanAbstract(joined(tags, "Abstract")),
    language: firstValue(tags, "Language"),
    dates: [firstValue(tags, "Date"), firstValue(tags, "Year")].filter((d): d is string => Boolean(d)),
    authors: values(tags, "Author").flatMap(splitNames),
    affiliations: values(tags, "Author Address").flatMap(splitAddresses),
    keywords: values(tags, "Keywords").flatMap(splitKeywords),
    assignees: patent ? values(tags, "Subsidiary Author").flatMap(splitNames) : [],
    venue: firstValue(tags, "Journal", "Secondary Title"),
    // Chinese databases write DOIs with full-width slashes and hyphens ("10.3969／j.issn.1672－187X…").
    doi: firstValue(tags, "DOI")?.normalize("NFKC"),
    patentNumber: patent ? [...values(tags, "Type of Work"), ...values(tags, "Notes")].find((v) => PATENT_NUMBER.test(v)) : undefined,
    raw: tags,
  };
}

/** "{Reference Type}: …" as the first line. */
function looksLikeNoteExpress(head: string): boolean {
  const first = head.split("\n").find((line) => line.trim() !== "") ?? "";
  return /^\{Reference Type\}\s*[:：]/.test(first);
}

function readNoteExpress(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  return readTaggedRecords(text, NOTEEXPRESS_GRAMMAR, noteExpressToDraft);
}

export const noteExpressFormat = {
  id: "noteexpress" as const,
  label: "NoteExpress",
  detect: looksLikeNoteExpress,
  read: readNoteExpress,
} satisfies Format;
