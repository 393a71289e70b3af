// Streaming EndNote/Refer import ("%0 Journal Article", "%T title", "%A author", …), the "EndNote" export
// of CNKI and other Chinese databases; untagged lines continue the field before them (multi-paragraph %X).
import type { RecordDraft } from "./build-record";
import { cleanAbstract, kindOfReferenceType, splitAddresses, splitKeywords, splitNames } from "./cnki-lists";
import type { Format } from "./formats";
import type { ReadResult } from "./record";
import { firstValue, joined, readTaggedRecords, values, type TagGrammar, type Tags } from "./tagged-records";

// "%" and one character: a digit, a letter or one of Refer's signs (%+ address, %@ ISSN/ISBN, %# …).
const TAG_LINE = /^%([0-9A-Za-z@+#$&!*^~<>()[\]|=?]) ?(.*)$/;

const ENDNOTE_GRAMMAR: TagGrammar = {
  parse(line) {
    const match = TAG_LINE.exec(line);
    return match ? { tag: match[1], value: match[2] } : null;
  },
  opens: "0",
  continuation: "join",
};

/** %R holds the DOI in EndNote's own exports; CNKI leaves it out but some databases put a DOI URL in %U. */
function doiOf(tags: Tags): string | undefined {
  return firstValue(tags, "R") ?? values(tags, "U").find((url) => /doi\.org\/10\./i.test(url));
}

export function endnoteToDraft(tags: Tags): RecordDraft {
  return {
    kind: kindOfReferenceType(firstValue(tags, "0")),
    title: joined(tags, "T"),
    abstract: cleanAbstract(joined(tags, "X")),
    language: firstValue(tags, "G"),
    dates: [firstValue(tags, "8"), firstValue(tags, "D")].filter((d): d is string => Boolean(d)),
    authors: values(tags, "A").flatMap(splitNames),
    affiliations: values(tags, "+").flatMap(splitAddresses),
    keywords: values(tags, "K").flatMap(splitKeywords),
    venue: firstValue(tags, "J", "B", "I"), // %I: the university of a thesis
    doi: doiOf(tags),
    externalId: firstValue(tags, "M"),
    raw: tags,
  };
}

/** A "%0 type" line first, and title or author tags after it. */
function looksLikeEndnote(head: string): boolean {
  const lines = head.split("\n").filter((line) => line.trim() !== "");
  return /^%0 \S/.test(lines[0] ?? "") && lines.slice(1, 12).some((line) => /^%[TA] \S/.test(line));
}

function readEndnote(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  return readTaggedRecords(text, ENDNOTE_GRAMMAR, endnoteToDraft);
}

export const endnoteFormat = {
  id: "endnote" as const,
  label: "EndNote/Refer",
  detect: looksLikeEndnote,
  read: readEndnote,
} satisfies Format;
