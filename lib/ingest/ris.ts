// Streaming RIS import: "XX  - value" lines, one record from TY to ER.
import { buildRecord } from "./build-record";
import { readLines } from "./decode";
import type { Format } from "./formats";
import type { ReadResult } from "./record";
import { risToDraft, type RisTags } from "./ris-fields";

// "ER  -" often comes without the trailing space, so the value part is optional.
const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*)|\s*)$/;

type RisEntry = { line: number; tags: RisTags };

/**
 * Groups lines into tagged records. Repeated tags accumulate; an untagged line continues the previous
 * tag's value. A record closed by ER is held until the next TY, because Ovid writes a tag after the ER
 * ("NL  - J Health Psychol") that still belongs to it; untagged lines there ("2.", links) are skipped.
 * A TY inside an open record, or the end of the file, closes the record even without an ER.
 */
export async function* readRisEntries(lines: AsyncIterable<string>): AsyncGenerator<RisEntry> {
  let open: RisEntry | null = null; // between TY and ER
  let closed: RisEntry | null = null; // after ER, waiting for the next TY
  let lastTag: string | null = null; // only set inside an open record
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const match = TAG_LINE.exec(line);
    if (!match) {
      const values = open && lastTag ? open.tags[lastTag] : undefined;
      if (values && line.trim()) values[values.length - 1] = `${values[values.length - 1]} ${line.trim()}`.trim();
      continue;
    }
    const [, tag, value = ""] = match;
    if (tag === "ER") {
      [closed, open, lastTag] = [open ?? closed, null, null];
      continue;
    }
    if (tag === "TY") {
      const previous = open ?? closed;
      if (previous) yield previous;
      [open, closed] = [null, null];
    }
    const target = open ?? closed ?? (open = { line: lineNumber, tags: {} });
    (target.tags[tag] ??= []).push(value.trim());
    lastTag = target === open ? tag : null;
  }
  const last = open ?? closed;
  if (last) yield last;
}

/** A TY line near the top and at least one more tag line. */
export function looksLikeRis(head: string): boolean {
  const lines = head.split("\n").filter((line) => line.trim() !== "");
  const hasType = lines.slice(0, 10).some((line) => /^TY {2}- ?/.test(line));
  return hasType && lines.filter((line) => TAG_LINE.test(line)).length >= 2;
}

async function* readRis(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  let position = 0;
  for await (const entry of readRisEntries(readLines(text))) {
    position++;
    yield buildRecord(risToDraft(entry.tags), { position, line: entry.line });
  }
}

export const risFormat = {
  id: "ris" as const,
  label: "RIS",
  detect: looksLikeRis,
  read: readRis,
} satisfies Format;
