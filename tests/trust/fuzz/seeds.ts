// The real files the fuzzer mutates: every fixture in ../shared/fixtures, grouped by the format the
// registry detects in it, so a format added to formats.ts is fuzzed as soon as a fixture of it exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { FORMATS, type FormatId } from "@/lib/ingest/formats";
import { readRecords } from "@/lib/ingest/read-records";
import { FIXTURES } from "../../unit/ingest/shared-fixtures";
import { collect, sliced } from "../../unit/ingest/helpers";

export type Seed = { format: FormatId; file: string; bytes: Buffer; clean: boolean };

// Mutating a 300 KB file thousands of times is slow and finds nothing a smaller one would not.
const MAX_SEED_BYTES = 300 * 1024;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

async function seedOf(file: string): Promise<Seed | null> {
  const bytes = readFileSync(file);
  try {
    const { format, records } = await readRecords(sliced(bytes, 65536));
    const results = await collect(records);
    return { format, file: path.relative(FIXTURES, file), bytes, clean: results.length > 0 && results.every((r) => r.ok) };
  } catch {
    return null; // not an importable file (a recorded request list, an API's 404 page)
  }
}

/**
 * Up to `perFormat` seeds per registered format: clean ones (all records read) first, then the smallest.
 * A format with no fixture at all gets an empty list, which the fuzzing test reports as a failure.
 */
export async function seedsByFormat(perFormat: number): Promise<Map<FormatId, Seed[]>> {
  const seeds: Seed[] = [];
  for (const file of filesUnder(FIXTURES).sort()) {
    if (path.basename(file) === "PROVENANCE.md" || statSync(file).size > MAX_SEED_BYTES) continue;
    const seed = await seedOf(file);
    if (seed) seeds.push(seed);
  }
  const byFormat = new Map<FormatId, Seed[]>(FORMATS.map((f) => [f.id, []]));
  const ranked = seeds.sort((a, b) => Number(b.clean) - Number(a.clean) || a.bytes.length - b.bytes.length);
  for (const seed of ranked) {
    const list = byFormat.get(seed.format)!;
    if (list.length < perFormat) list.push(seed);
  }
  return byFormat;
}
