// LaTeX field values → Unicode text and structured names, through @retorquere/bibtex-parser (the
// parser behind Better BibTeX for Zotero). Its cost grows with the text (a few ms per abstract), so text
// without LaTeX markup skips it; exports that are not real LaTeX (Scopus: bare "$", "&", "%") fall back to
// a plain clean-up rather than losing the record.
import type { Creator } from "@retorquere/bibtex-parser";

type Parse = typeof import("@retorquere/bibtex-parser").parse;
let parse: Parse | null = null;

/**
 * Loads the parser, which takes ~0.4 s to load: only BibTeX files pay for it, not every import.
 * The BibTeX reader awaits it before its first entry.
 */
export async function loadLatexParser(): Promise<void> {
  parse ??= (await import("@retorquere/bibtex-parser")).parse;
}

const OPTIONS = { english: false, sentenceCase: false, caseProtection: false, unsupported: "ignore" } as const;

// Escapes with one obvious meaning, resolved without the parser; WoS writes "{[}" for "[".
const SIMPLE_ESCAPES = /\\([&%_#$])|\{([[\]])\}/g;
const NEEDS_PARSER = /[\\{}$~]/;

function dashes(text: string): string {
  return text.replace(/---?/g, (dash) => (dash.length === 3 ? "\u2014" : "\u2013"));
}

/** Resolves "\_", "\&", "{[}" …; for identifiers (DOIs, URLs) that exports escape although BibTeX reads them verbatim. */
export function unescapeLatex(latex: string): string {
  return latex.replace(SIMPLE_ESCAPES, (_, char?: string, bracket?: string) => char ?? bracket ?? "");
}

/** The text when it has no LaTeX beyond simple escapes and dashes; null when it needs the parser. */
function plainText(latex: string): string | null {
  return NEEDS_PARSER.test(latex.replace(SIMPLE_ESCAPES, "")) ? null : dashes(unescapeLatex(latex));
}

// Accent commands as combining marks, so the fallback still writes "ö" for {\"o} and "ç" for \c{c}.
const ACCENTS: Record<string, string> = {
  '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
  c: "\u0327", v: "\u030C", u: "\u0306", H: "\u030B", k: "\u0328", r: "\u030A",
};
const ACCENTED = /\\(["'`^~=.])\s*\{?([A-Za-z])\}?|\\([cvuHkr])(?:\s*\{([A-Za-z])\}|\s+([A-Za-z]))/g;

/** Last resort for text the parser rejects: accents composed, other commands and braces dropped, words kept. */
export function stripLatex(latex: string): string {
  const accented = unescapeLatex(latex).replace(
    ACCENTED,
    (_, symbol?: string, letter?: string, command?: string, braced?: string, spaced?: string) =>
      `${letter ?? braced ?? spaced}${ACCENTS[symbol ?? command ?? ""]}`,
  );
  const text = accented.replace(/\\[A-Za-z]+\s*|\\(.)/g, (_, symbol?: string) => symbol ?? "").replace(/[{}]/g, "");
  return dashes(text).normalize("NFC");
}

/** "Family, Given" (with particle and suffix) or the literal name of a body in braces. */
function creatorName(creator: Creator): string {
  if (creator.name) return creator.name;
  const family = [creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(" ");
  return creator.firstName ? `${family}, ${creator.firstName}` : family;
}

function splitNamesPlainly(latex: string): string[] {
  return latex.split(/\s+and\s+/i).map(stripLatex).filter((name) => name.trim() !== "");
}

type Converted = { text: Record<string, string>; names: Record<string, string[]> };

// "<" and ">" are "¡" and "¿" in LaTeX's default font encoding, which no export means; the parser drops a
// control space ("Phys.\ Rev.") that should stay a space.
const prepare = (latex: string) =>
  latex.replace(/</g, "\\textless{}").replace(/>/g, "\\textgreater{}").replace(/(?<!\\)\\\s/g, " ");

function parseWithLibrary(text: Record<string, string>, names: Record<string, string>): Converted | null {
  const fields = [
    ...Object.entries(text).map(([name, value]) => `${name} = {${prepare(value)}}`),
    ...Object.entries(names).map(([name, value]) => `${name} = {${value}}`),
  ];
  if (!parse) throw new Error("loadLatexParser() must be awaited before LaTeX is converted");
  try {
    const library = parse(`@misc{entry,\n${fields.join(",\n")}\n}`, OPTIONS);
    const entry = library.entries[0];
    if (library.errors.length > 0 || !entry) return null;
    const parsed = entry.fields as Record<string, unknown>;
    // The parser composes accents as combining marks ("u" + U+0308); NFC makes them the "ü" other sources write.
    return {
      text: Object.fromEntries(Object.keys(text).map((name) => [name, String(parsed[name] ?? "").normalize("NFC")])),
      names: Object.fromEntries(
        Object.keys(names).map((name) => [
          name,
          ((parsed[name] ?? []) as Creator[]).map((creator) => creatorName(creator).normalize("NFC")),
        ]),
      ),
    };
  } catch {
    return null;
  }
}

/**
 * Converts text fields to Unicode and name-list fields ("A and B and {C Ltd}") to "Family, Given" strings.
 * Text field names must be plain identifiers the parser has no special mode for; name fields must be ones it
 * reads as name lists ("author", "editor"). One bad field does not spoil the others.
 */
export function convertLatex(text: Record<string, string>, names: Record<string, string>): Converted {
  const result: Converted = { text: {}, names: {} };
  const toParse: Record<string, string> = {};
  for (const [name, value] of Object.entries(text)) {
    const plain = plainText(value);
    if (plain === null) toParse[name] = value;
    else result.text[name] = plain;
  }
  if (Object.keys(toParse).length === 0 && Object.keys(names).length === 0) return result;
  const whole = parseWithLibrary(toParse, names);
  if (whole) return { text: { ...result.text, ...whole.text }, names: whole.names };
  for (const [name, value] of Object.entries(toParse)) {
    result.text[name] = parseWithLibrary({ [name]: value }, {})?.text[name] ?? stripLatex(value);
  }
  for (const [name, value] of Object.entries(names)) {
    result.names[name] = parseWithLibrary({}, { [name]: value })?.names[name] ?? splitNamesPlainly(value);
  }
  return result;
}
