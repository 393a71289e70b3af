// `foresight topics train`: fit LDA on a corpus file and write its topics and φ as JSON.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { prepareCorpus } from "@/lib/scans/prepare-corpus";
import { buildCorpus, type Corpus } from "@/lib/text/vocabulary";
import { readCorpusFile, type CorpusFile } from "@/lib/topics/corpus-file";
import { trainLda, type LdaModel } from "@/lib/topics/lda";

const ZTrainOptions = z.object({
  corpus: z.string({ error: "Give the corpus file with --corpus FILE" }).min(1),
  format: z.enum(["tokens", "jsonl"], { error: "--format must be tokens or jsonl" }),
  k: z.coerce.number({ error: "--k must be a number" }).int().min(1, "--k must be at least 1"),
  seed: z.coerce.number({ error: "--seed must be a number" }).int(),
  iterations: z.coerce.number().int().min(1).optional(),
  threads: z.coerce.number().int().min(1).max(64).optional(),
  top: z.coerce.number().int().min(1).default(20),
  out: z.string({ error: "Give the output file with --out OUT" }).min(1),
});
type TrainOptions = z.infer<typeof ZTrainOptions>;
const OPTION_NAMES = ["corpus", "format", "k", "seed", "iterations", "threads", "top", "out"];

export const TOPICS_USAGE = `topics train --corpus FILE --format tokens|jsonl --k K --seed S [--iterations N] [--threads T] [--top N] --out OUT
      Fit LDA on a corpus (tokens: one document per line, tokens separated by spaces, used as given;
      jsonl: {"text", "id"?, "year"?} per line through the text pipeline; either may be gzipped).
      Writes OUT {train_seconds, sweeps, topics} and OUT.phi.json {vocab, phi}; progress on stderr.`;

/** Tokens are used as given; texts go through the same pipeline as a scan (lib/scans/prepare-corpus). */
function toCorpus(file: CorpusFile): Corpus {
  if (file.format === "tokens") return buildCorpus(file.documents, { minDf: 1, maxDfRatio: 1, maxVocab: Number.POSITIVE_INFINITY });
  return prepareCorpus(file.records.map((r, i) => ({ id: r.id ?? String(i + 1), title: r.text, abstract: "", year: r.year })));
}

function train(corpus: Corpus, options: TrainOptions): { model: LdaModel; seconds: number } {
  const started = performance.now();
  const run = trainLda(corpus, { k: options.k, seed: options.seed, iterations: options.iterations, threads: options.threads });
  for (;;) {
    const step = run.next();
    if (step.done) {
      return { model: step.value, seconds: (performance.now() - started) / 1000 };
    }
    const { sweep, sweeps, logLikelihood } = step.value;
    // A terminal gets one updating line; a log gets a line per ln p(w, z) report.
    if (process.stderr.isTTY) process.stderr.write(`\rsweep ${sweep}/${sweeps}`);
    if (logLikelihood !== undefined) process.stderr.write(`${process.stderr.isTTY ? "\r" : ""}sweep ${sweep}/${sweeps}  ln p(w, z) ${logLikelihood.toFixed(0)}\n`);
  }
}

async function writeOutputs(model: LdaModel, options: TrainOptions, seconds: number): Promise<void> {
  const topics = Array.from({ length: model.k }, (_, t) => model.topicWords(t, options.top).map((w) => w.term));
  const phi = Array.from({ length: model.k }, (_, t) => Array.from(model.phi(t)));
  await writeFile(options.out, JSON.stringify({ train_seconds: seconds, sweeps: model.sweeps, topics }));
  await writeFile(`${options.out}.phi.json`, JSON.stringify({ vocab: model.vocab, phi }));
}

async function runTrain(args: string[]): Promise<number> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args, options: Object.fromEntries(OPTION_NAMES.map((name) => [name, { type: "string" as const }])) }));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const parsed = ZTrainOptions.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues[0]?.message ?? "Invalid arguments");
    return 2;
  }
  const options = parsed.data;
  if (!existsSync(options.corpus)) {
    console.error(`No such file: ${options.corpus}`);
    return 2;
  }
  const file = await readCorpusFile(options.corpus, options.format);
  for (const error of file.errors) console.error(`Record ${error.position} (line ${error.line}): ${error.message}`);
  const corpus = toCorpus(file);
  const tokens = corpus.docs.reduce((n, doc) => n + doc.length, 0);
  if (tokens === 0) {
    console.error("The corpus has no tokens to train on");
    return 1;
  }
  console.error(`${corpus.docs.length} documents, ${corpus.vocab.length} terms, ${tokens} tokens`);
  const { model, seconds } = train(corpus, options);
  await writeOutputs(model, options, seconds);
  console.error(`Trained ${model.sweeps} sweeps in ${seconds.toFixed(2)} s (${Math.round((tokens * model.sweeps) / seconds)} tokens/s)`);
  console.log(JSON.stringify({ out: options.out, phi: `${options.out}.phi.json`, documents: corpus.docs.length, vocabulary: corpus.vocab.length, tokens, errors: file.errors.length }));
  return 0;
}

/** `foresight topics <subcommand> …`; today only `train`. */
export async function runTopicsCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === "train") return runTrain(rest);
  console.error(`Usage: foresight ${TOPICS_USAGE}`);
  return 2;
}
