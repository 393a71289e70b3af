// Streaming JSON Lines import: one JSON object per line, mapped by common keys or a user mapping.
import { buildRecord } from "./build-record";
import { readLines } from "./decode";
import type { Format, ReadOptions } from "./formats";
import { jsonToDraft, type JsonObject } from "./jsonl-fields";
import type { ReadResult } from "./record";

// A record nests a few levels; a line nested deeper is hostile (JSON.parse would build it whole).
const MAX_DEPTH = 64;
// Below this length no nesting can cost much memory, so short lines skip the depth scan.
const SCAN_FROM_CHARS = 64 * 1024;

/** True when brackets outside strings nest deeper than MAX_DEPTH. */
function tooDeep(line: string): boolean {
  if (line.length < SCAN_FROM_CHARS) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

function parseObject(line: string): JsonObject | null {
  if (tooDeep(line)) return null;
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/** The first non-blank line is a JSON object. (A one-line JSON document passes too; specific JSON formats go earlier.) */
export function looksLikeJsonl(head: string): boolean {
  const line = head.split("\n").find((l) => l.trim() !== "");
  return line !== undefined && line.trimStart().startsWith("{") && parseObject(line) !== null;
}

function describeError(line: string): string {
  if (tooDeep(line)) return `is nested deeper than ${MAX_DEPTH} levels`;
  try {
    JSON.parse(line);
    return "is not a JSON object";
  } catch (error) {
    return `is not valid JSON (${(error as Error).message})`;
  }
}

async function* readJsonl(text: AsyncIterable<string>, options: ReadOptions): AsyncGenerator<ReadResult> {
  let position = 0;
  let lineNumber = 0;
  for await (const line of readLines(text)) {
    lineNumber++;
    if (line.trim() === "") continue;
    position++;
    const object = parseObject(line);
    if (!object) {
      yield { ok: false, position, line: lineNumber, message: `Line ${lineNumber} ${describeError(line)}` };
      continue;
    }
    yield buildRecord(jsonToDraft(object, options.mapping, options.defaultKind), { position, line: lineNumber });
  }
}

export const jsonlFormat = {
  id: "jsonl" as const,
  label: "JSON Lines",
  detect: looksLikeJsonl,
  read: readJsonl,
} satisfies Format;
