// The inside of one BibTeX entry: "key, name = {value} # macro # "value", …" → field values as
// LaTeX source, with @string macros and the predefined month macros expanded.

export type BibFields = Record<string, string>; // lowercase field name → LaTeX source of the value

export type BibEntry = { type: string; key: string; fields: BibFields };

/** The entry breaks BibTeX syntax; the message says where. */
export class BibSyntaxError extends Error {}

// BibTeX's own month macros.
const MONTHS: Record<string, string> = {
  jan: "January", feb: "February", mar: "March", apr: "April", may: "May", jun: "June",
  jul: "July", aug: "August", sep: "September", oct: "October", nov: "November", dec: "December",
};

const NAME = /[^\s=,{}"#()]+/y;
const BARE = /[^\s=,{}"#()]+/y; // a number or a macro name

class Cursor {
  i = 0;
  constructor(readonly text: string) {}
  skip(pattern = /[\s]/): void {
    while (this.i < this.text.length && pattern.test(this.text[this.i])) this.i++;
  }
  peek(): string {
    return this.text[this.i] ?? "";
  }
  match(pattern: RegExp): string | null {
    pattern.lastIndex = this.i;
    const found = pattern.exec(this.text)?.[0] ?? null;
    if (found) this.i += found.length;
    return found;
  }
  /** The text up to the delimiter that closes the one at the cursor, braces balanced; the cursor moves past it. */
  delimited(close: string): string {
    const start = ++this.i;
    let depth = 0;
    for (; this.i < this.text.length; this.i++) {
      const c = this.text[this.i];
      if (c === "{") depth++;
      else if (c === "}" && depth > 0) depth--;
      else if (c === close && depth === 0) return this.text.slice(start, this.i++);
    }
    throw new BibSyntaxError(`a value opened with ${close === '"' ? '"' : "{"} is never closed`);
  }
}

// @string macros can refer to each other, so a few small entries can expand to gigabytes; a value
// longer than any real field (an entry is at most 4 MB on disk) is refused.
const MAX_VALUE_CHARS = 4 * 1024 * 1024;

function readValue(cursor: Cursor, field: string, strings: Map<string, string>): string {
  const parts: string[] = [];
  let length = 0;
  for (;;) {
    cursor.skip();
    const c = cursor.peek();
    if (c === "{") parts.push(cursor.delimited("}"));
    else if (c === '"') parts.push(cursor.delimited('"'));
    else {
      const bare = cursor.match(BARE);
      if (!bare) throw new BibSyntaxError(`field "${field}" has no value`);
      const macro = bare.toLowerCase();
      // An undefined macro is kept as written rather than dropped as BibTeX would.
      parts.push(/^\d+$/.test(bare) ? bare : (strings.get(macro) ?? MONTHS[macro] ?? bare));
    }
    length += parts[parts.length - 1].length;
    if (length > MAX_VALUE_CHARS) throw new BibSyntaxError(`field "${field}" expands to more than ${MAX_VALUE_CHARS / 1024 / 1024} MB of text`);
    cursor.skip();
    if (cursor.peek() !== "#") return parts.join("");
    cursor.i++;
  }
}

/** "name = value" pairs separated by commas, until the end of the text. Repeated names get " (2)", " (3)". */
function readFields(cursor: Cursor, strings: Map<string, string>): BibFields {
  const fields: BibFields = {};
  for (;;) {
    cursor.skip(/[\s,]/);
    if (cursor.i >= cursor.text.length) return fields;
    const name = cursor.match(NAME)?.toLowerCase();
    if (!name) throw new BibSyntaxError(`unexpected "${cursor.peek()}" where a field name should start`);
    cursor.skip();
    if (cursor.peek() !== "=") throw new BibSyntaxError(`field "${name}" is not followed by "="`);
    cursor.i++;
    const value = readValue(cursor, name, strings);
    let unique = name;
    for (let n = 2; unique in fields; n++) unique = `${name} (${n})`;
    fields[unique] = value;
    cursor.skip();
    if (cursor.i < cursor.text.length && cursor.peek() !== ",") {
      throw new BibSyntaxError(`field "${name}" is followed by "${cursor.peek()}" instead of ","`);
    }
  }
}

/**
 * An entry body: the citation key up to the first comma, then the fields. Keys are taken as written,
 * even with spaces (Scopus writes "Carmone Jr.1997538"), since nothing else depends on them.
 */
export function parseEntryBody(type: string, body: string, strings: Map<string, string>): BibEntry {
  const comma = body.indexOf(",");
  const head = comma < 0 ? body : body.slice(0, comma);
  if (head.includes("=")) throw new BibSyntaxError("the entry has no citation key");
  const cursor = new Cursor(comma < 0 ? "" : body.slice(comma + 1));
  return { type, key: head.trim(), fields: readFields(cursor, strings) };
}

/** "@string{name = value}": adds the macro (names are case-insensitive) for the entries after it. */
export function defineStrings(body: string, strings: Map<string, string>): void {
  for (const [name, value] of Object.entries(readFields(new Cursor(body), strings))) strings.set(name, value);
}
