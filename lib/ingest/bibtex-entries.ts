// Splits a BibTeX stream into top-level "@type{…}" blocks, one at a time, by brace counting —
// so memory holds one entry however large the file. Values are parsed later, per entry.

/** One top-level block: its type (lowercase), the text between its delimiters, and the line of its "@". */
export type BibBlock = { type: string; body: string; line: number };

export type BibChunk = { ok: true; block: BibBlock } | { ok: false; line: number; type: string; message: string };

// A larger entry is a broken brace that would swallow the rest of the file.
const MAX_ENTRY_CHARS = 4 * 1024 * 1024;

const HEADER = /@\s*([A-Za-z][\w:-]*)\s*([{(])/y;
const HEADER_PENDING = /@\s*([A-Za-z][\w:-]*)\s*$/y; // "@article" with its "{" on the next line
// A new entry at the very start of a line while one is open means the open one lost its closing brace.
const ENTRY_START = /^@\s*[A-Za-z][\w:-]*\s*[{(]/;

type Open = { type: string; close: "}" | ")"; line: number; parts: string[]; size: number; depth: number; quoted: boolean };

/**
 * Brace counting as BibTeX does it: a backslash does not escape a brace. A "("-delimited entry ends at
 * a ")" outside braces and quotes. Text outside entries is a comment, as in BibTeX.
 */
class BlockScanner {
  private open: Open | null = null;
  private pending: { text: string; line: number } | null = null; // a header whose delimiter is on the next line
  private lineNumber = 0;

  /** The blocks that end on this line, and an error for an open entry that a new one interrupts. */
  *line(raw: string): Generator<BibChunk> {
    this.lineNumber++;
    if (this.open && ENTRY_START.test(raw)) yield this.unterminated();
    const carried = this.pending; // re-read at the start of this line
    const line = carried ? `${carried.text} ${raw}` : raw;
    const lineOf = (at: number) => (carried && at < carried.text.length ? carried.line : this.lineNumber);
    this.pending = null;
    let i = 0;
    while (i <= line.length) {
      if (!this.open) {
        const at = line.indexOf("@", i);
        if (at < 0) return;
        i = this.openAt(line, at, lineOf(at));
        continue;
      }
      const end = scanToClose(line, i, this.open);
      this.append(end < 0 ? `${line.slice(i)}\n` : line.slice(i, end));
      if (end < 0) return;
      yield this.close();
      i = end + 1;
    }
  }

  /** An error for an entry still open at the end of the file. */
  *end(): Generator<BibChunk> {
    if (this.open) yield this.unterminated();
  }

  /** Opens the entry whose header starts at `at` and returns where its body starts; else skips the "@". */
  private openAt(line: string, at: number, lineNumber: number): number {
    HEADER.lastIndex = at;
    const header = HEADER.exec(line);
    if (!header) {
      HEADER_PENDING.lastIndex = at;
      if (HEADER_PENDING.test(line)) this.pending = { text: line.slice(at), line: lineNumber };
      return at + 1;
    }
    const close = header[2] === "{" ? "}" : ")";
    this.open = { type: header[1].toLowerCase(), close, line: lineNumber, parts: [], size: 0, depth: 0, quoted: false };
    return HEADER.lastIndex;
  }

  private append(text: string): void {
    const open = this.open as Open;
    open.size += text.length;
    if (open.size <= MAX_ENTRY_CHARS) open.parts.push(text);
  }

  private close(): BibChunk {
    const { type, line, parts, size } = this.open as Open;
    this.open = null;
    return size > MAX_ENTRY_CHARS
      ? { ok: false, line, type, message: `is longer than ${MAX_ENTRY_CHARS} characters` }
      : { ok: true, block: { type, body: parts.join(""), line } };
  }

  private unterminated(): BibChunk {
    const { type, line } = this.open as Open;
    this.open = null;
    return { ok: false, line, type, message: "has no closing brace" };
  }
}

/** Index of the entry's closing delimiter in `line` from `from`, or -1; updates the depth as it goes. */
function scanToClose(line: string, from: number, entry: Open): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (c === "{") entry.depth++;
    else if (c === "}") {
      if (entry.depth === 0 && entry.close === "}") return i;
      entry.depth = Math.max(0, entry.depth - 1);
    } else if (entry.close === ")" && entry.depth === 0) {
      if (c === '"') entry.quoted = !entry.quoted;
      else if (c === ")" && !entry.quoted) return i;
    }
  }
  return -1;
}

export async function* readBibBlocks(lines: AsyncIterable<string>): AsyncGenerator<BibChunk> {
  const scanner = new BlockScanner();
  for await (const line of lines) yield* scanner.line(line);
  yield* scanner.end();
}
