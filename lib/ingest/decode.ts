// Bytes → text for the importers: encoding detection (BOM, UTF-16 without BOM, UTF-8, legacy
// GB18030 / Windows-1252 / Mac Roman) and LF as the only line end, chunk by chunk so a file of any
// size is never held in memory.
import { invalid } from "@/lib/errors";
import { createDecoder, encodingFromBom, guessEncoding, utf16FromNulBytes, type Decoder, type Encoding } from "./legacy-encoding";

// Enough to see a BOM and, without one, UTF-16's pattern of NUL bytes.
const START_BYTES = 1024;
// Non-ASCII bytes looked at before the encoding is chosen; plenty of Chinese or accented text.
const SAMPLE_BYTES = 64 * 1024;
// ASCII kept before the first non-ASCII byte, so the scoring sees the word that byte sits in.
const CONTEXT_BYTES = 32;

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

const ascii = new TextDecoder("utf-8");
const EMPTY = new Uint8Array(0);

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/**
 * Bytes in, text out, choosing the encoding as late as it can: a BOM or UTF-16's NUL bytes decide at the
 * start; otherwise ASCII passes through undecided (it reads the same in every candidate), and the first
 * non-ASCII bytes — up to SAMPLE_BYTES of them — decide between UTF-8 and the legacy encodings.
 */
function encodingDecoder() {
  let state: "start" | "ascii" | "sampling" | "decoding" = "start";
  let decoder: Decoder | null = null;
  let held: Uint8Array[] = []; // bytes not yet decoded: the start, or the sample
  let heldLength = 0;
  let context: Uint8Array = EMPTY; // the last ASCII bytes passed through, kept for the sample's scoring

  function hold(bytes: Uint8Array) {
    held.push(bytes);
    heldLength += bytes.length;
  }

  function takeHeld(): Uint8Array {
    const bytes = new Uint8Array(heldLength);
    let offset = 0;
    for (const part of held) {
      bytes.set(part, offset);
      offset += part.length;
    }
    [held, heldLength] = [[], 0];
    return bytes;
  }

  function decode(encoding: Encoding, bytes: Uint8Array): string {
    [state, decoder] = ["decoding", createDecoder(encoding)];
    return decoder.decode(bytes, { stream: true });
  }

  function passAscii(bytes: Uint8Array): string {
    const firstHigh = firstNonAscii(bytes);
    const asciiPart = firstHigh < 0 ? bytes : bytes.subarray(0, firstHigh);
    context = (asciiPart.length >= CONTEXT_BYTES ? asciiPart : concat(context, asciiPart)).slice(-CONTEXT_BYTES);
    if (firstHigh >= 0) {
      state = "sampling";
      hold(bytes.subarray(firstHigh));
    }
    return ascii.decode(asciiPart);
  }

  function step(atEnd: boolean): string {
    if (state === "start") {
      if (heldLength < START_BYTES && !atEnd) return "";
      const start = takeHeld();
      const encoding = encodingFromBom(start) ?? utf16FromNulBytes(start.subarray(0, START_BYTES));
      if (encoding) return decode(encoding, start);
      state = "ascii";
      hold(start);
    }
    const text = state === "ascii" ? passAscii(takeHeld()) : "";
    if (state === "sampling" && (atEnd || heldLength >= SAMPLE_BYTES)) {
      const sample = takeHeld();
      return text + decode(guessEncoding(concat(context, sample), atEnd), sample);
    }
    return text;
  }

  return {
    push(chunk: Uint8Array): string {
      if (decoder) return decoder.decode(chunk, { stream: true });
      hold(chunk);
      return step(false);
    },
    end(): string {
      const text = decoder ? "" : step(true);
      return text + (decoder ? decoder.decode() : "");
    },
  };
}

/** Decodes a byte stream to LF-normalised text chunks. */
export async function* decodeText(input: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const lineEnds = lineEndNormaliser();
  const bytes = encodingDecoder();
  for await (const chunk of input) {
    const text = lineEnds.push(bytes.push(chunk));
    if (text) yield text;
  }
  const tail = lineEnds.push(bytes.end()) + lineEnds.end();
  if (tail) yield tail;
}

/** Splits LF-normalised text chunks into lines (without the "\n"); a last line without "\n" is kept. */
export async function* readLines(text: AsyncIterable<string>, maxLineChars = 16 * 1024 * 1024): AsyncGenerator<string> {
  // The unfinished line is kept in pieces and joined once it ends: re-joining and re-splitting it with
  // every chunk would copy a long line once per chunk (quadratic in hostile files).
  let partial: string[] = [];
  let partialLength = 0;
  for await (const chunk of text) {
    let start = 0;
    for (let end = chunk.indexOf("\n"); end >= 0; end = chunk.indexOf("\n", start)) {
      const piece = chunk.slice(start, end);
      yield partial.length > 0 ? [...partial, piece].join("") : piece;
      [partial, partialLength, start] = [[], 0, end + 1];
    }
    if (start < chunk.length) {
      partial.push(start === 0 ? chunk : chunk.slice(start));
      partialLength += chunk.length - start;
    }
    // Without this, a file with no line breaks at all would be held in memory whole.
    if (partialLength > maxLineChars) throw invalid(`The file has a line longer than ${maxLineChars} characters; it is not a text export`);
  }
  if (partialLength > 0) yield partial.join("");
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
