// runBacktest for a worker: the same report from the same steps, but training runs on a thread of its
// own (trainModel) and inference gives the event loop a turn every half second, so the job can write
// its progress and the queue can renew its lock while a long back-test runs.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { trainModel } from "@/lib/scans/train-model";
import type { BacktestDocument } from "./read-corpus";
import { backtestDefaults, evaluateBacktest, prepareBacktest, type BacktestOptions, type BacktestReport } from "./run-backtest";

const REPORT_EVERY_MS = 500;

export type BacktestStep = { stage: "training" | "inferring"; /** 0..1 within the stage. */ share: number };

export async function runBacktestInSteps(documents: readonly BacktestDocument[], options: BacktestOptions, report: (step: BacktestStep) => Promise<void>): Promise<BacktestReport> {
  const prepared = prepareBacktest(documents, options);
  const { split } = prepared;
  await report({ stage: "training", share: 0 });
  const iterations = options.iterations ?? backtestDefaults.iterations;
  const model = await trainModel(split.corpus, { k: options.k, seed: options.seed, iterations }, (share) => report({ stage: "training", share }));

  await report({ stage: "inferring", share: 0 });
  const testThetas: Float64Array[] = [];
  let last = performance.now();
  for (let d = 0; d < split.testTokens.length; d++) {
    testThetas.push(model.infer(split.testTokens[d], { seed: options.seed + d }));
    if (performance.now() - last > REPORT_EVERY_MS) {
      await report({ stage: "inferring", share: (d + 1) / split.testTokens.length });
      await yieldToEventLoop();
      last = performance.now();
    }
  }
  return evaluateBacktest(documents, options, prepared, { model, testThetas });
}
