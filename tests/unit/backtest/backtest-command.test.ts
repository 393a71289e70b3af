// The `foresight backtest` command: arguments checked at the edge, the report as JSON on stdout.
import { afterEach, describe, expect, it, vi } from "vitest";
import { runBacktestCommand } from "@/lib/cli/backtest-command";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe("foresight backtest", () => {
  it("refuses missing or contradictory arguments with exit code 2", async () => {
    const { err } = capture();
    expect(await runBacktestCommand(["--until", "2020"])).toBe(2);
    expect(await runBacktestCommand(["--demo", "1", "--corpus", "x.jsonl", "--until", "2020"])).toBe(2);
    expect(await runBacktestCommand(["--demo", "1"])).toBe(2);
    expect(await runBacktestCommand(["--demo", "1", "--until", "2020", "--horizon", "1"])).toBe(2);
    expect(await runBacktestCommand(["--corpus", "/no/such/file.jsonl", "--until", "2020"])).toBe(2);
    expect(err).toEqual([
      "Give either --corpus FILE or --demo SEED",
      "Give either --corpus FILE or --demo SEED",
      "Give --until YEAR",
      "--horizon must be at least 2 years to measure growth",
      "No such file: /no/such/file.jsonl",
    ]);
  });

  it("prints the report as JSON on stdout and progress on stderr", async () => {
    const { out, err } = capture();
    expect(await runBacktestCommand(["--demo", "5", "--until", "2021", "--k", "8", "--horizon", "4", "--iterations", "40", "--top", "3"])).toBe(0);
    const report = JSON.parse(out.join("\n"));
    expect(report.source).toEqual({ demo: { seed: 5, scale: 1 } });
    expect(report.parameters).toEqual({ until: 2021, horizon: 4, k: 8, seed: 42, iterations: 40, top: 3 });
    expect(report.corpus.testYears).toEqual([2022, 2023, 2024, 2025]);
    expect(report.topics).toHaveLength(8);
    expect(report.planted).toHaveLength(8);
    expect(report.spearman.n).toBe(8);
    expect(err.join("")).toMatch(/training on \d+ documents/);
  });

  it("fails with exit code 1 when the cut-off leaves nothing to measure", async () => {
    const { err } = capture();
    expect(await runBacktestCommand(["--demo", "5", "--until", "2025", "--k", "8"])).toBe(1);
    expect(err.join("")).toMatch(/documents in 0 year\(s\) after 2025 within the horizon/);
  });
});
