// The end of a sampled scan, run by whichever slice completes last: every document's θ (training θ
// for the sample, the slices' inferred θ for the rest) → themes → storeThemeSet, as an unsampled scan.
// Race-safe: the finisher claims the scan (stage inferring → finishing) in one statement, so two
// slices completing together finish it once.
import { db } from "@/lib/db";
import { loadLda } from "@/lib/topics/lda";
import { describeThemes } from "@/lib/scans/describe-themes";
import { storeThemeSet } from "@/lib/scans/store-theme-set";
import type { ScanDocument } from "@/lib/scans/prepare-corpus";
import { ZModelRunParameters, ZSliceParameters, ZSliceResult } from "@/lib/scans/infer-slice";

export async function finishSampledScan(scanId: string): Promise<void> {
  const run = await db().topicRun.findFirst({ where: { scanId, status: "RUNNING", parameters: { path: ["role"], equals: "final" } }, orderBy: { createdAt: "desc" } });
  if (!run || run.model === null) return;
  const slices = await db().topicRun.findMany({ where: { scanId, parameters: { path: ["modelRunId"], equals: run.id } }, select: { status: true, model: true, parameters: true } });
  const done = slices.filter((s) => s.status === "SUCCEEDED");
  await db().scan.updateMany({ where: { id: scanId, stage: "inferring" }, data: { progress: 0.9 + (0.05 * done.length) / slices.length, message: `Inferred ${done.length} of ${slices.length} slices` } });
  if (done.length < slices.length) return;
  const claimed = await db().scan.updateMany({ where: { id: scanId, status: "RUNNING", stage: "inferring" }, data: { stage: "finishing", progress: 0.95 } });
  if (claimed.count === 0) return;
  try {
    await finish(scanId, run, done);
  } catch (error) {
    // Let a retried slice job try again.
    await db().scan.updateMany({ where: { id: scanId, stage: "finishing" }, data: { stage: "inferring" } });
    throw error;
  }
}

type Run = { id: string; studyId: string; model: unknown; parameters: unknown; trainSeconds: number | null };

async function finish(scanId: string, run: Run, slices: { model: unknown; parameters: unknown }[]): Promise<void> {
  const model = loadLda(run.model);
  const { sampleIds } = ZModelRunParameters.parse(run.parameters);
  const years = new Map((await db().document.findMany({ where: { studyId: run.studyId }, select: { id: true, year: true } })).map((d) => [d.id, d.year]));
  const documents: ScanDocument[] = [];
  const thetas: Float64Array[] = [];
  const add = (id: string, theta: Float64Array) => {
    if (!years.has(id)) return; // deleted while the scan ran
    documents.push({ id, title: "", abstract: "", year: years.get(id) ?? null });
    thetas.push(theta);
  };
  sampleIds.forEach((id, d) => add(id, model.documentTopics(d)));
  const ordered = slices.sort((a, b) => (ZSliceParameters.parse(a.parameters).fromId < ZSliceParameters.parse(b.parameters).fromId ? -1 : 1));
  for (const slice of ordered) {
    const { documentIds, weights } = ZSliceResult.parse(slice.model);
    documentIds.forEach((id, i) => {
      const theta = new Float64Array(model.k);
      for (const [t, w] of weights[i]) theta[t] = w;
      add(id, theta);
    });
  }
  const themes = describeThemes(model, documents, { thetas });
  await storeThemeSet({ scanId, topicRunId: run.id, studyId: run.studyId, model, themes, trainSeconds: run.trainSeconds ?? 0 });
}
