// What the XML, patent and project importer tests add to shared-fixtures.ts: a suite wrapper, the
// PROVENANCE.md count of one file (checked against its size), and reading a fixture in chunks of a chosen size.
import { statSync } from "node:fs";
import { describe, expect } from "vitest";
import type { ReadResult } from "@/lib/ingest/record";
import { readAll, sliced } from "./helpers";
import { fixturePath, fixturesPresent, provenance, readFixture, requireSharedFixtures } from "./shared-fixtures";

/** describe() over the shared fixtures: skipped with a notice when they are absent, failing under CI. */
export function describeFixtures(title: string, body: () => void): void {
  requireSharedFixtures(title);
  describe.skipIf(!fixturesPresent)(title, body);
}

export const fixtureBytes = readFixture;

export async function importFixture(file: string, chunkSize = 65536): Promise<{ format: string; results: ReadResult[] }> {
  return readAll(sliced(readFixture(file), chunkSize));
}

/** The row for `file` exists, describes this very file, and states how many results it must give. */
export function statedCount(file: string): number {
  const row = provenance().get(file);
  expect(row, `${file} has no row in PROVENANCE.md`).toBeDefined();
  expect(statSync(fixturePath(file)).size).toBe(row!.bytes);
  return row!.records;
}

/** Results numbered 1..n, as the import summary shows them. */
export function expectPositions(results: ReadResult[]): void {
  expect(results.map((r) => r.position)).toEqual(results.map((_, i) => i + 1));
}
