// A back-test corpus: JSON Lines (optionally gzipped) of { text | title + abstract, year, id? }.
// A bad line is reported with its position and does not stop the file.
import { createReadStream, openSync, readSync, closeSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import { z } from "zod";

export type BacktestDocument = { id: string; text: string; year: number };
export type CorpusError = { position: number; line: number; message: string };
export type ReadCorpusResult = { documents: BacktestDocument[]; errors: CorpusError[] };

const ZLine = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    year: z.coerce.number({ error: "year must be a number" }).int("year must be a whole year").min(1000, "year out of range").max(3000, "year out of range"),
    text: z.string().optional(),
    title: z.string().optional(),
    abstract: z.string().optional(),
  })
  .loose();

/**
 * The text a back-test reads from a record: its `text`, else its title and abstract joined by ". ";
 * "" when it has none of them. Shared by corpus files and study documents.
 * @example documentText({ title: "Qubits", abstract: "Error correction" }) // => "Qubits. Error correction"
 */
export function documentText(parts: { text?: string | null; title?: string | null; abstract?: string | null }): string {
  return parts.text?.trim() || [parts.title, parts.abstract].filter((s) => s?.trim()).join(". ");
}

/** Parses one line; `position` is the record's 1-based number, `line` its 1-based line. */
export function parseCorpusLine(text: string, at: { position: number; line: number }): BacktestDocument | CorpusError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ...at, message: `Record ${at.position} (line ${at.line}) is not valid JSON` };
  }
  const parsed = ZLine.safeParse(json);
  if (!parsed.success) return { ...at, message: `Record ${at.position} (line ${at.line}): ${parsed.error.issues[0]?.message ?? "invalid"}` };
  const { id, year } = parsed.data;
  const joined = documentText(parsed.data);
  if (!joined.trim()) return { ...at, message: `Record ${at.position} (line ${at.line}) has no text, title or abstract` };
  return { id: id === undefined ? `line:${at.line}` : String(id), text: joined, year };
}

function isGzip(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Reads a corpus file, gunzipping it when its first bytes say gzip (whatever its name). */
export async function readCorpus(file: string): Promise<ReadCorpusResult> {
  const raw = createReadStream(file);
  const input: Readable = isGzip(file) ? raw.pipe(createGunzip()) : raw;
  const documents: BacktestDocument[] = [];
  const errors: CorpusError[] = [];
  let line = 0;
  let position = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    position++;
    const result = parseCorpusLine(text, { position, line });
    if ("message" in result) errors.push(result);
    else documents.push(result);
  }
  return { documents, errors };
}
