// Entry point of the importers: bytes in, a detected format and a stream of ReadResults out.
import { AppError } from "@/lib/errors";
import { ReaderFailure, UnknownFormatError } from "./read-errors";
import { decodeText, peekText } from "./decode";
import { decompress } from "./decompress";
import { detectFormat, knownFormatLabels } from "./detect";
import { getFormat, type FormatId, type ReadOptions } from "./formats";
import type { ReadResult } from "./record";

// Enough text to see a record's first tags or a CSV header (Scopus headers run to ~700 characters).
const HEAD_CHARS = 16 * 1024;

export type ReadRecordsOptions = ReadOptions & { format?: FormatId | "auto" };

export { ReaderFailure, UnknownFormatError } from "./read-errors";

/**
 * Inflates a gzip or zip input (decompress.ts), detects the format from the head of the text (unless
 * `format` names one), then streams records.
 * Memory stays bounded (the 16 KB head, a chunk, a few records) whatever the file size.
 * @throws UnknownFormatError when the content matches no registered format
 */
export async function readRecords(
  input: AsyncIterable<Uint8Array>,
  options: ReadRecordsOptions = {},
): Promise<{ format: FormatId; records: AsyncGenerator<ReadResult> }> {
  const inputErrors = new WeakSet<object>();
  const { head, stream, close } = await peekText(decodeText(decompress(tagErrors(input, inputErrors))), (h) => h.length >= HEAD_CHARS && h.includes("\n"));
  const format = options.format && options.format !== "auto" ? options.format : detectFormat(head);
  const reader = format ? getFormat(format) : null;
  if (!format || !reader) {
    await close(); // release the underlying file
    const detail = format ? `no reader for "${format}"` : head.trim() === "" ? "the file is empty" : undefined;
    throw new UnknownFormatError(`Unrecognised file format: expected ${knownFormatLabels()}${detail ? ` (${detail})` : ""}`);
  }
  const records = reader.read(stream, { mapping: options.mapping, defaultKind: options.defaultKind });
  return { format, records: safetyNet(records, reader.label, (error) => inputErrors.has(error as object)) };
}

/** Marks the input's own errors (a database or disk failing), which must reach the caller as they are, to be retried. */
async function* tagErrors(input: AsyncIterable<Uint8Array>, errors: WeakSet<object>): AsyncGenerator<Uint8Array> {
  try {
    yield* input;
  } catch (error) {
    if (typeof error === "object" && error !== null) errors.add(error);
    throw error;
  }
}

/** A reader's unforeseen exception becomes a ReaderFailure; expected failures and the input's errors pass through. */
async function* safetyNet(records: AsyncGenerator<ReadResult>, label: string, fromInput: (error: unknown) => boolean): AsyncGenerator<ReadResult> {
  let position = 0;
  try {
    for await (const result of records) {
      position = result.position;
      yield result;
    }
  } catch (error) {
    if (error instanceof AppError || fromInput(error)) throw error;
    console.error(`[ingest] the ${label} reader failed after record ${position}:`, error);
    throw new ReaderFailure(label, position, error);
  }
}
