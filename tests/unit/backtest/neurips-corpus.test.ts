// The shared NeurIPS abstracts read as a back-test corpus, with the count PROVENANCE.md states.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readCorpus } from "@/lib/backtest/read-corpus";

const DATA = fileURLToPath(new URL("../../../../shared/data", import.meta.url));
const FILE = path.join(DATA, "neurips_2007_2019_abstracts.jsonl.gz");
const present = existsSync(FILE);

if (!present && process.env.CI !== "true") console.info(`NeurIPS corpus test skipped: ${FILE} not found`);

describe.runIf(process.env.CI === "true" && !present)("shared data", () => {
  it("is present in CI", () => {
    expect.fail(`shared/data not found at ${DATA}`);
  });
});

describe.skipIf(!present)("the NeurIPS abstracts", () => {
  it("read without errors, with the paper count and years PROVENANCE.md states", async () => {
    const stated = readFileSync(path.join(DATA, "PROVENANCE.md"), "utf8").match(/neurips_2007_2019_abstracts.*?([\d,]+) papers, years (\d{4})–(\d{4})/);
    expect(stated).not.toBeNull();
    const { documents, errors } = await readCorpus(FILE);
    expect(errors).toEqual([]);
    expect(documents).toHaveLength(Number(stated![1].replace(/,/g, "")));
    const years = documents.map((d) => d.year);
    expect([Math.min(...years), Math.max(...years)]).toEqual([Number(stated![2]), Number(stated![3])]);
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
  });
});
