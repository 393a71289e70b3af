// Job `analysis.backtest`: the back-test of a study's own documents. A finished run is never redone; a
// running one (its worker died) starts over. Problems a person can fix end the run with a message.
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { DbNull } from "@/lib/generated/prisma/internal/prismaNamespace";
import type { BacktestDocument } from "./read-corpus";
import { minTrainingDocuments, type BacktestOptions } from "./run-backtest";
import { runBacktestInSteps, type BacktestStep } from "./run-backtest-in-steps";
import { toBacktestCorpus, withStudyCounts } from "./study-documents";

/** Where each stage sits on the run's 0..1 progress bar. */
const STAGE_SPAN: Record<BacktestStep["stage"], [number, number]> = { training: [0.05, 0.9], inferring: [0.9, 0.98] };

export async function processBacktest(runId: string): Promise<void> {
  const claimed = await db().backtestRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", stage: "preparing", progress: 0.02, startedAt: new Date(), error: null, report: DbNull },
  });
  if (claimed.count === 0) return;
  const run = await db().backtestRun.findUniqueOrThrow({ where: { id: runId } });
  const rows = await db().document.findMany({
    where: { studyId: run.studyId },
    select: { id: true, title: true, abstract: true, year: true },
    // Content-derived order, as scans use: the same seed gives the same themes in any database.
    orderBy: [{ dedupKey: "asc" }, { id: "asc" }],
  });
  const corpus = toBacktestCorpus(rows);
  const options: BacktestOptions = { until: run.until, horizon: run.horizon, k: run.k, seed: run.seed, iterations: run.iterations };
  checkCorpus(corpus.documents, options);

  const write = ({ stage, share }: BacktestStep) => {
    const [from, to] = STAGE_SPAN[stage];
    return db().backtestRun.update({ where: { id: runId }, data: { stage, progress: from + (to - from) * share } }).then(() => undefined);
  };
  const report = await runBacktestInSteps(corpus.documents, options, write).catch((error: unknown) => {
    throw error instanceof RangeError ? invalid(plainly(error)) : error;
  });
  await db().backtestRun.updateMany({
    where: { id: runId, status: "RUNNING" },
    data: { status: "SUCCEEDED", stage: "done", progress: 1, report: withStudyCounts(report, corpus), finishedAt: new Date() },
  });
}

/** runBacktest's own refusals, in words a person can act on. */
const plainly = (error: RangeError) =>
  error.message.startsWith("Spearman") ? "Fewer than 3 themes have both an emerging score and a realised growth, and Spearman's ρ needs 3: use more themes or a longer horizon" : error.message;

/** The problems a person can fix, each said in words before any training starts. */
export function checkCorpus(documents: readonly BacktestDocument[], options: BacktestOptions): void {
  const { until, horizon, k } = options;
  const train = documents.filter((d) => d.year <= until).length;
  const laterYears = new Set(documents.filter((d) => d.year > until && d.year <= until + horizon).map((d) => d.year));
  const later = horizon === 1 ? `in ${until + 1}` : `${until + 1}–${until + horizon}`;
  if (train === 0) throw invalid(`No documents are dated ${until} or earlier: choose a later cut-off year`);
  if (laterYears.size === 0) throw invalid(`No documents are dated ${later}: choose an earlier cut-off year or a longer horizon`);
  const needed = minTrainingDocuments(k);
  if (train < needed) throw invalid(`${train} documents are dated ${until} or earlier; ${k} themes need at least ${needed}: choose a later cut-off year or fewer themes`);
  if (laterYears.size < 2 && horizon === 1) throw invalid("A horizon of 1 year leaves one later year; measuring growth needs two: choose a longer horizon");
  if (laterYears.size < 2) throw invalid(`The documents dated ${later} fall in one year; measuring growth needs two: choose an earlier cut-off year or a longer horizon`);
}

export async function failBacktest(runId: string, message: string): Promise<void> {
  await db().backtestRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: message, finishedAt: new Date() },
  });
}
