// Entry point of the importers: bytes in, a detected format and a stream of ReadResults out.
import { AppError } from "@/lib/errors";
import { decodeText, peekText } from "./decode";
import { detectFormat, knownFormatLabels } from "./detect";
import { getFormat, type FormatId, type ReadOptions } from "./formats";
import type { ReadResult } from "./record";

// Enough text to see a record's first tags or a CSV header (Scopus headers run to ~700 characters).
const HEAD_CHARS = 16 * 1024;

export type ReadRecordsOptions = ReadOptions & { format?: FormatId | "auto" };

/** The file is none of the formats the registry knows: an expected failure, shown to the user as is. */
export class UnknownFormatError extends AppError {
  constructor(detail?: string) {
    super("invalid", `Unrecognised file format: expected ${knownFormatLabels()}${detail ? ` (${detail})` : ""}`);
    this.name = "UnknownFormatError";
  }
}

/**
 * Detects the format from the head of the stream (unless `format` names one), then streams records.
 * Memory stays bounded (the 16 KB head, a chunk, a few records) whatever the file size.
 * @throws UnknownFormatError when the content matches no registered format
 */
export async function readRecords(
  input: AsyncIterable<Uint8Array>,
  options: ReadRecordsOptions = {},
): Promise<{ format: FormatId; records: AsyncGenerator<ReadResult> }> {
  const { head, stream, close } = await peekText(decodeText(input), (h) => h.length >= HEAD_CHARS && h.includes("\n"));
  const format = options.format && options.format !== "auto" ? options.format : detectFormat(head);
  const reader = format ? getFormat(format) : null;
  if (!format || !reader) {
    await close(); // release the underlying file
    const detail = format ? `no reader for "${format}"` : head.trim() === "" ? "the file is empty" : undefined;
    throw new UnknownFormatError(detail);
  }
  return { format, records: reader.read(stream, { mapping: options.mapping }) };
}
