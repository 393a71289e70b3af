// Bulk loading with COPY … FROM STDIN in PostgreSQL's text format: one statement streams a batch of
// rows, and the server parses each value once, straight into its column type. Prisma cannot issue
// COPY; this runs on a connection of the pool under the Prisma client (lib/db.ts).
//
// Text format (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2): columns are
// separated by a tab, rows end with a newline, NULL is \N, and a backslash, tab, newline or carriage
// return inside a value is written as \\, \t, \n, \r.
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** One column value, already in COPY's text form (see the encoders below). */
export type CopyCell = string;

const NULL = "\\N";
const SPECIAL = /[\\\t\n\r\0]/;
const SPECIALS = /[\\\t\n\r\0]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "" };

// PostgreSQL refuses U+0000 in text and jsonb, and broken exports do contain it: it is dropped.
function escape(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;
}

/** A text value, or NULL. */
export function textCell(value: string | null | undefined): CopyCell {
  return value === null || value === undefined ? NULL : escape(value);
}

/** An integer (or any finite number), or NULL. */
export function numberCell(value: number | null | undefined): CopyCell {
  if (value === null || value === undefined) return NULL;
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  return String(value);
}

/** A text[] value: every element double-quoted, with its quotes and backslashes escaped; NULL for null. */
export function textArrayCell(values: readonly string[] | null | undefined): CopyCell {
  if (values === null || values === undefined) return NULL;
  return escape(`{${values.map((v) => `"${v.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`);
}

// JSON.stringify writes U+0000 as \u0000 and a lone surrogate as \udxxx; jsonb refuses both.
const UNSTORABLE_ESCAPE = /\\u(?:0000|d[89a-f])/i;

/** JSON text jsonb accepts: U+0000 dropped, lone surrogates replaced by U+FFFD. */
export function storableJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (!UNSTORABLE_ESCAPE.test(json)) return json; // the usual case, without a replacer's per-value cost
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? v.replaceAll("\0", "").toWellFormed() : v));
}

/** A value already in its column's text form (JSON from storableJson, say), escaped for COPY. */
export function escapedCell(text: string): CopyCell {
  return escape(text);
}

/** A jsonb value (see storableJson). */
export function jsonCell(value: unknown): CopyCell {
  return escape(storableJson(value));
}

/** A text value (or each of a text[]'s) as a query parameter: U+0000 dropped, as COPY's cells do. */
export function storableText<T extends string | readonly string[] | null>(value: T): T {
  if (value === null) return value;
  if (typeof value === "string") return value.replaceAll("\0", "") as T;
  return (value as readonly string[]).map((v) => v.replaceAll("\0", "")) as unknown as T;
}

/** A timestamp without time zone, written in UTC as Prisma does. */
export function timestampCell(value: Date): CopyCell {
  return value.toISOString().replace("T", " ").replace("Z", "");
}

/** Streams `rows` (each a line of tab-separated cells, without its newline) into `table (columns)` with one COPY. */
export async function copyRows(client: PoolClient, table: string, columns: readonly string[], rows: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const sql = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) FROM STDIN`;
  const stream = client.query(copyFrom(sql));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  stream.end(`${rows.join("\n")}\n`);
  await done;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
