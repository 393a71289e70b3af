// Which encoding a file without a byte order mark is in: UTF-16 by its NUL bytes, UTF-8 when the bytes
// are valid UTF-8, and otherwise the legacy encoding whose decoding reads most like real text —
// GB18030 (CNKI and Wanfang exports), Windows-1252 (Excel on Windows) or Mac Roman (Excel on a Mac).

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "windows-1252" | "macintosh";

// Windows-1252 first: on a tie (no telling bytes) it is the likeliest source.
const LEGACY: Encoding[] = ["windows-1252", "gb18030", "macintosh"];

export type Decoder = { decode(bytes?: Uint8Array, options?: { stream?: boolean }): string };

// Bytes 0x80–0x9F of Windows-1252 (WHATWG index-windows-1252); the rest of the range is Latin-1.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Node 20's TextDecoder("windows-1252") decodes 0x80–0x9F as C1 controls (Latin-1), so "’" and "€" would be lost. */
function windows1252(): Decoder {
  return {
    decode(bytes = new Uint8Array(0)) {
      let text = "";
      for (let i = 0; i < bytes.length; i += 8192) {
        const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
        text += String.fromCharCode(...codes);
      }
      return text;
    },
  };
}

/** A streaming decoder that never throws: broken bytes become U+FFFD. TextDecoder drops a BOM itself. */
export function createDecoder(encoding: Encoding): Decoder {
  return encoding === "windows-1252" ? windows1252() : new TextDecoder(encoding, { fatal: false });
}

/** The byte order mark's encoding, or null. */
export function encodingFromBom(head: Uint8Array): Encoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * UTF-16 without a BOM, told by where the NUL bytes fall: ASCII characters (tags, delimiters, line ends)
 * are "X\0" in little-endian and "\0X" in big-endian. Text in UTF-8 or a legacy encoding has no NULs;
 * the other position may have a few (U+4E00 "一" is "\0N" in little-endian).
 */
export function utf16FromNulBytes(head: Uint8Array): Encoding | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const enough = (count: number, other: number) => count >= pairs * 0.1 && count >= 4 * other;
  if (enough(oddNul, evenNul)) return "utf-16le";
  if (enough(evenNul, oddNul)) return "utf-16be";
  return null;
}

/** Valid UTF-8; a sequence cut off at the end of a sample that is not the end of the file is allowed. */
export function isUtf8(bytes: Uint8Array, atEnd: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !atEnd });
    return true;
  } catch {
    return false;
  }
}

// Accented letters that Western European text actually uses, by frequency class.
const COMMON_LETTERS = new Set("áàâäãåæçéèêëíñóôöõøúüýÿßœÁÀÂÄÃÅÆÇÉÈÊÑÓÔÖØÚÜŒ");
const RARER_LETTERS = new Set("ìîïòùûÌÎÏÒÙÛË");
const COMMON_PUNCTUATION = new Set("‘“”–—…•€°©®™«»·±µ§¶¿¡×£¥¢");

const isHan = (c: string) => /\p{Script=Han}/u.test(c);
const isCjkPunctuation = (c: string) => /[\u3000-\u303f\uff00-\uffef]/u.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
const isAsciiLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
const isLower = (c: string | undefined) => c !== undefined && /\p{Ll}/u.test(c);

/**
 * How plausible one non-ASCII character is where it stands, in points per byte it was decoded from:
 * real accented letters sit inside Latin words, real ideographs next to other ideographs, real
 * punctuation next to spaces or letters. Misreadings give symbols, case changes inside words,
 * lone ideographs inside Latin words, and broken or control characters, which weigh most.
 */
function charScore(c: string, prev: string | undefined, next: string | undefined): number {
  if (c === "\uFFFD" || /[\u0080-\u009f\ue000-\uf8ff]/u.test(c)) return -10;
  const nearAscii = (test: (n: string | undefined) => boolean) => test(prev) || test(next);
  if (isHan(c)) {
    if (nearAscii((n) => n !== undefined && (isHan(n) || isCjkPunctuation(n)))) return 4; // two bytes each
    if (isAsciiLetter(prev) && isAsciiLetter(next)) return -3; // inside a Latin word
    return nearAscii(isAsciiLetter) ? 0 : 2; // "2021年", "第1期"
  }
  if (isCjkPunctuation(c)) return nearAscii((n) => n !== undefined && isHan(n)) ? 2 : 0;
  const inWord = nearAscii(isAsciiLetter);
  const caseBreak = /\p{Lu}/u.test(c) && isLower(prev) ? -3 : 0; // "cafŽ", "MŸller"
  if (COMMON_LETTERS.has(c)) return (inWord ? 2 : 0) + caseBreak;
  if (RARER_LETTERS.has(c)) return (inWord ? 1 : 0) + caseBreak;
  if (c === "’" && isLetter(prev) && isLetter(next)) return 2; // the apostrophe in "don’t"
  if (COMMON_PUNCTUATION.has(c) || c === "’") {
    if (isLetter(prev) && isLetter(next)) return -2;
    return nearAscii((n) => n === undefined || n.charCodeAt(0) < 0x80) ? 1 : 0;
  }
  return -2;
}

/** Sum of the per-character plausibility of the non-ASCII characters in `text`. */
export function plausibility(text: string): number {
  const chars = Array.from(text);
  let score = 0;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i].charCodeAt(0) < 0x80) continue;
    score += charScore(chars[i], chars[i - 1], chars[i + 1]);
  }
  return score;
}

/**
 * The encoding of an ASCII-compatible sample (from shortly before its first non-ASCII byte):
 * UTF-8 when it is valid UTF-8, else the legacy encoding with the most plausible decoding.
 * @example guessEncoding(new Uint8Array([0xd6, 0xd0, 0xb9, 0xfa]), true) // => "gb18030" ("中国")
 */
export function guessEncoding(sample: Uint8Array, atEnd: boolean): Encoding {
  if (isUtf8(sample, atEnd)) return "utf-8";
  let best = LEGACY[0];
  let bestScore = -Infinity;
  for (const encoding of LEGACY) {
    const score = plausibility(createDecoder(encoding).decode(sample, { stream: !atEnd }));
    if (score > bestScore) [best, bestScore] = [encoding, score];
  }
  return best;
}
