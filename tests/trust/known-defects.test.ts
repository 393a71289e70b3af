// Each known defect found by fuzzing (known-defects.ts) still reproduces; when one stops reproducing it
// has been fixed, and its entry must go so the fuzzer counts it as a failure again.
import { describe, expect, it } from "vitest";
import { readRecords } from "@/lib/ingest/read-records";
import { collect, chunks } from "../unit/ingest/helpers";
import { KNOWN_DEFECTS } from "./known-defects";

const REPRODUCTIONS: Record<string, () => Promise<void>> = {
  "nih-reporter-line-zero": async () => {
    const { records } = await readRecords(chunks("[9\tbft"), { format: "nih-reporter" });
    expect((await collect(records)).map((r) => r.line)).toContain(0);
  },
};

describe("known defects found by fuzzing", () => {
  for (const defect of KNOWN_DEFECTS.filter((d) => d.fuzz)) {
    it(`${defect.id} (${defect.file}) still reproduces; if not, remove it from known-defects.ts`, async () => {
      const reproduce = REPRODUCTIONS[defect.id];
      expect(reproduce, `no reproduction for ${defect.id}`).toBeDefined();
      await reproduce();
    });
  }
});
