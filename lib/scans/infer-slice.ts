// Job `analysis.infer`: θ for one slice of a sampled scan's remaining documents, from the saved model.
// A slice is a TopicRun row (algorithm "lda-infer", role "slice") holding an id range; its result
// (each document's weights ≥ SLICE_WEIGHT_MIN) is written in the same statement that marks it
// SUCCEEDED, so a slice killed half-way and retried writes nothing twice. Any worker machine can
// take a slice; the one that completes the last slice finishes the scan (finish-sampled-scan.ts).
import { z } from "zod";
import { db } from "@/lib/db";
import { loadLda, type LdaModel } from "@/lib/topics/lda";
import { encodeForModel } from "@/lib/scans/prepare-corpus";
import { finishSampledScan } from "@/lib/scans/finish-sampled-scan";

/** Weights below this are dropped from a slice's result (they change no stored figure: see describe-themes). */
export const SLICE_WEIGHT_MIN = 0.01;

export const ZSliceParameters = z.object({ role: z.literal("slice"), modelRunId: z.string(), fromId: z.string(), toId: z.string() });
export const ZSliceResult = z.object({ documentIds: z.array(z.string()), weights: z.array(z.array(z.tuple([z.number().int(), z.number()]))) });
export type SliceResult = z.infer<typeof ZSliceResult>;
export const ZModelRunParameters = z.object({ seed: z.number().int(), sampleIds: z.array(z.string()) }).passthrough();

let cached: { runId: string; model: LdaModel } | undefined;

/** The saved model of a run, kept for the next slice of the same run. */
async function modelOf(runId: string): Promise<LdaModel> {
  if (cached?.runId === runId) return cached.model;
  const run = await db().topicRun.findUniqueOrThrow({ where: { id: runId }, select: { model: true } });
  const model = loadLda(run.model);
  cached = { runId, model };
  return model;
}

/** FNV-1a of the document id mixed with the run's seed: θ of a document does not depend on its slice. */
export function documentSeed(documentId: string, seed: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < documentId.length; i++) hash = Math.imul(hash ^ documentId.charCodeAt(i), 0x01000193);
  return (hash ^ seed) >>> 0;
}

export async function inferSlice(sliceId: string): Promise<void> {
  const claimed = await db().topicRun.updateMany({ where: { id: sliceId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "RUNNING", progress: 0 } });
  const slice = await db().topicRun.findUnique({ where: { id: sliceId } });
  if (!slice?.scanId) return;
  if (claimed.count === 0) {
    // Already done (a redelivery, or the finisher died): make sure the scan still gets finished.
    if (slice.status === "SUCCEEDED") await finishSampledScan(slice.scanId);
    return;
  }
  const { modelRunId, fromId, toId } = ZSliceParameters.parse(slice.parameters);
  const run = await db().topicRun.findUniqueOrThrow({ where: { id: modelRunId }, select: { parameters: true } });
  const { seed, sampleIds } = ZModelRunParameters.parse(run.parameters);
  const sample = new Set(sampleIds);
  const model = await modelOf(modelRunId);
  const documents = (
    await db().document.findMany({
      where: { studyId: slice.studyId, id: { gte: fromId, lte: toId } },
      select: { id: true, title: true, abstract: true, year: true },
      orderBy: { id: "asc" },
    })
  ).filter((d) => !sample.has(d.id));
  const tokens = encodeForModel(documents, model.vocab);
  const result: SliceResult = { documentIds: documents.map((d) => d.id), weights: [] };
  for (const [i, d] of documents.entries()) {
    const theta = model.infer(tokens[i], { seed: documentSeed(d.id, seed) });
    const sparse: [number, number][] = [];
    theta.forEach((w, t) => w >= SLICE_WEIGHT_MIN && sparse.push([t, w]));
    result.weights.push(sparse);
  }
  const written = await db().topicRun.updateMany({
    where: { id: sliceId, status: "RUNNING" },
    data: { status: "SUCCEEDED", progress: 1, documentCount: documents.length, model: result, finishedAt: new Date() },
  });
  if (written.count === 1) await finishSampledScan(slice.scanId);
}

export async function failInferSlice(sliceId: string, message: string): Promise<void> {
  const slice = await db().topicRun.findUnique({ where: { id: sliceId }, select: { scanId: true } });
  await db().topicRun.updateMany({ where: { id: sliceId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "FAILED", error: message } });
  if (!slice?.scanId) return;
  await db().scan.updateMany({ where: { id: slice.scanId, status: "RUNNING" }, data: { status: "FAILED", error: `An inference slice failed: ${message}`, finishedAt: new Date() } });
}
