// After a sampled scan has trained: the study's other documents cut into id ranges, one TopicRun row
// (role "slice") and one "analysis.infer" job per range. The scan waits in stage "inferring".
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/queues";
import { LDA_VERSION } from "@/lib/topics/lda";
import { planSlices } from "@/lib/scans/sample-documents";

export type StartInferenceOptions = { scanId: string; studyId: string; modelRunId: string; k: number; seed: number; sampleIds: readonly string[] };

export async function startInference(options: StartInferenceOptions): Promise<number> {
  const { scanId, studyId, modelRunId } = options;
  const sample = new Set(options.sampleIds);
  // Ranges in the database's own order of ids, so each slice's `gte/lte` query finds exactly its documents.
  const ids = (await db().document.findMany({ where: { studyId }, select: { id: true }, orderBy: { id: "asc" } })).map((d) => d.id).filter((id) => !sample.has(id));
  const plan = planSlices(ids, env().SCAN_SLICE_DOCUMENTS);
  const slices = await db().topicRun.createManyAndReturn({
    data: plan.map(({ fromId, toId, count }) => ({
      studyId, scanId, algorithm: "lda-infer", modelVersion: LDA_VERSION, k: options.k, seed: options.seed,
      parameters: { role: "slice", modelRunId, fromId, toId }, status: "QUEUED" as const, documentCount: count,
    })),
    select: { id: true },
  });
  await db().scan.update({ where: { id: scanId }, data: { stage: "inferring", progress: 0.9, message: `Inferring ${ids.length} documents in ${slices.length} slices` } });
  for (const slice of slices) await enqueue("analysis.infer", slice.id);
  return slices.length;
}
