// Where one XML document ends and the next begins in a file that concatenates them.

// "<?xml" plus the whitespace after it, and the character before: enough context to decide a cut.
const CONTEXT = 7;

/**
 * Splits text where an XML declaration starts a new document: at the start of a line or right after
 * the ">" that closed the previous one. USPTO weekly files concatenate whole documents, each with its
 * own <?xml?> and DOCTYPE; "<?xml" can legally appear nowhere else outside comments and CDATA.
 */
export async function* documentParts(text: AsyncIterable<string>): AsyncGenerator<{ text: string; startsDocument: boolean }> {
  let carry = "";
  let before = ""; // the character just before `carry`
  function* emit(s: string, end: number) {
    let from = 0;
    for (const m of s.matchAll(/<\?xml\s/g)) {
      if (m.index >= end) break;
      const previous = m.index > 0 ? s[m.index - 1] : before;
      if (m.index === 0 && before === "") continue; // the file's own first declaration
      if (previous !== "\n" && previous !== ">") continue;
      if (m.index > from) yield { text: s.slice(from, m.index), startsDocument: false };
      yield { text: "", startsDocument: true };
      from = m.index;
    }
    if (end > from) yield { text: s.slice(from, end), startsDocument: false };
    if (end > 0) before = s[end - 1];
    carry = s.slice(end);
  }
  for await (const chunk of text) {
    const s = carry + chunk;
    yield* emit(s, Math.max(0, s.length - CONTEXT));
  }
  if (carry) yield* emit(carry, carry.length);
}

export function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
