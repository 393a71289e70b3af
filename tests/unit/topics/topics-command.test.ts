// The `foresight topics train` contract: files, keys and shapes, for both input formats.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runTopicsCommand } from "@/lib/cli/topics-command";
import { plantedCorpus } from "./planted-corpus";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "topics-command-"));
const corpus = plantedCorpus({ documents: 120, length: 40 });
const lines = corpus.docs.map((doc) => Array.from(doc, (w) => corpus.vocab[w]).join(" "));

type Out = { train_seconds: number; sweeps: number; topics: string[][] };
type Phi = { vocab: string[]; phi: number[][] };

function readOutputs(out: string): { out: Out; phi: Phi } {
  return { out: JSON.parse(readFileSync(out, "utf8")), phi: JSON.parse(readFileSync(`${out}.phi.json`, "utf8")) };
}

function expectContract(result: { out: Out; phi: Phi }, k: number, sweeps: number) {
  const { out, phi } = result;
  expect(Object.keys(out).sort()).toEqual(["sweeps", "topics", "train_seconds"]);
  expect(out.train_seconds).toBeGreaterThan(0);
  expect(out.sweeps).toBe(sweeps);
  expect(out.topics).toHaveLength(k);
  for (const words of out.topics) {
    expect(words).toHaveLength(20);
    expect(new Set(words).size).toBe(20);
    for (const word of words) expect(phi.vocab).toContain(word);
  }
  expect(Object.keys(phi).sort()).toEqual(["phi", "vocab"]);
  expect(phi.phi).toHaveLength(k);
  for (const row of phi.phi) {
    expect(row).toHaveLength(phi.vocab.length);
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  }
  // Each topic's words come best first by its φ row.
  out.topics.forEach((words, t) => {
    const p = words.map((word) => phi.phi[t][phi.vocab.indexOf(word)]);
    expect(p).toEqual([...p].sort((a, b) => b - a));
  });
}

describe("foresight topics train", () => {
  it("trains on a tokens file through the installed command and writes OUT and OUT.phi.json", async () => {
    const file = path.join(dir, "corpus.tokens");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const out = path.join(dir, "tokens-model.json");
    const args = ["bin/foresight.mjs", "topics", "train", "--corpus", file, "--format", "tokens", "--k", "4", "--seed", "3", "--iterations", "40", "--threads", "2", "--out", out];
    const { stderr } = await promisify(execFile)(process.execPath, args, { cwd: ROOT });
    expect(stderr).toContain("sweep 40/40");
    const result = readOutputs(out);
    expectContract(result, 4, 40);
    expect(result.phi.vocab.slice().sort()).toEqual(corpus.vocab.slice().sort());
  });

  it("trains on gzipped JSON Lines through the text pipeline, reporting bad lines and going on", async () => {
    const records = lines.map((text, i) => JSON.stringify({ id: `d${i}`, year: 2000 + (i % 20), text }));
    records.splice(5, 0, "{broken");
    const file = path.join(dir, "corpus.jsonl.gz");
    writeFileSync(file, gzipSync(records.join("\n")));
    const out = path.join(dir, "jsonl-model.json");
    const code = await runTopicsCommand(["train", "--corpus", file, "--format", "jsonl", "--k", "3", "--seed", "1", "--iterations", "25", "--out", out]);
    expect(code).toBe(0);
    expectContract(readOutputs(out), 3, 25);
  });

  it("refuses missing or invalid options with exit code 2", async () => {
    expect(await runTopicsCommand(["train", "--format", "tokens", "--k", "3", "--seed", "1", "--out", "x"])).toBe(2);
    expect(await runTopicsCommand(["train", "--corpus", "nope", "--format", "csv", "--k", "3", "--seed", "1", "--out", "x"])).toBe(2);
    expect(await runTopicsCommand(["train", "--corpus", path.join(dir, "missing"), "--format", "tokens", "--k", "3", "--seed", "1", "--out", "x"])).toBe(2);
    expect(await runTopicsCommand(["fit"])).toBe(2);
  });
});
