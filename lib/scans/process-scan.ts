// Job `analysis.scan`: prepare the corpus, fit LDA, and store the themes as the next theme-set version.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { trainLda, type LdaModel } from "@/lib/topics/lda";
import { ZScanParameters } from "@/lib/scans/start-scan";
import { prepareCorpus, type ScanDocument } from "@/lib/scans/prepare-corpus";
import { describeThemes } from "@/lib/scans/describe-themes";
import { storeThemeSet } from "@/lib/scans/store-theme-set";

const PROGRESS_EVERY_MS = 500;

export async function processScan(scanId: string): Promise<void> {
  const claimed = await db().scan.updateMany({
    where: { id: scanId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", stage: "preparing", progress: 0.02, startedAt: new Date(), error: null },
  });
  if (claimed.count === 0) return;
  // A redelivered scan starts over; a model left half-trained by a crashed worker is marked as such.
  await db().topicRun.updateMany({ where: { scanId, status: "RUNNING" }, data: { status: "FAILED", error: "Interrupted; the scan was restarted" } });
  const scan = await db().scan.findUniqueOrThrow({ where: { id: scanId } });
  const params = ZScanParameters.parse(scan.parameters);

  const documents: ScanDocument[] = await db().document.findMany({
    where: { studyId: scan.studyId },
    select: { id: true, title: true, abstract: true, year: true },
    // Content-derived order, so the same seed gives the same themes in any database.
    orderBy: [{ dedupKey: "asc" }, { id: "asc" }],
  });
  if (documents.length < Math.max(10, params.k * 2)) {
    throw invalid(`A scan with ${params.k} themes needs at least ${Math.max(10, params.k * 2)} documents; the study has ${documents.length}`);
  }
  const corpus = prepareCorpus(documents);
  const tokenCount = corpus.docs.reduce((n, d) => n + d.length, 0);
  const run = await db().topicRun.create({
    data: {
      studyId: scan.studyId,
      scanId,
      algorithm: "lda-gibbs",
      modelVersion: "gibbs-1",
      k: params.k,
      seed: params.seed,
      parameters: params,
      status: "RUNNING",
      documentCount: documents.length,
      tokenCount,
      vocabularySize: corpus.vocab.length,
    },
  });
  await db().scan.update({ where: { id: scanId }, data: { stage: "training", progress: 0.05, message: `${documents.length} documents, ${corpus.vocab.length} terms` } });

  const started = performance.now();
  const model = await train(corpus, params, async (share, logLikelihood) => {
    await db().scan.update({ where: { id: scanId }, data: { progress: 0.05 + 0.85 * share } });
    await db().topicRun.update({ where: { id: run.id }, data: { progress: share, logLikelihood } });
  });
  const trainSeconds = (performance.now() - started) / 1000;

  await db().scan.update({ where: { id: scanId }, data: { stage: "analysing", progress: 0.92 } });
  const themes = describeThemes(model, documents);
  await storeThemeSet({ scanId, topicRunId: run.id, studyId: scan.studyId, model, themes, trainSeconds });
}

async function train(
  corpus: Parameters<typeof trainLda>[0],
  params: { k: number; seed: number; iterations: number },
  report: (share: number, logLikelihood: number | null) => Promise<void>,
): Promise<LdaModel> {
  const generator = trainLda(corpus, params);
  let last = 0;
  let logLikelihood: number | null = null;
  for (;;) {
    const step = generator.next();
    if (step.done) return step.value;
    if (step.value.logLikelihood !== undefined) logLikelihood = step.value.logLikelihood;
    if (performance.now() - last > PROGRESS_EVERY_MS) {
      last = performance.now();
      await report(step.value.sweep / step.value.sweeps, logLikelihood);
      // Let the queue renew its lock and other jobs breathe between sweeps.
      await yieldToEventLoop();
    }
  }
}

export async function failScan(scanId: string, message: string): Promise<void> {
  await db().scan.updateMany({
    where: { id: scanId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: message, finishedAt: new Date() },
  });
  await db().topicRun.updateMany({ where: { scanId, status: "RUNNING" }, data: { status: "FAILED", error: message } });
}
