// Streaming Web of Science plain-text import ("FN Clarivate Analytics Web of Science", "VR 1.0",
// two-letter tags, continuation lines indented, ER closing each record, EF closing the file).
import type { Format } from "./formats";
import type { ReadResult } from "./record";
import { readTaggedRecords, type TagGrammar } from "./tagged-records";
import { wosToDraft } from "./wos-fields";

// A tag, then one space and the value; "ER" and "EF" stand alone, empty fields ("CR ") keep their space.
const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/;

export const WOS_GRAMMAR: TagGrammar = {
  parse(line) {
    const match = TAG_LINE.exec(line);
    return match ? { tag: match[1], value: match[2] ?? "" } : null;
  },
  opens: "PT",
  closes: "ER",
  outside: ["FN", "VR", "EF"],
  continuation: "value",
};

/**
 * The file header, or a first record's PT line (single-record and converted files have no header),
 * followed by more WoS tag lines — RIS ("TY  - ") and MEDLINE ("PMID- ") lines do not fit the pattern.
 * @returns the first record's source type ("J", "P", …), or null when the head is not WoS tagged text
 */
export function wosSourceType(head: string): string | null {
  const lines = head.split("\n").filter((line) => line.trim() !== "");
  const start = lines.findIndex((line) => !/^(?:FN|VR) /.test(line));
  if (start < 0 || (start > 0 && !/^FN /.test(lines[0]))) return null;
  const pt = /^PT ([A-Z])\s*$/.exec(lines[start])?.[1];
  const tagLines = lines.slice(start + 1, start + 12).filter((line) => /^[A-Z][A-Z0-9] \S/.test(line));
  return pt && tagLines.length >= 2 ? pt : null;
}

function readWos(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  return readTaggedRecords(text, WOS_GRAMMAR, wosToDraft);
}

export const wosFormat = {
  id: "wos" as const,
  label: "Web of Science plain text",
  detect: (head: string) => wosSourceType(head) !== null,
  read: readWos,
} satisfies Format;
