// Line-oriented tagged formats (Web of Science, Derwent, MEDLINE, EndNote/Refer, NoteExpress, CNKI E-Study)
// share one shape: a tag line starts a field, a record starts at an opening tag, some formats close it with
// an end tag, and untagged lines continue the field before them. This groups lines into records, one at a time.
import { buildRecord, type RecordDraft } from "./build-record";
import { readLines } from "./decode";
import type { ReadResult } from "./record";

export type Tags = Record<string, string[]>;

export type TaggedEntry = { line: number; tags: Tags; oversized: boolean };

export type TagGrammar = {
  /** The tag and value of a tag line; null for any other line. */
  parse(line: string): { tag: string; value: string } | null;
  /** The tag that starts a record; it also closes a record left open (a missing end tag). */
  opens: string;
  /** The tag that ends a record (WoS "ER"), if the format has one. */
  closes?: string;
  /** Tags that mean nothing outside a record (file headers and trailers: WoS "FN", "VR", "EF"). */
  outside?: string[];
  /**
   * "value": every continuation line is a value of its own (WoS puts one author or address per line);
   * "join": continuation lines are the wrapped rest of the value before them.
   */
  continuation: "value" | "join";
};

/** The non-empty values of a tag. */
export function values(tags: Tags, tag: string): string[] {
  return (tags[tag] ?? []).map((value) => value.trim()).filter(Boolean);
}

/** A field wrapped over several lines, as one text. */
export function joined(tags: Tags, tag: string): string | undefined {
  return values(tags, tag).join(" ") || undefined;
}

export function firstValue(tags: Tags, ...names: string[]): string | undefined {
  return names.flatMap((tag) => values(tags, tag))[0];
}

/** Values of a list field: one per line or per ";" (WoS "DE a; b;\n   c" and "AU A; B" alike). */
export function listOf(tags: Tags, tag: string): string[] {
  return values(tags, tag).flatMap((value) => value.split(";")).map((value) => value.trim()).filter(Boolean);
}

// A record that never ends (a broken or hostile file) must not hold the whole file in memory.
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

type Open = { line: number; tags: Map<string, string[]>; chars: number; oversized: boolean; lastTag: string | null };

/** Adds a tag line's value, or a continuation line to the field before it. */
function add(record: Open, tag: string, value: string, continues: boolean) {
  if (record.oversized) return;
  const list = record.tags.get(tag) ?? [];
  if (continues && list.length > 0) {
    const space = /^[,，;；.。:：)）]/.test(value) ? "" : " "; // ",湖北武汉430074" continues without a gap
    list[list.length - 1] = `${list[list.length - 1]}${space}${value}`;
  } else list.push(value);
  record.tags.set(tag, list);
}

function entry(record: Open): TaggedEntry {
  return { line: record.line, tags: Object.fromEntries(record.tags), oversized: record.oversized };
}

/**
 * Groups lines into records. Blank lines are skipped without ending the field before them (NoteExpress
 * breaks addresses over blank lines); continuation lines outside a record are dropped.
 */
export async function* readTaggedEntries(lines: AsyncIterable<string>, grammar: TagGrammar): AsyncGenerator<TaggedEntry> {
  let open: Open | null = null;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (open) {
      open.chars += line.length + 1;
      if (open.chars > MAX_RECORD_CHARS) [open.oversized, open.tags] = [true, new Map()]; // let the memory go
    }
    const field = grammar.parse(line);
    if (!field) {
      const text = line.trim();
      if (open?.lastTag && text) add(open, open.lastTag, text, grammar.continuation === "join");
      continue;
    }
    const { tag, value } = field;
    if (tag === grammar.closes) {
      if (open) yield entry(open);
      open = null;
      continue;
    }
    if (!open && grammar.outside?.includes(tag)) continue;
    if (tag === grammar.opens && open) {
      yield entry(open);
      open = null;
    }
    open ??= { line: lineNumber, tags: new Map(), chars: 0, oversized: false, lastTag: null };
    add(open, tag, value.trim(), false);
    open.lastTag = tag;
  }
  if (open) yield entry(open);
}

/** Tagged entries → ReadResults, numbered 1..n in file order; `toDraft` maps one record's tags. */
export async function* readTaggedRecords(
  text: AsyncIterable<string>,
  grammar: TagGrammar,
  toDraft: (tags: Tags) => RecordDraft,
): AsyncGenerator<ReadResult> {
  let position = 0;
  for await (const { line, tags, oversized } of readTaggedEntries(readLines(text), grammar)) {
    position++;
    if (oversized) {
      yield { ok: false, position, line, message: `Record ${position} (line ${line}) is longer than ${MAX_RECORD_CHARS} characters` };
    } else yield buildRecord(toDraft(tags), { position, line });
  }
}
