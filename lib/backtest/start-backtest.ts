// Starts a back-test of a study: a BacktestRun row, its audit record, and the "analysis.backtest" job
// (process-backtest.ts) that carries the row's id.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { enqueue } from "@/lib/jobs/queues";
import { invalid, notFound } from "@/lib/errors";
import { getBacktestDefaults, type BacktestDefaults } from "./get-backtest-defaults";

/** A blank form field takes the default. */
const blank = (value: unknown) => (value === "" || value === null ? undefined : value);
const whole = (what: string) => z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`);

/** The input, checked against the years of the study's dated documents (`defaults`). */
export function backtestInputSchema(defaults: BacktestDefaults & { firstYear: number; lastYear: number }) {
  const { firstYear, lastYear } = defaults;
  const span = `The cut-off year must be within the years of the study's documents, ${firstYear}–${lastYear}`;
  return z
    .object({
      studyId: z.string().min(1),
      until: z.preprocess(blank, whole("The cut-off year").min(firstYear, span).max(lastYear, span).optional()),
      horizon: z.preprocess(blank, whole("The horizon").min(2, "The horizon must be at least 2 years: growth is measured over two years or more").max(50, "The horizon can be at most 50 years").optional()),
      k: z.preprocess(blank, whole("The number of themes").min(3, "Use at least 3 themes: Spearman's ρ compares three or more").max(200, "Use at most 200 themes").default(defaults.k)),
      seed: z.preprocess(blank, whole("The seed").min(0, "The seed must be 0 or more").max(2 ** 31 - 1, "The seed is too large").default(defaults.seed)),
      iterations: z.preprocess(blank, whole("The iterations").min(10, "Use at least 10 iterations").max(5000, "Use at most 5000 iterations").default(defaults.iterations)),
    })
    .strict()
    .transform((input, context) => {
      const until = input.until ?? defaults.until;
      if (until === null) {
        context.addIssue({ code: "custom", path: ["until"], message: "Give a cut-off year: the study's documents span too few years for a default" });
        return z.NEVER;
      }
      return { ...input, until, horizon: input.horizon ?? Math.max(2, lastYear - until) };
    });
}

export type StartBacktestInput = { studyId: string; until?: unknown; horizon?: unknown; k?: unknown; seed?: unknown; iterations?: unknown };

export async function startBacktest(input: StartBacktestInput, actorId: string | null) {
  const study = await db().study.findUnique({ where: { id: input.studyId }, select: { id: true } });
  if (!study) throw notFound("study");
  const defaults = await getBacktestDefaults(study.id);
  if (defaults.firstYear === null || defaults.lastYear === null) throw invalid("The study has no documents with a year to back-test on");
  const { studyId, ...parameters } = backtestInputSchema({ ...defaults, firstYear: defaults.firstYear, lastYear: defaults.lastYear }).parse(input);
  const run = await db().backtestRun.create({ data: { studyId, ...parameters, createdById: actorId } });
  await recordAudit({ actorId, action: "backtest.start", entity: "backtest_run", entityId: run.id, studyId, data: parameters });
  await enqueue("analysis.backtest", run.id);
  return run;
}
