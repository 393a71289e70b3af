import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { prepareRecord } from "@/lib/ingest/prepare-record";
import { readInThread, type ThreadResult } from "@/lib/ingest/read-in-thread";
import { UnknownFormatError } from "@/lib/ingest/read-records";
import { collect, readAll } from "./helpers";

/** A CSV of `rows` rows in 500-row chunks, the first a short Buffer from Node's shared pool. */
async function* generatedCsv(rows: number, pulled?: { count: number }): AsyncGenerator<Uint8Array> {
  yield Buffer.from("title,year,doi,abstract\n");
  for (let start = 0; start < rows; start += 500) {
    if (pulled) pulled.count++;
    const lines = [];
    for (let i = start; i < Math.min(rows, start + 500); i++) lines.push(`"Paper ${i}, on topic ${i % 7}",${2000 + (i % 25)},10.5555/t.${i},Abstract ${i}`);
    yield Buffer.from(`${lines.join("\n")}\n`);
  }
}

const flat = (batches: ThreadResult[][]) => batches.flat();

describe("readInThread", () => {
  it("gives what readRecords and prepareRecord give in this thread, in batches of the size asked", async () => {
    const read = await readInThread(generatedCsv(5_250), { batchSize: 1000 });
    expect(read.format).toBe("csv");
    const batches = await collect(read.batches);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 1000, 1000, 1000, 250]);
    const expected = (await readAll(generatedCsv(5_250))).results.map((r) => (r.ok ? { ok: true, prepared: prepareRecord("csv", r.position, r.record) } : r));
    expect(flat(batches)).toEqual(expected);
  });

  it("reports bad records by position among the good ones", async () => {
    const text = '{"title":"One","year":2020}\nnot json\n{"year":2021}\n{"title":"Four"}\n';
    const read = await readInThread((async function* () { yield new TextEncoder().encode(text); })(), { batchSize: 1000 });
    const results = flat(await collect(read.batches));
    expect(results.map((r) => (r.ok ? r.prepared.record.title : `${r.position}: ${r.message}`))).toEqual([
      "One",
      expect.stringMatching(/^2: Line 2 is not valid JSON/),
      "3: Record 3 (line 3) has no title",
      "Four",
    ]);
  });

  it("throws UnknownFormatError for a file of no known format", async () => {
    const input = (async function* () { yield new TextEncoder().encode("Just a few words of prose.\nAnd another line.\n"); })();
    await expect(readInThread(input, { batchSize: 1000 })).rejects.toBeInstanceOf(UnknownFormatError);
  });

  it("passes a reader's AppError on as an AppError with its code", async () => {
    const header = Array.from({ length: 2_500 }, (_, i) => `column ${i}`).join(",");
    const input = (async function* () { yield new TextEncoder().encode(`${header}\n`); })();
    const read = await readInThread(input, { batchSize: 1000, format: "csv" });
    const error = await collect(read.batches).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid", message: expect.stringContaining("2500 columns") });
  });

  it("passes the input's own error on unchanged (the import is retried; what was stored is stored once)", async () => {
    const failure = new Error("the upload chunk could not be read");
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield* generatedCsv(1_500);
      throw failure;
    }
    const read = await readInThread(failing(), { batchSize: 1000 });
    const positions: number[] = [];
    const error = await (async () => {
      for await (const batch of read.batches) positions.push(...batch.map((r) => (r.ok ? r.prepared.position : r.position)));
    })().catch((e: unknown) => e);
    expect(error).toBe(failure);
    expect(positions).toEqual(positions.map((_, i) => i + 1)); // the file's first records, in order
    expect(positions.length).toBeLessThanOrEqual(1_500);
  });

  it("reads only a few batches ahead of a consumer that does not take them", async () => {
    const pulled = { count: 0 };
    const read = await readInThread(generatedCsv(100_000, pulled), { batchSize: 1000, ahead: 2 });
    const first = await read.batches.next();
    expect(first.value).toHaveLength(1000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Two batches waiting, one being built, and the decoder's read-ahead: far from the 200 chunks.
    expect(pulled.count).toBeLessThan(12);
    await read.close();
  });
});
