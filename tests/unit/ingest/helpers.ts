import { readRecords, type ReadRecordsOptions } from "@/lib/ingest/read-records";
import type { NormalisedRecord, ReadResult } from "@/lib/ingest/record";

/** Bytes delivered in the given pieces, to exercise chunk boundaries. */
export async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === "string" ? new TextEncoder().encode(part) : part;
}

/** The same bytes cut every `size` bytes. */
export async function* sliced(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export async function readAll(
  input: string | AsyncIterable<Uint8Array>,
  options?: ReadRecordsOptions,
): Promise<{ format: string; results: ReadResult[] }> {
  const { format, records } = await readRecords(typeof input === "string" ? chunks(input) : input, options);
  return { format, results: await collect(records) };
}

/** The records of a read that must have no errors. */
export function okRecords(results: ReadResult[]): NormalisedRecord[] {
  const errors = results.filter((r) => !r.ok);
  if (errors.length > 0) throw new Error(`Unexpected errors: ${JSON.stringify(errors)}`);
  return results.flatMap((r) => (r.ok ? [r.record] : []));
}
