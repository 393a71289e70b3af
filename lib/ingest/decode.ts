// Bytes → text for the importers: BOM sniffing, UTF-16, and LF as the only line end,
// chunk by chunk so a file of any size is never held in memory.

type Encoding = "utf-8" | "utf-16le" | "utf-16be";

/** A UTF-16 BOM picks UTF-16; anything else is read as UTF-8 (exports without a BOM are UTF-8 in practice). */
function sniffEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return "utf-8";
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** CRLF and lone CR become LF; a CR at the end of a chunk waits, since its LF may start the next one. */
function lineEndNormaliser() {
  let heldCr = false;
  return {
    push(text: string): string {
      let s = heldCr ? `\r${text}` : text;
      heldCr = s.endsWith("\r");
      if (heldCr) s = s.slice(0, -1);
      return s.replace(/\r\n?/g, "\n");
    },
    end(): string {
      return heldCr ? "\n" : "";
    },
  };
}

/**
 * Decodes a byte stream to text chunks. TextDecoder drops the BOM itself (ignoreBOM defaults to false)
 * and, with `fatal: false`, turns broken bytes into U+FFFD instead of failing the import.
 */
export async function* decodeText(input: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const lineEnds = lineEndNormaliser();
  let decoder: TextDecoder | null = null;
  let head = new Uint8Array(0); // the first bytes, until there are enough to sniff a BOM

  for await (const chunk of input) {
    let bytes: Uint8Array = chunk;
    if (!decoder) {
      head = concat(head, chunk);
      if (head.length < 3) continue;
      decoder = new TextDecoder(sniffEncoding(head), { fatal: false });
      bytes = head;
    }
    const text = lineEnds.push(decoder.decode(bytes, { stream: true }));
    if (text) yield text;
  }

  const last = decoder
    ? decoder.decode()
    : new TextDecoder(sniffEncoding(head), { fatal: false }).decode(head);
  const tail = lineEnds.push(last) + lineEnds.end();
  if (tail) yield tail;
}

/** Splits LF-normalised text chunks into lines (without the "\n"); a last line without "\n" is kept. */
export async function* readLines(text: AsyncIterable<string>, maxLineChars = 16 * 1024 * 1024): AsyncGenerator<string> {
  let partial = "";
  for await (const chunk of text) {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    // Without this, a file with no line breaks at all would be held in memory whole.
    if (partial.length > maxLineChars) throw new Error(`A line is longer than ${maxLineChars} characters`);
    yield* parts;
  }
  if (partial) yield partial;
}

/**
 * Reads text chunks until `enough(head)` holds (or `maxChars`, or the end), and returns that head
 * together with a stream that replays it followed by the rest — so callers can look before they parse.
 */
export async function peekText(
  text: AsyncIterable<string>,
  enough: (head: string) => boolean,
  maxChars = 1024 * 1024,
): Promise<{ head: string; stream: AsyncGenerator<string>; close: () => Promise<void> }> {
  const source = text[Symbol.asyncIterator]();
  let head = "";
  let done = false;
  while (!done && !enough(head) && head.length < maxChars) {
    const next = await source.next();
    if (next.done) done = true;
    else head += next.value;
  }
  async function* replay(): AsyncGenerator<string> {
    let finished = done;
    try {
      if (head) yield head;
      while (!finished) {
        const next = await source.next();
        if (next.done) finished = true;
        else yield next.value;
      }
    } finally {
      if (!finished) await source.return?.(); // the consumer stopped early: close the file behind us
    }
  }
  // For callers that decide not to read on: an unstarted generator's `finally` would never run.
  const close = async () => {
    if (!done) await source.return?.();
  };
  return { head, stream: replay(), close };
}
