// The command line: a thin shell over lib/. Works with DATABASE_URL or the embedded database.
// Each command's module loads only when it runs, so `delphi stats` needs no database client.
import { parseArgs } from "node:util";

const USAGE = `Usage: foresight <command> [options]

Commands:
  import FILE [--study NAME] [--format auto|ID] [--mapping JSON]
      Import a file into a study (created if missing); prints a JSON summary. The format is detected
      from the content unless given; --mapping names columns or keys (e.g. {"title": "Headline"}).
  collect SOURCE --query Q [--study NAME] [--limit N] [--config JSON] [--schedule CRON | --no-schedule]
      Collect from a public API (openalex, arxiv, crossref, patentsview, semantic-scholar) or a news
      feed (rss; the query is the feed URL) into a study; progress on stderr, a JSON summary on stdout.
      Ctrl-C stops after the current page; running the command again continues from there.
  delphi stats --input FILE
      Delphi statistics (per item and round, stability, Kendall's W) for a JSON file of answers;
      no database needed. Exit code 2 names each problem in the file by its path.
  backtest --corpus FILE --until YEAR [--k K] [--seed S] [--horizon H] [--iterations N] [--top N]
  backtest --demo SEED [--demo-scale X] --until YEAR [same options]
      Back-test the emerging score: themes fitted on documents up to YEAR (JSON Lines with text or
      title + abstract and year; .gz allowed), ranked by the score, against their share growth over
      the next H years. JSON on stdout; no database needed.
  topics train --corpus FILE --format tokens|jsonl --k K --seed S [--iterations N] [--threads T] --out OUT
      Fit LDA on a corpus file (tokens: one document per line, used as given; jsonl: {"text"} per line
      through the text pipeline; .gz allowed). Writes OUT and OUT.phi.json; no database needed.

Environment: DATABASE_URL (default: the embedded PostgreSQL under .data/).`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  import: async (args) => (await import("@/lib/cli/import-command")).runImportCommand(args),
  collect: async (args) => (await import("@/lib/cli/collect-command")).runCollectCommand(args),
  delphi: async (args) => (await import("@/lib/cli/delphi-command")).runDelphiCommand(args),
  backtest: async (args) => (await import("@/lib/cli/backtest-command")).runBacktestCommand(args),
  topics: async (args) => (await import("@/lib/cli/topics-command")).runTopicsCommand(args),
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
