// The model-selection step of a scan asked for a range of K: one TopicRun row per candidate (no saved
// model; role "candidate" in its parameters) with its coherence and held-out perplexity, then the
// chosen K by `chooseK`. A redelivered scan reuses the candidates already scored.
import { db } from "@/lib/db";
import { LDA_VERSION, type LdaModel } from "@/lib/topics/lda";
import type { Corpus } from "@/lib/text/vocabulary";
import { chooseK, scoreCandidate, selectionDefaults, splitHeldOut, subCorpus, type KCandidate } from "@/lib/topics/model-selection";
import { trainModel } from "@/lib/scans/train-model";
import { jensenShannonMatrix } from "@/lib/tensor/topic-metrics";

export type SelectKOptions = {
  scanId: string;
  studyId: string;
  corpus: Corpus;
  ks: number[];
  seed: number;
  /** Sweeps for each candidate: fewer than the final model's. */
  iterations: number;
  /** Progress of the whole selection step, 0 … 1. */
  report: (share: number, message: string) => Promise<void>;
};

export type Selection = { chosen: number; candidates: (KCandidate & { topicRunId: string })[]; rule: string };

export const SELECTION_RULE = `highest NPMI coherence among the Ks whose held-out perplexity is within ${selectionDefaults.tolerance * 100} % of the best; ties to the smaller K`;

/** Stored on each candidate's row; `distinctiveness` (mean JS divergence between its topics) is recorded, not used by the rule. */
type CandidateParameters = { role: "candidate"; iterations: number; heldOutShare: number; distinctiveness?: number; chosen?: boolean };

export async function selectK(options: SelectKOptions): Promise<Selection> {
  const { scanId, studyId, corpus, ks, seed, iterations } = options;
  const split = splitHeldOut(corpus.docs.length, { share: selectionDefaults.heldOutShare, seed });
  const training = subCorpus(corpus, split.train);
  const heldOut = split.heldOut.map((d) => corpus.docs[d]);
  const parameters: CandidateParameters = { role: "candidate", iterations, heldOutShare: selectionDefaults.heldOutShare };
  const previous = await db().topicRun.findMany({ where: { scanId, status: "SUCCEEDED", parameters: { path: ["role"], equals: "candidate" } } });
  const candidates: Selection["candidates"] = [];
  for (const [i, k] of ks.entries()) {
    const done = previous.find((r) => r.k === k && r.seed === seed && r.coherence !== null && r.perplexity !== null);
    if (done) {
      candidates.push({ k, coherence: done.coherence!, perplexity: done.perplexity!, topicRunId: done.id });
      continue;
    }
    const base = i / ks.length;
    await options.report(base, `K = ${k} (${i + 1} of ${ks.length})`);
    const run = await db().topicRun.create({
      data: {
        studyId, scanId, algorithm: "lda-gibbs", modelVersion: LDA_VERSION, k, seed, parameters, status: "RUNNING",
        documentCount: training.docs.length, tokenCount: training.docs.reduce((n, d) => n + d.length, 0), vocabularySize: corpus.vocab.length,
      },
    });
    const started = performance.now();
    const model = await trainModel(training, { k, seed, iterations }, async (share, logLikelihood) => {
      await options.report(base + share / ks.length, `K = ${k} (${i + 1} of ${ks.length})`);
      await db().topicRun.update({ where: { id: run.id }, data: { progress: share, logLikelihood } });
    });
    const score = scoreCandidate(model, { training, heldOut, seed });
    await db().topicRun.update({
      where: { id: run.id },
      data: { parameters: { ...parameters, distinctiveness: await distinctiveness(model) }, status: "SUCCEEDED", progress: 1, sweeps: model.sweeps, coherence: score.coherence, perplexity: score.perplexity, trainSeconds: (performance.now() - started) / 1000, finishedAt: new Date() },
    });
    candidates.push({ ...score, topicRunId: run.id });
  }
  const chosen = chooseK(candidates);
  const winner = candidates.find((c) => c.k === chosen)!;
  const stored = await db().topicRun.findUniqueOrThrow({ where: { id: winner.topicRunId }, select: { parameters: true } });
  await db().topicRun.update({ where: { id: winner.topicRunId }, data: { parameters: { ...(stored.parameters as object), chosen: true } } });
  return { chosen, candidates, rule: SELECTION_RULE };
}

/** Mean Jensen–Shannon divergence between a model's topics (0 … 1 bits): how distinct they are. */
async function distinctiveness(model: LdaModel): Promise<number> {
  if (model.k < 2) return 0;
  const matrix = await jensenShannonMatrix(Array.from({ length: model.k }, (_, t) => model.phi(t)));
  const sum = matrix.reduce((a, row) => a + row.reduce((b, x) => b + x, 0), 0);
  return sum / (model.k * (model.k - 1));
}
