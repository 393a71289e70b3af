// Back-testing the emerging score: fit themes on the documents up to a year, rank them by the score
// as a scan would have on that day, then see whose share of the later documents actually grew.
import { trainLda, type LdaModel } from "@/lib/topics/lda";
import { labelTopic } from "@/lib/topics/label";
import { STORED_WEIGHT_MIN } from "@/lib/scans/describe-themes";
import { growthRate, yearlyVolume } from "@/lib/trends/growth";
import { emergingScore } from "@/lib/indicators/emerging";
import type { BacktestDocument } from "./read-corpus";
import { splitCorpus, type SplitCorpus } from "./split-corpus";
import { realisedGrowth, yearlyShares } from "./realised-growth";
import { averageRanks, precisionAtK, spearman, type SpearmanResult } from "./rank-statistics";

export type BacktestOptions = {
  until: number;
  horizon: number;
  k: number;
  seed: number;
  iterations?: number;
  /** k of precision@k (default 10). */
  top?: number;
  onProgress?: (message: string) => void;
};

export const backtestDefaults = { iterations: 300, top: 10, representative: 20 } as const;

export type BacktestTopic = {
  topic: number;
  label: string;
  terms: string[];
  score: number | null;
  novelty: number | null;
  shareGrowth: number | null;
  growth: number | null;
  volumeShare: number;
  realisedGrowth: number | null;
  /** 1 = highest score / highest realised growth. */
  scoreRank: number | null;
  realisedRank: number | null;
  /** Training documents with the largest share of the topic, best first. */
  representative: string[];
};

export type BacktestReport = {
  parameters: { until: number; horizon: number; k: number; seed: number; iterations: number; top: number };
  corpus: { documents: number; train: number; test: number; ignored: number; vocabulary: number; tokens: number; testYears: number[] };
  /** Emerging score against realised growth, over the topics where both exist. */
  spearman: SpearmanResult;
  precisionAtTop: number;
  /** The same test for single ingredients, to see what the score adds. */
  baselines: Record<"growth" | "shareGrowth" | "novelty", SpearmanResult>;
  topics: BacktestTopic[];
};

function train(options: BacktestOptions, corpus: Parameters<typeof trainLda>[0]): LdaModel {
  const iterations = options.iterations ?? backtestDefaults.iterations;
  const generator = trainLda(corpus, { k: options.k, seed: options.seed, iterations });
  for (;;) {
    const step = generator.next();
    if (step.done) return step.value;
    if (step.value.sweep % 50 === 0) options.onProgress?.(`sweep ${step.value.sweep}/${step.value.sweeps}`);
  }
}

