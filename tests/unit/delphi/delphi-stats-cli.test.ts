import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runDelphiCommand } from "@/lib/cli/delphi-command";
import { jsonDifferences } from "./json-diff";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const FIXTURE = join(ROOT, "tests/fixtures/delphi-stats/nine-point-rand.input.json");
const EXPECTED = join(ROOT, "tests/fixtures/delphi-stats/nine-point-rand.expected.json");
const scratch = mkdtempSync(join(tmpdir(), "delphi-stats-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The real command line, as a user runs it. */
function foresight(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/foresight.mjs", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function capture() {
  const io = { stdout: "", stderr: "" };
  return { io, sink: { out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) } };
}

describe("foresight delphi stats", () => {
  it("prints the statistics of a fixture as JSON that matches the NumPy/SciPy reference", () => {
    const { code, stdout, stderr } = foresight("delphi", "stats", "--input", FIXTURE);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const expected = JSON.parse(readFileSync(EXPECTED, "utf8"));
    expect(jsonDifferences(JSON.parse(stdout), expected, 1e-9)).toEqual([]);
  });

  it("exits with 2 and names the offending answer when the file breaks the contract", () => {
    const doc = JSON.parse(readFileSync(FIXTURE, "utf8"));
    doc.rounds[1].answers[3].value = 12;
    doc.rounds[0].answers.push({ ...doc.rounds[0].answers[0] });
    const file = join(scratch, "bad.json");
    writeFileSync(file, JSON.stringify(doc));
    const { code, stdout, stderr } = foresight("delphi", "stats", "--input", file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("rounds[1].answers[3].value: 12 is outside the scale 1–9");
    const duplicate = doc.rounds[0].answers.length - 1;
    expect(stderr).toContain(`rounds[0].answers[${duplicate}]: expert "E01" already answered item "A1" in answers[0]`);
  });
});

describe("runDelphiCommand", () => {
  it("writes the same JSON through its io as the command line prints", async () => {
    const { io, sink } = capture();
    expect(await runDelphiCommand(["stats", "--input", FIXTURE], sink)).toBe(0);
    expect(io.stderr).toBe("");
    expect(jsonDifferences(JSON.parse(io.stdout), JSON.parse(readFileSync(EXPECTED, "utf8")), 1e-9)).toEqual([]);
  });

  it.each([
    [["stats"], /Give the file with --input/],
    [["stats", "--input", join(scratch, "missing.json")], /No such file: .*missing\.json/],
    [["stats", "--inptu", "x"], /Unknown option '--inptu'/],
    [["stat"], /Unknown delphi command "stat"/],
    [[], /Usage: foresight delphi stats --input FILE/],
  ])("exits with 2 for %j", async (args, message) => {
    const { io, sink } = capture();
    expect(await runDelphiCommand(args, sink)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(io.stdout).toBe("");
  });

  it("exits with 2 for a file that is not JSON, and lists at most 20 problems", async () => {
    const notJson = join(scratch, "broken.json");
    writeFileSync(notJson, "{ rounds: ");
    const first = capture();
    expect(await runDelphiCommand(["stats", "--input", notJson], first.sink)).toBe(2);
    expect(first.io.stderr).toMatch(/^.*broken\.json: .*JSON/);

    const manyBad = join(scratch, "many.json");
    const answers = Array.from({ length: 25 }, (_, k) => ({ expert: `e${k}`, item: "a", value: 9 }));
    writeFileSync(manyBad, JSON.stringify({ scale: { min: 1, max: 5 }, agreeBand: [4, 5], disagreeBand: [1, 2], rounds: [{ round: 1, answers }] }));
    const second = capture();
    expect(await runDelphiCommand(["stats", "--input", manyBad], second.sink)).toBe(2);
    expect(second.io.stderr.match(/is outside the scale/g)).toHaveLength(20);
    expect(second.io.stderr).toContain("… and 5 more");
  });
});
