// Job `analysis.scan`: prepare the corpus, choose K when a range was asked for, fit LDA, and store the
// themes as the next theme-set version. A study above SCAN_SAMPLE_THRESHOLD documents trains on a
// stratified sample and hands the rest to "analysis.infer" slices (infer-slice.ts), the last of which
// stores the themes.
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { LDA_VERSION } from "@/lib/topics/lda";
import { candidateKs, ZScanParameters } from "@/lib/scans/start-scan";
import { prepareCorpus, type ScanDocument } from "@/lib/scans/prepare-corpus";
import { describeThemes } from "@/lib/scans/describe-themes";
import { storeThemeSet } from "@/lib/scans/store-theme-set";
import { selectK } from "@/lib/scans/select-k";
import { trainModel } from "@/lib/scans/train-model";
import { env } from "@/lib/env";
import { stratifiedSample } from "@/lib/scans/sample-documents";
import { startInference } from "@/lib/scans/start-inference";

/** Candidates train with a quarter of the final model's sweeps (at least 20). */
const selectionIterations = (iterations: number) => Math.max(20, Math.round(iterations / 4));
const minDocuments = (k: number) => Math.max(10, k * 2);

export async function processScan(scanId: string): Promise<void> {
  const claimed = await db().scan.updateMany({
    where: { id: scanId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", stage: "preparing", progress: 0.02, startedAt: new Date(), error: null },
  });
  if (claimed.count === 0) return;
  // A redelivered scan starts over; a model left half-trained by a crashed worker is marked as such.
  await db().topicRun.updateMany({ where: { scanId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "FAILED", error: "Interrupted; the scan was restarted" } });
  const scan = await db().scan.findUniqueOrThrow({ where: { id: scanId } });
  const params = ZScanParameters.parse(scan.parameters);

  const all = await db().document.findMany({
    where: { studyId: scan.studyId },
    select: { id: true, title: true, abstract: true, year: true, kind: true },
    // Content-derived order, so the same seed gives the same themes in any database.
    orderBy: [{ dedupKey: "asc" }, { id: "asc" }],
  });
  const threshold = env().SCAN_SAMPLE_THRESHOLD;
  const sampled = all.length > threshold;
  const documents: ScanDocument[] = sampled ? stratifiedSample(all, { size: threshold, seed: params.seed }).map((i) => all[i]) : all;
  const ks = candidateKs(params).filter((k) => minDocuments(k) <= documents.length);
  if (ks.length === 0) {
    throw invalid(`A scan with ${params.k} themes needs at least ${minDocuments(params.k)} documents; the study has ${documents.length}`);
  }
  const corpus = prepareCorpus(documents);
  const ranged = ks.length > 1;
  const trainingFrom = ranged ? 0.45 : 0.05;
  let k = ks[0];
  let selection: Awaited<ReturnType<typeof selectK>> | null = null;
  if (ranged) {
    await db().scan.update({ where: { id: scanId }, data: { stage: "selecting", progress: 0.05 } });
    selection = await selectK({
      scanId, studyId: scan.studyId, corpus, ks, seed: params.seed, iterations: selectionIterations(params.iterations),
      report: (share, message) => db().scan.update({ where: { id: scanId }, data: { progress: 0.05 + (trainingFrom - 0.05) * share, message } }).then(() => undefined),
    });
    k = selection.chosen;
  }
  const run = await db().topicRun.create({
    data: {
      studyId: scan.studyId,
      scanId,
      algorithm: "lda-gibbs",
      modelVersion: LDA_VERSION,
      k,
      seed: params.seed,
      parameters: { ...params, k, role: "final", ...(sampled && { sampleIds: documents.map((d) => d.id) }), ...(selection && { selection: { rule: selection.rule, candidates: selection.candidates.map(({ topicRunId: _, ...c }) => c), chosen: selection.chosen } }) },
      status: "RUNNING",
      documentCount: documents.length,
      tokenCount: corpus.docs.reduce((n, d) => n + d.length, 0),
      vocabularySize: corpus.vocab.length,
    },
  });
  const chosenNote = selection ? `K = ${k} chosen from ${ks.join(", ")}; ` : "";
  const sampleNote = sampled ? ` (a sample of ${all.length})` : "";
  await db().scan.update({ where: { id: scanId }, data: { stage: "training", progress: trainingFrom, message: `${chosenNote}${documents.length} documents${sampleNote}, ${corpus.vocab.length} terms` } });

  const started = performance.now();
  const model = await trainModel(corpus, { k, seed: params.seed, iterations: params.iterations }, async (share, logLikelihood) => {
    await db().scan.update({ where: { id: scanId }, data: { progress: trainingFrom + (0.9 - trainingFrom) * share } });
    await db().topicRun.update({ where: { id: run.id }, data: { progress: share, logLikelihood } });
  });
  const trainSeconds = (performance.now() - started) / 1000;
  if (sampled) {
    await db().topicRun.update({ where: { id: run.id }, data: { progress: 1, sweeps: model.sweeps, trainSeconds, model: model.toJSON() as object } });
    await startInference({ scanId, studyId: scan.studyId, modelRunId: run.id, k, seed: params.seed, sampleIds: documents.map((d) => d.id) });
    return;
  }

  await db().scan.update({ where: { id: scanId }, data: { stage: "analysing", progress: 0.92 } });
  const themes = describeThemes(model, documents);
  await storeThemeSet({ scanId, topicRunId: run.id, studyId: scan.studyId, model, themes, trainSeconds });
}

export async function failScan(scanId: string, message: string): Promise<void> {
  await db().scan.updateMany({
    where: { id: scanId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: message, finishedAt: new Date() },
  });
  await db().topicRun.updateMany({ where: { scanId, status: "RUNNING" }, data: { status: "FAILED", error: message } });
}
