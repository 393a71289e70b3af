// A study above the sample threshold: the scan trains on a stratified sample, infers the rest in
// slices that any worker may take, and the last slice stores the themes; the themes match an
// unsampled scan of the same study.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Job } from "bullmq";
import { db, disconnectDb } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { processScan } from "@/lib/scans/process-scan";
import { inferSlice } from "@/lib/scans/infer-slice";
import { generateCorpus } from "@/lib/demo/generate-corpus";
import { handleJob } from "@/workers/handlers";
import { createStudy, resetDatabase } from "./helpers";

const THRESHOLD = 1000;
const SLICE = 500;
let studyId: string;
const truthOf = new Map<string, string>();

function setLimits(threshold: number) {
  process.env.SCAN_SAMPLE_THRESHOLD = String(threshold);
  process.env.SCAN_SLICE_DOCUMENTS = String(SLICE);
  resetEnv();
}

beforeEach(async () => {
  await resetDatabase();
  studyId = (await createStudy()).id;
  setLimits(THRESHOLD);
});
afterEach(() => {
  delete process.env.SCAN_SAMPLE_THRESHOLD;
  delete process.env.SCAN_SLICE_DOCUMENTS;
  resetEnv();
});
afterAll(() => disconnectDb());

async function insertDemoDocuments(): Promise<{ n: number; k: number }> {
  const { records, truth } = generateCorpus({ seed: 5, scale: 4 });
  await db().document.createMany({
    data: records.map((r) => ({ studyId, kind: r.kind, title: r.title, abstract: r.abstract, year: r.year, dedupKey: `demo:${r.id}`, contentHash: r.id })),
  });
  const rows = await db().document.findMany({ where: { studyId }, select: { id: true, dedupKey: true } });
  const byKey = new Map(records.map((r) => [`demo:${r.id}`, r.themeId]));
  truthOf.clear();
  for (const row of rows) truthOf.set(row.id, byKey.get(row.dedupKey)!);
  return { n: records.length, k: truth.themes.length };
}

const sliceJob = (id: string) => ({ name: "analysis.infer", data: { id }, attemptsMade: 0, opts: { attempts: 3 } }) as unknown as Job;

/** Share of documents whose dominant theme's most common planted theme is their own (cluster purity). */
async function purity(themeSetId: string, only?: Set<string>): Promise<number> {
  const rows = (await db().documentTheme.findMany({ where: { theme: { themeSetId } }, select: { themeId: true, documentId: true, weight: true } })).filter((r) => !only || only.has(r.documentId));
  const dominant = new Map<string, { themeId: string; weight: number }>();
  for (const r of rows) if ((dominant.get(r.documentId)?.weight ?? -1) < r.weight) dominant.set(r.documentId, r);
  const table = new Map<string, Map<string, number>>();
  for (const [doc, { themeId }] of dominant) {
    const counts = table.get(themeId) ?? new Map<string, number>();
    counts.set(truthOf.get(doc)!, (counts.get(truthOf.get(doc)!) ?? 0) + 1);
    table.set(themeId, counts);
  }
  let agreeing = 0;
  for (const counts of table.values()) agreeing += Math.max(...counts.values());
  return agreeing / dominant.size;
}

describe("a scan of a study above the sample threshold", () => {
  it("trains on a sample, infers the rest in slices, survives a killed slice, and matches the unsampled run", async () => {
    const { n, k } = await insertDemoDocuments();
    expect(n).toBeGreaterThan(2000);
    const scan = await db().scan.create({ data: { studyId, parameters: { k, iterations: 100, seed: 3 } } });
    await processScan(scan.id);

    const waiting = await db().scan.findUniqueOrThrow({ where: { id: scan.id } });
    expect(waiting).toMatchObject({ status: "RUNNING", stage: "inferring" });
    const final = await db().topicRun.findFirstOrThrow({ where: { scanId: scan.id, parameters: { path: ["role"], equals: "final" } } });
    expect(final.documentCount).toBe(THRESHOLD);
    expect(final.model).not.toBeNull();
    const slices = await db().topicRun.findMany({ where: { scanId: scan.id, parameters: { path: ["role"], equals: "slice" } }, orderBy: { createdAt: "asc" } });
    expect(slices).toHaveLength(Math.ceil((n - THRESHOLD) / SLICE));
    expect(slices.reduce((s, r) => s + r.documentCount, 0)).toBe(n - THRESHOLD);
    expect(await db().themeSet.count({ where: { studyId } })).toBe(0);

    // A worker died in the middle of slice 0: the row says RUNNING and nothing was written.
    await db().topicRun.update({ where: { id: slices[0].id }, data: { status: "RUNNING" } });
    await handleJob(sliceJob(slices[0].id));
    const once = await db().topicRun.findUniqueOrThrow({ where: { id: slices[0].id } });
    expect(once.status).toBe("SUCCEEDED");
    await inferSlice(slices[0].id); // redelivered after it finished
    expect(await db().topicRun.findUniqueOrThrow({ where: { id: slices[0].id } })).toEqual(once);

    for (const slice of slices.slice(1)) {
      expect(await db().themeSet.count({ where: { studyId } })).toBe(0); // not before the last slice
      await handleJob(sliceJob(slice.id));
    }
    const done = await db().scan.findUniqueOrThrow({ where: { id: scan.id } });
    expect(done).toMatchObject({ status: "SUCCEEDED", stage: "done" });
    await inferSlice(slices[1].id); // a late redelivery finishes nothing twice
    const sets = await db().themeSet.findMany({ where: { studyId }, include: { themes: true } });
    expect(sets).toHaveLength(1);
    expect(sets[0].topicRunId).toBe(final.id);
    const weighted = await db().documentTheme.groupBy({ by: ["documentId"], where: { theme: { themeSetId: sets[0].id } } });
    expect(weighted).toHaveLength(n);
    expect(await db().themeArea.count({ where: { themeSetId: sets[0].id } })).toBe(Math.round(Math.sqrt(k)));

    // The same study scanned whole.
    setLimits(100_000);
    const whole = await db().scan.create({ data: { studyId, parameters: { k, iterations: 100, seed: 3 } } });
    await processScan(whole.id);
    const wholeSet = await db().themeSet.findFirstOrThrow({ where: { studyId, version: 2 } });
    const [sampledPurity, wholePurity] = [await purity(sets[0].id), await purity(wholeSet.id)];
    const sampleIds = new Set((final.parameters as { sampleIds: string[] }).sampleIds);
    const rest = new Set([...truthOf.keys()].filter((id) => !sampleIds.has(id)));
    // Inferred θ sorts documents as well as the training θ of the sample does.
    expect(Math.abs((await purity(sets[0].id, sampleIds)) - (await purity(sets[0].id, rest)))).toBeLessThan(0.05);
    console.info(`purity: sampled ${sampledPurity.toFixed(3)}, whole ${wholePurity.toFixed(3)} (${n} documents, K = ${k})`);
    expect(sampledPurity).toBeGreaterThan(0.9);
    expect(Math.abs(sampledPurity - wholePurity)).toBeLessThan(0.05);
  });
});
