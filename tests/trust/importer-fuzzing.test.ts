// Property: for every registered format, any input — arbitrary bytes or a real export mutated — ends in
// records (with per-record errors) or in one AppError with a clear message. Never an uncaught
// exception, a hang past the per-case time, or a heap blow-up past the child's limit.
// `npm test` runs a few hundred seeded cases; `npm run test:trust` (TRUST_FULL=1) runs thousands.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FormatId } from "@/lib/ingest/formats";
import { fixturesPresent, requireSharedFixtures } from "../unit/ingest/shared-fixtures";
import { mb, reportFigure, seconds, TRUST_FULL } from "./figures";
import type { FuzzCase } from "./fuzz/fuzz-child";
import { arbitraryInput, mutationsOf } from "./fuzz/mutations";
import { runFuzz } from "./fuzz/run-fuzz";
import { seedsByFormat, type Seed } from "./fuzz/seeds";
import { explainFuzzFailure } from "./known-defects";

requireSharedFixtures("Importer fuzzing");

const TOTAL = Number(process.env.TRUST_FUZZ_CASES ?? (TRUST_FULL ? 3600 : 340));
const BASE_SEED = Number(process.env.TRUST_FUZZ_SEED ?? 20_260_607);
const SETTINGS = {
  timeoutMs: TRUST_FULL ? 30_000 : 15_000,
  heapMb: 512,
  processes: Number(process.env.TRUST_FUZZ_PROCESSES ?? 1),
  maxLineChars: TRUST_FULL ? 4 * 1024 * 1024 : 1024 * 1024,
};
// A quarter of each format's cases owe nothing to a real file; the rest mutate its fixtures.
const ARBITRARY_SHARE = 0.25;
const CHUNKS = [65536, 4096, 977, 4 * 1024 * 1024];

function firstLine(seed: Seed): string {
  return (
    new TextDecoder()
      .decode(seed.bytes.subarray(0, 4096))
      .replace(/^\ufeff/, "")
      .split("\n")
      .find((line) => line.trim() !== "") ?? ""
  );
}

/** Cases one by one (never all in memory), each reproducible from BASE_SEED + its id. */
function* fuzzCases(seeds: Map<FormatId, Seed[]>): Generator<FuzzCase> {
  const formats = [...seeds].filter(([, list]) => list.length > 0);
  const perFormat = Math.ceil(TOTAL / formats.length);
  let id = 0;
  for (const [format, list] of formats) {
    const arbitrary = arbitraryInput(firstLine(list[0]));
    const mutations = list.map((seed) => mutationsOf(seed.bytes, { maxLineChars: SETTINGS.maxLineChars }));
    for (let i = 0; i < perFormat && id < TOTAL; i++, id++) {
      const fromSeed = i >= perFormat * ARBITRARY_SHARE;
      const which = i % list.length;
      const [value] = fc.sample(fromSeed ? mutations[which] : arbitrary, { seed: BASE_SEED + id, numRuns: 1 });
      // Detection is the real path; forcing the format makes its reader face what detection would refuse.
      const forced = i % 2 === 0;
      const chunk = value.bytes.length < 20_000 && i % 5 === 0 ? 7 : CHUNKS[i % CHUNKS.length];
      const source = fromSeed ? list[which].file : "arbitrary";
      yield { id, label: `#${id} ${format} (${forced ? "forced" : "detected"}) ${source}: ${value.label}`, format: forced ? format : "auto", bytes: value.bytes, chunk };
    }
  }
}

/** Keeps a failing input for replay (`readRecords(createReadStream(file), { format })`); returns its path. */
function saveFailure(failure: { id: number; format: string; bytes: Uint8Array }): string {
  const dir = path.resolve(".data/trust-fuzz-failures");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `case-${failure.id}-${failure.format}.bin`);
  writeFileSync(file, failure.bytes);
  return file;
}

describe.skipIf(!fixturesPresent)("importer fuzzing", () => {
  it("ends every hostile input in records or one clear AppError: no crash, hang or unbounded memory", { timeout: TRUST_FULL ? 3_600_000 : 300_000 }, async () => {
    const seeds = await seedsByFormat(3);
    const withoutFixture = [...seeds].filter(([, list]) => list.length === 0).map(([format]) => format);
    expect(withoutFixture, "registered formats with no fixture to mutate").toEqual([]);

    const started = performance.now();
    const report = await runFuzz(fuzzCases(seeds), SETTINGS);
    const formats = seeds.size;
    // A failure a known defect explains is named in the figures; any other fails the test.
    const known = report.failures.map((f) => explainFuzzFailure(f)?.id ?? null);
    const unexplained = report.failures.filter((_, i) => known[i] === null);
    const crashes = unexplained.filter((f) => f.kind !== "broken").length;
    const broken = unexplained.length - crashes;
    const open = [...new Set(known.filter((id) => id !== null))];
    const knownNote = open.length ? ` (+${known.filter(Boolean).length} from known defects: ${open.join(", ")})` : "";
    reportFigure("importer-fuzzing", `importer fuzzing: ${crashes} crashes in ${report.cases} inputs (${formats} formats)${knownNote}`);
    reportFigure(
      "importer-fuzzing-outcomes",
      `importer fuzzing outcomes: ${report.rejected} rejected with a clear message, ${report.read} read (${report.withRecordErrors} with per-record errors), ` +
        `${broken} results breaking the ReadResult contract; ` +
        `slowest case ${seconds(report.slowestMs)}, largest rise of the peak RSS by one case ${mb(report.peakRaise.bytes)} ` +
        `(${SETTINGS.heapMb} MB heap per fuzzing process), ${seconds(performance.now() - started)} in all`,
    );
    const top = [...report.messages].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.info(`Slowest case: ${report.slowestLabel}`);
    console.info(`Largest rise of the peak RSS: ${mb(report.peakRaise.bytes)} by ${report.peakRaise.label}`);
    console.info(`Most frequent refusals:\n${top.map(([m, n]) => `  ${n}× ${m}`).join("\n")}`);

    expect(report.cases).toBe(TOTAL);
    expect(unexplained.slice(0, 10).map(({ bytes, ...failure }) => ({ ...failure, saved: saveFailure({ ...failure, bytes }) }))).toEqual([]);
  });
});
