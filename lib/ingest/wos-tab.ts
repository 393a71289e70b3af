// Streaming Web of Science tab-delimited import: a header row of field tags ("PT", "AU", "TI", …), then
// one record per line. Cells are never quoted (WoS drops tabs and line breaks from the values), so a
// plain split on tabs is exact where a CSV parser would trip over a title's stray quote.
import { buildRecord } from "./build-record";
import { readLines } from "./decode";
import type { Format } from "./formats";
import type { ReadResult } from "./record";
import type { Tags } from "./tagged-records";
import { wosToDraft } from "./wos-fields";

const TAG = /^[A-Z][A-Z0-9]$/;

/** A first line of at least five tab-separated WoS field tags, among them PT and TI. */
export function looksLikeWosTab(head: string): boolean {
  const header = head.split("\n", 1)[0].split("\t").map((cell) => cell.trim());
  const tags = header.filter((cell) => cell !== "");
  return tags.length >= 5 && tags.every((tag) => TAG.test(tag)) && tags.includes("PT") && tags.includes("TI");
}

function rowToTags(header: string[], cells: string[]): Tags {
  const tags: Tags = {};
  header.forEach((tag, i) => {
    const value = cells[i]?.trim();
    if (tag && value) tags[tag] = [value];
  });
  return tags;
}

async function* readWosTab(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  let header: string[] | null = null;
  let lineNumber = 0;
  let position = 0;
  for await (const line of readLines(text)) {
    lineNumber++;
    if (line.trim() === "") continue;
    const cells = line.split("\t");
    if (!header) {
      header = cells.map((cell) => cell.trim());
      continue;
    }
    position++;
    // A short row is a cut-off line, a long one has cells past the header: either way the columns are off.
    const extra = cells.slice(header.length);
    if (cells.length < header.length || extra.some((cell) => cell.trim() !== "")) {
      const message = `Record ${position} (line ${lineNumber}) has ${cells.length} fields where the header has ${header.length}`;
      yield { ok: false, position, line: lineNumber, message };
      continue;
    }
    yield buildRecord(wosToDraft(rowToTags(header, cells)), { position, line: lineNumber });
  }
}

export const wosTabFormat = {
  id: "wos-tab" as const,
  label: "Web of Science tab-delimited",
  detect: looksLikeWosTab,
  read: readWosTab,
} satisfies Format;
