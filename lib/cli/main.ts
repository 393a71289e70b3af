// The command line: a thin shell over lib/. Works with DATABASE_URL or the embedded database.
import { parseArgs } from "node:util";
import { runImportCommand } from "@/lib/cli/import-command";

const USAGE = `Usage: foresight <command> [options]

Commands:
  import FILE [--study NAME] [--format auto|ris|csv]
      Import a file into a study (created if missing); prints a JSON summary.

Environment: DATABASE_URL (default: the embedded PostgreSQL under .data/).`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  import: runImportCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({ args: command ? [] : argv, options: { help: { type: "boolean", short: "h" } }, strict: false });
  if (!command || values.help || command === "help" || command === "--help") {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  return run(rest);
}

process.exitCode = await main(process.argv.slice(2));