/** The score as a scan computes it on the training years: stored weights only (θ ≥ 0.05). */
function scoreTopics(model: LdaModel, trainDocs: readonly BacktestDocument[], until: number) {
  const corpusYearly = yearlyVolume(trainDocs.map((d) => ({ year: d.year, weight: 1 })));
  const thetas = trainDocs.map((_, d) => model.documentTopics(d));
  return Array.from({ length: model.k }, (_, t) => {
    const volume = yearlyVolume(trainDocs.flatMap((doc, d) => (thetas[d][t] >= STORED_WEIGHT_MIN ? [{ year: doc.year, weight: thetas[d][t] }] : [])));
    const emerging = emergingScore(volume, corpusYearly, { untilYear: until, referenceShare: 1 / model.k });
    const representative = thetas
      .map((theta, d) => [theta[t], d] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .slice(0, backtestDefaults.representative)
      .map(([, d]) => trainDocs[d].id);
    return { emerging, growth: growthRate(volume, { window: 5, untilYear: until }), representative };
  });
}

/** Ranks, 1 = the largest value; null values get no rank. */
function descendingRanks(values: readonly (number | null)[]): (number | null)[] {
  const present = values.flatMap((v, i) => (v === null ? [] : [[v, i] as const]));
  const ranks = averageRanks(present.map(([v]) => -v));
  const out: (number | null)[] = values.map(() => null);
  present.forEach(([, i], j) => (out[i] = ranks[j]));
  return out;
}

export type PreparedBacktest = {
  split: SplitCorpus;
  testYears: number[];
  tokens: number;
};

/**
 * The split and the checks every back-test makes before training.
 * @throws RangeError for too few training documents for K themes, or fewer than 2 years after the cut-off
 */
export function prepareBacktest(documents: readonly BacktestDocument[], options: BacktestOptions): PreparedBacktest {
  const { until, horizon, k } = options;
  const split = splitCorpus(documents, { until, horizon });
  if (split.train.length < minTrainingDocuments(k)) throw new RangeError(`${split.train.length} documents up to ${until}: at least ${minTrainingDocuments(k)} are needed for ${k} themes`);
  const testYears = [...new Set(split.test.map((d) => d.year))].sort((a, b) => a - b);
  if (testYears.length < 2) throw new RangeError(`documents in ${testYears.length} year(s) after ${until} within the horizon: at least 2 are needed to measure growth`);
  const tokens = split.corpus.docs.reduce((n, d) => n + d.length, 0);
  return { split, testYears, tokens };
}

/** The fewest training documents a back-test with k themes accepts. */
export const minTrainingDocuments = (k: number) => Math.max(10, 2 * k);

/** Scores, realised growth and their agreement, from the trained model and the later documents' θ. */
export function evaluateBacktest(documents: readonly BacktestDocument[], options: BacktestOptions, prepared: PreparedBacktest, fitted: { model: LdaModel; testThetas: Float64Array[] }): BacktestReport {
  const { until, horizon, k, seed } = options;
  const { split, testYears, tokens } = prepared;
  const { model } = fitted;
  const scored = scoreTopics(model, split.train, until);
  const realised = realisedGrowth(yearlyShares(fitted.testThetas, split.test.map((d) => d.year)), k);
  const scores = scored.map((s) => s.emerging?.score ?? null);
  const scoreRanks = descendingRanks(scores);
  const realisedRanks = descendingRanks(realised);
  const topics = scored.map((s, t): BacktestTopic => {
    const terms = model.relevantWords(t, 10);
    return {
      topic: t,
      label: labelTopic(terms),
      terms: terms.map((w) => w.term),
      score: scores[t],
      novelty: s.emerging?.novelty ?? null,
      shareGrowth: s.emerging?.shareGrowth ?? null,
      growth: s.growth,
      volumeShare: s.emerging?.volumeShare ?? 0,
      realisedGrowth: realised[t],
      scoreRank: scoreRanks[t],
      realisedRank: realisedRanks[t],
      representative: s.representative,
    };
  });
  const paired = (forecast: (t: BacktestTopic) => number | null) => {
    const rows = topics.filter((t) => forecast(t) !== null && t.realisedGrowth !== null);
    return [rows.map((t) => forecast(t)!), rows.map((t) => t.realisedGrowth!)] as const;
  };
  const [x, y] = paired((t) => t.score);
  const top = options.top ?? backtestDefaults.top;
  return {
    parameters: { until, horizon, k, seed, iterations: options.iterations ?? backtestDefaults.iterations, top },
    corpus: { documents: documents.length, train: split.train.length, test: split.test.length, ignored: split.ignored, vocabulary: split.corpus.vocab.length, tokens, testYears },
    spearman: spearman(x, y),
    precisionAtTop: precisionAtK(x, y, top),
    baselines: {
      growth: spearman(...paired((t) => t.growth)),
      shareGrowth: spearman(...paired((t) => t.shareGrowth)),
      novelty: spearman(...paired((t) => t.novelty)),
    },
    topics: topics.sort((a, b) => (a.scoreRank ?? Infinity) - (b.scoreRank ?? Infinity)),
  };
}

export function runBacktest(documents: readonly BacktestDocument[], options: BacktestOptions): BacktestReport {
  const prepared = prepareBacktest(documents, options);
  const { split, tokens } = prepared;
  options.onProgress?.(`training on ${split.train.length} documents (${split.corpus.vocab.length} terms, ${tokens} tokens), testing on ${split.test.length}`);
  const model = train(options, split.corpus);
  options.onProgress?.(`inferring themes of ${split.test.length} later documents`);
  const testThetas = split.testTokens.map((t, d) => model.infer(t, { seed: options.seed + d }));
  return evaluateBacktest(documents, options, prepared, { model, testThetas });
}
