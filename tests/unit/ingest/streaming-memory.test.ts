// The readers stream: 200,000 generated records go through readRecords while the heap stays within a bound
// far below what the input (or the records) would take if anything accumulated them.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { readRecords } from "@/lib/ingest/read-records";

const RECORDS = 200_000;
// Growth over the baseline, after a full collection. Under half the input, which is 68–84 MB, and the
// records made from it take several times their input on the heap.
const HEAP_BOUND = 32 * 1024 * 1024;
const RSS_BOUND = 150 * 1024 * 1024;
const MB = 1024 * 1024;

// A full collection before each sample, so the figure is live memory rather than garbage not yet collected.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const WORDS = ("the of and a in to for with on by sensor graphene battery quantum learning network membrane catalyst " +
  "robot model adaptive solid state interface stability").split(" ");

/** English-looking text, different per record. */
function words(seed: number, count: number): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(WORDS[(seed * 7 + k * k * 3 + k) % WORDS.length]);
  return out.join(" ");
}

type Generated = { bytes: number };

/** Lines made on demand and handed out in ~64 KB chunks: the whole input never exists at once. */
async function* generate(header: string | null, line: (i: number) => string, counter: Generated): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let buffer = header ? `${header}\n` : "";
  for (let i = 0; i < RECORDS; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length >= 65536) {
      const chunk = encoder.encode(buffer);
      counter.bytes += chunk.length;
      yield chunk;
      buffer = "";
    }
  }
  const last = encoder.encode(buffer);
  counter.bytes += last.length;
  yield last;
}

const jsonLine = (i: number) =>
  JSON.stringify({
    id: `r${i}`, title: `Record ${i}: ${words(i, 8)}`, abstract: words(i + 1, 40), year: 1990 + (i % 30),
    language: "en", authors: [`Smith, J${i % 97}.`, "Doe, A."], keywords: ["sensor", `k${i % 50}`],
  });

const csvLine = (i: number) =>
  `"Record ${i}: ${words(i, 8)}",${1990 + (i % 30)},"Smith J.; Doe A.","${words(i + 1, 40)}","sensor; k${i % 50}",en`;

type Measured = { records: number; errors: number; inputMB: number; heapGrowthMB: number; rssGrowthMB: number; seconds: number };

async function measure(input: AsyncIterable<Uint8Array>, counter: Generated): Promise<Measured> {
  collectGarbage();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage().rss;
  let [maxHeap, maxRss, records, errors] = [0, 0, 0, 0];
  const started = performance.now();
  const { records: results } = await readRecords(input);
  for await (const result of results) {
    if (result.ok) records++;
    else errors++;
    if ((records + errors) % 25_000 === 0) {
      collectGarbage();
      const { heapUsed, rss } = process.memoryUsage();
      [maxHeap, maxRss] = [Math.max(maxHeap, heapUsed - heap0), Math.max(maxRss, rss - rss0)];
    }
  }
  return {
    records, errors, inputMB: counter.bytes / MB, heapGrowthMB: maxHeap / MB, rssGrowthMB: maxRss / MB,
    seconds: (performance.now() - started) / 1000,
  };
}

describe("reading a large stream", () => {
  it("reads 200,000 JSON Lines records with bounded heap growth", { timeout: 180_000 }, async () => {
    const counter = { bytes: 0 };
    const result = await measure(generate(null, jsonLine, counter), counter);
    console.info(`JSON Lines streaming: ${JSON.stringify(result)}`);
    expect(result).toMatchObject({ records: RECORDS, errors: 0 });
    expect(result.inputMB * MB).toBeGreaterThan(2 * HEAP_BOUND); // holding the input alone would break the bound
    expect(result.heapGrowthMB * MB).toBeLessThan(HEAP_BOUND);
    expect(result.rssGrowthMB * MB).toBeLessThan(RSS_BOUND);
  });

  it("reads 200,000 CSV rows with bounded heap growth", { timeout: 180_000 }, async () => {
    const counter = { bytes: 0 };
    const result = await measure(generate("Title,Year,Authors,Abstract,Keywords,Language", csvLine, counter), counter);
    console.info(`CSV streaming: ${JSON.stringify(result)}`);
    expect(result).toMatchObject({ records: RECORDS, errors: 0 });
    expect(result.inputMB * MB).toBeGreaterThan(2 * HEAP_BOUND);
    expect(result.heapGrowthMB * MB).toBeLessThan(HEAP_BOUND);
    expect(result.rssGrowthMB * MB).toBeLessThan(RSS_BOUND);
  });
});
