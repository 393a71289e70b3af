// Each known defect found by fuzzing (known-defects.ts) still reproduces; when one stops reproducing it
// has been fixed, and its entry must go so the fuzzer counts it as a failure again.
import { describe, expect, it } from "vitest";
import { KNOWN_DEFECTS } from "./known-defects";

/** One per fuzz entry of KNOWN_DEFECTS: reads the input the fuzzer found and expects the defect. */
const REPRODUCTIONS: Record<string, () => Promise<void>> = {};

describe("known defects found by fuzzing", () => {
  it("each has a reproduction, and no reproduction outlives its entry", () => {
    const ids = KNOWN_DEFECTS.filter((d) => d.fuzz).map((d) => d.id);
    expect(Object.keys(REPRODUCTIONS).sort()).toEqual(ids.sort());
  });

  for (const defect of KNOWN_DEFECTS.filter((d) => d.fuzz)) {
    it(`${defect.id} (${defect.file}) still reproduces; if not, remove it from known-defects.ts`, async () => {
      const reproduce = REPRODUCTIONS[defect.id];
      expect(reproduce, `no reproduction for ${defect.id}`).toBeDefined();
      await reproduce();
    });
  }
});
