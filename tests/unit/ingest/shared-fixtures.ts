// Access to ../shared (real exports and data sets) for the format tests: where it is, whether it is there,
// and the record counts its PROVENANCE.md states. Absent shared/ skips with a notice, and fails under CI.
import { createReadStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ReadRecordsOptions } from "@/lib/ingest/read-records";
import { readAll } from "./helpers";

export const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures", import.meta.url));
export const DATA = fileURLToPath(new URL("../../../../shared/data", import.meta.url));
export const fixturesPresent = existsSync(path.join(FIXTURES, "PROVENANCE.md"));

/** Call once per test file: a notice when shared/ is missing locally, a failing test when it is missing in CI. */
export function requireSharedFixtures(suite: string): void {
  if (!fixturesPresent && process.env.CI !== "true") console.info(`${suite} skipped: ${FIXTURES} not found`);
  describe.runIf(process.env.CI === "true" && !fixturesPresent)(`${suite} (shared fixtures)`, () => {
    it("are present in CI", () => {
      expect.fail(`shared/fixtures not found at ${FIXTURES}`);
    });
  });
}

/** "| `bibtex/x.bib` | … | 29 | 174016 | …" → { records: 29, bytes: 174016 } per fixture file. */
export function provenance(): Map<string, { records: number; bytes: number }> {
  const rows = readFileSync(path.join(FIXTURES, "PROVENANCE.md"), "utf8").split("\n");
  const entries = rows.flatMap((row) => {
    const match = row.match(/^\| `([^`]+)` \|.*?\| (\d+) \| (\d+) \|/);
    return match ? [[match[1], { records: Number(match[2]), bytes: Number(match[3]) }] as const] : [];
  });
  return new Map(entries);
}

export function fixturePath(file: string): string {
  return path.join(FIXTURES, file);
}

export function readFixture(file: string): Buffer {
  return readFileSync(fixturePath(file));
}

export async function importFixture(file: string, options?: ReadRecordsOptions) {
  return readAll(createReadStream(fixturePath(file)), options);
}
