// Training corpora from files for the command line and benchmarks: pre-tokenised lines, or JSON Lines
// records with a `text` to run through the text pipeline. Gzip is recognised by its magic bytes.
import { createReadStream, openSync, readSync, closeSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { z } from "zod";

export type CorpusFormat = "tokens" | "jsonl";
export type TextRecord = { text: string; id: string | null; year: number | null };
/** A record that could not be read: `position` counts records (1-based), `line` counts file lines. */
export type CorpusFileError = { position: number; line: number; message: string };

export type CorpusFile =
  | { format: "tokens"; documents: string[][]; errors: CorpusFileError[] }
  | { format: "jsonl"; records: TextRecord[]; errors: CorpusFileError[] };

const ZTextRecord = z.object({
  text: z.string(),
  id: z.union([z.string(), z.number()]).nullish(),
  year: z.number().int().nullish(),
});

function isGzip(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The file's lines, decompressed when gzipped, without line endings. */
export function readFileLines(file: string): AsyncIterable<string> {
  const raw = createReadStream(file);
  const input = isGzip(file) ? raw.pipe(createGunzip()) : raw;
  raw.on("error", (error) => input.destroy(error));
  return createInterface({ input, crlfDelay: Infinity });
}

function parseRecord(line: string): { record: TextRecord } | { message: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { message: `is not valid JSON (${(error as Error).message})` };
  }
  const parsed = ZTextRecord.safeParse(value);
  if (!parsed.success) return { message: `needs a string "text" (optional "id", integer "year"): ${parsed.error.issues[0]?.message}` };
  const { text, id, year } = parsed.data;
  return { record: { text, id: id === null || id === undefined ? null : String(id), year: year ?? null } };
}

/**
 * Reads a corpus file. `tokens`: one document per line, tokens separated by single spaces, kept as
 * given (a blank line is an empty document). `jsonl`: one JSON object per line with a string `text`
 * and optional `id` and `year`; blank lines are skipped and a bad line becomes an error without
 * stopping the file.
 * @example await readCorpusFile("abstracts.jsonl.gz", "jsonl") // => { format: "jsonl", records: [...], errors: [] }
 */
export async function readCorpusFile(file: string, format: CorpusFormat): Promise<CorpusFile> {
  const errors: CorpusFileError[] = [];
  if (format === "tokens") {
    const documents: string[][] = [];
    for await (const line of readFileLines(file)) documents.push(line.split(" ").filter((token) => token !== ""));
    return { format, documents, errors };
  }
  const records: TextRecord[] = [];
  let lineNumber = 0;
  let position = 0;
  for await (const line of readFileLines(file)) {
    lineNumber++;
    if (line.trim() === "") continue;
    position++;
    const result = parseRecord(line);
    if ("record" in result) records.push(result.record);
    else errors.push({ position, line: lineNumber, message: `Line ${lineNumber} ${result.message}` });
  }
  return { format, records, errors };
}
