import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readCorpus, type BacktestDocument, type CorpusError } from "@/lib/backtest/read-corpus";
import { runBacktest } from "@/lib/backtest/run-backtest";
import { demoBacktestCorpus, matchPlantedThemes, type DemoBacktestCorpus } from "@/lib/backtest/demo-corpus";

const int = (name: string) => z.coerce.number({ error: `--${name} must be a number` }).int(`--${name} must be a whole number`);

const ZOptions = z
  .object({
    corpus: z.string().min(1).optional(),
    demo: int("demo").min(0).optional(),
    demoScale: z.coerce.number().positive().max(20).default(1),
    until: z.string({ error: "Give --until YEAR" }).transform(Number).pipe(z.number().int("--until must be a year").min(1000, "--until must be a year").max(3000, "--until must be a year")),
    k: int("k").min(2).max(500).default(20),
    seed: int("seed").min(0).max(2 ** 31 - 1).default(42),
    horizon: int("horizon").min(2, "--horizon must be at least 2 years to measure growth").max(50).default(5),
    iterations: int("iterations").min(10).max(5000).default(300),
    top: int("top").min(1).max(500).default(10),
  })
  .refine((o) => (o.corpus === undefined) !== (o.demo === undefined), "Give either --corpus FILE or --demo SEED");

const MAX_ERRORS_SHOWN = 20;

/**
 * `foresight backtest --corpus FILE --until YEAR [--k K] [--seed S] [--horizon H] [--iterations N] [--top N]`
 * (or `--demo SEED [--demo-scale X]` for the generated corpus with its planted truth): the report as
 * JSON on stdout, progress on stderr. No database is involved.
 */
export async function runBacktestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(["corpus", "demo", "demo-scale", "until", "k", "seed", "horizon", "iterations", "top"].map((o) => [o, { type: "string" as const }])),
  });
  const parsed = ZOptions.safeParse({ ...values, demoScale: values["demo-scale"] });
  if (!parsed.success) {
    console.error(parsed.error.issues[0]?.message ?? "Invalid arguments");
    return 2;
  }
  const options = parsed.data;
  if (options.corpus && !existsSync(options.corpus)) {
    console.error(`No such file: ${options.corpus}`);
    return 2;
  }
  let documents: BacktestDocument[];
  let errors: CorpusError[] = [];
  let demo: DemoBacktestCorpus | undefined;
  if (options.corpus) {
    process.stderr.write(`reading ${options.corpus}\n`);
    ({ documents, errors } = await readCorpus(options.corpus));
  } else {
    demo = demoBacktestCorpus({ seed: options.demo!, scale: options.demoScale });
    documents = demo.documents;
  }
  try {
    const report = runBacktest(documents, { ...options, onProgress: (message) => process.stderr.write(`${message}\n`) });
    const planted = demo ? { planted: matchPlantedThemes(report.topics, demo) } : {};
    const source = options.corpus ? { file: options.corpus } : { demo: { seed: options.demo, scale: options.demoScale } };
    const problems = { errors: errors.length, firstErrors: errors.slice(0, MAX_ERRORS_SHOWN) };
    console.log(JSON.stringify({ source, ...problems, ...report, ...planted }, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof RangeError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
