import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { computeDelphiStats, parseDelphiStatsInput } from "@/lib/delphi/stats-contract";

/** Where a command writes; tests pass their own to capture the output. */
export type CommandIo = { out: (text: string) => void; err: (text: string) => void };

const processIo: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const USAGE = "Usage: foresight delphi stats --input FILE";
/** Enough to fix a file by; the rest usually repeat the same mistake. */
const MAX_ERRORS_SHOWN = 20;

/**
 * `foresight delphi stats --input FILE`: reads the rounds as JSON, prints the statistics as JSON.
 * Needs no database. Exit codes: 0 done, 2 bad arguments or a file that breaks the contract (every
 * problem is named by its path, e.g. `rounds[1].answers[3].value: 7 is outside the scale 1–5`).
 */
export async function runDelphiCommand(args: string[], io: CommandIo = processIo): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== "stats") {
    io.err(`${subcommand ? `Unknown delphi command "${subcommand}". ` : ""}${USAGE}\n`);
    return 2;
  }
  let file: string | undefined;
  try {
    file = parseArgs({ args: rest, options: { input: { type: "string", short: "i" } } }).values.input;
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!file) {
    io.err(`Give the file with --input.\n${USAGE}\n`);
    return 2;
  }
  return printStats(file, io);
}

async function printStats(file: string, io: CommandIo): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(code === "ENOENT" ? `No such file: ${file}\n` : `${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const parsed = parseDelphiStatsInput(raw);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, MAX_ERRORS_SHOWN);
    const more = parsed.errors.length - shown.length;
    io.err(`${file} does not follow the delphi stats contract:\n${shown.join("\n")}\n`);
    if (more > 0) io.err(`… and ${more} more\n`);
    return 2;
  }
  io.out(`${JSON.stringify(computeDelphiStats(parsed.input), null, 2)}\n`);
  return 0;
}
