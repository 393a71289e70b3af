// A scan asked for a range of K scores every candidate, keeps their figures, trains the chosen K, and
// stores areas and links with the theme set.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { runImport } from "@/lib/ingest/run-import";
import { processScan } from "@/lib/scans/process-scan";
import { demoFiles } from "@/lib/demo/generate-corpus";
import { chooseK } from "@/lib/topics/model-selection";
import { getModelSelection } from "@/lib/scans/get-model-selection";
import { bytesOf, createStudy, resetDatabase } from "./helpers";

let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  studyId = (await createStudy()).id;
});
afterAll(() => disconnectDb());

async function importDemoPapers() {
  const file = demoFiles(3)[0];
  const row = await db().import.create({ data: { studyId, fileName: file.name, status: "RUNNING" } });
  await runImport({ importId: row.id, bytes: bytesOf(file.content) });
}

describe("a scan over a range of K", () => {
  it("stores each candidate's coherence and perplexity, trains the chosen K, and stores areas and links", async () => {
    await importDemoPapers();
    const scan = await db().scan.create({ data: { studyId, parameters: { k: 3, kTo: 7, kStep: 2, iterations: 40, seed: 1 } } });
    await processScan(scan.id);

    const done = await db().scan.findUniqueOrThrow({ where: { id: scan.id } });
    expect(done.status).toBe("SUCCEEDED");
    const runs = await db().topicRun.findMany({ where: { scanId: scan.id }, orderBy: { createdAt: "asc" } });
    const candidates = runs.filter((r) => (r.parameters as { role?: string }).role === "candidate");
    const final = runs.find((r) => (r.parameters as { role?: string }).role === "final")!;
    expect(candidates.map((r) => r.k)).toEqual([3, 5, 7]);
    for (const c of candidates) {
      expect(c.status).toBe("SUCCEEDED");
      expect(c.coherence).toBeGreaterThanOrEqual(-1);
      expect(c.coherence).toBeLessThanOrEqual(1);
      expect(c.perplexity).toBeGreaterThan(1);
      expect(c.model).toBeNull();
      const { distinctiveness } = c.parameters as { distinctiveness: number };
      expect(distinctiveness).toBeGreaterThan(0);
      expect(distinctiveness).toBeLessThanOrEqual(1);
    }
    const chosen = chooseK(candidates.map((c) => ({ k: c.k, coherence: c.coherence!, perplexity: c.perplexity! })));
    expect(final.k).toBe(chosen);
    expect(candidates.filter((c) => (c.parameters as { chosen?: boolean }).chosen).map((c) => c.k)).toEqual([chosen]);
    expect((final.parameters as { selection: { candidates: unknown[] } }).selection.candidates).toHaveLength(3);
    expect(done.message).toContain(`K = ${chosen} chosen from 3, 5, 7`);
    const table = await getModelSelection(studyId);
    expect(table?.rows.map((r) => [r.k, r.chosen])).toEqual([3, 5, 7].map((k) => [k, k === chosen]));
    expect(table?.rows.every((r) => r.coherence !== null && r.perplexity !== null)).toBe(true);

    const set = await db().themeSet.findFirstOrThrow({ where: { studyId }, include: { themes: true, areas: true } });
    expect(set.topicRunId).toBe(final.id);
    expect(set.themes).toHaveLength(chosen);
    expect(set.areas).toHaveLength(Math.round(Math.sqrt(chosen)));
    const areaIds = new Set(set.areas.map((a) => a.id));
    expect(set.themes.every((t) => t.areaId && areaIds.has(t.areaId))).toBe(true);
    expect(new Set(set.themes.map((t) => t.areaId)).size).toBe(set.areas.length);
    expect(set.areas.every((a) => a.label.length > 0)).toBe(true);
    for (const theme of set.themes) {
      const evidence = theme.evidence as { mapPosition: number[]; forecast: { growth: number; points: { year: number; value: number; lower: number; upper: number }[] } | null };
      expect(evidence.mapPosition).toHaveLength(2);
      expect(evidence.mapPosition.every(Number.isFinite)).toBe(true);
      expect(evidence.forecast?.points).toHaveLength(3);
      for (const p of evidence.forecast!.points) expect(p.lower <= p.value && p.value <= p.upper).toBe(true);
    }
    // Themes spread over the map, not piled on one point.
    const xs = set.themes.map((t) => (t.evidence as { mapPosition: number[] }).mapPosition[0]);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.1);

    const ids = set.themes.map((t) => t.id);
    const links = await db().themeLink.findMany({ where: { fromId: { in: ids } } });
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(ids).toContain(l.toId);
      expect(l.weight).toBeGreaterThanOrEqual(0.05);
      expect(l.weight).toBeLessThanOrEqual(1);
    }
  });

  it("redelivered after the candidates were scored, reuses them and finishes once", async () => {
    await importDemoPapers();
    const scan = await db().scan.create({ data: { studyId, parameters: { k: 3, kTo: 5, kStep: 2, iterations: 40, seed: 1 } } });
    await processScan(scan.id);
    const first = await db().topicRun.findMany({ where: { scanId: scan.id, parameters: { path: ["role"], equals: "candidate" } } });
    // As if the worker died while storing: the scan is still running when the job comes back.
    await db().scan.update({ where: { id: scan.id }, data: { status: "RUNNING" } });
    await db().themeSet.deleteMany({ where: { studyId } });
    await processScan(scan.id);
    const again = await db().topicRun.findMany({ where: { scanId: scan.id, parameters: { path: ["role"], equals: "candidate" } } });
    expect(again.map((r) => r.id).sort()).toEqual(first.map((r) => r.id).sort());
    expect(await db().themeSet.count({ where: { studyId } })).toBe(1);
  });

  it("refuses a backwards range when the scan starts", async () => {
    const { startScan } = await import("@/lib/scans/start-scan");
    await expect(startScan({ studyId, k: 10, kTo: 5 }, null)).rejects.toThrow(/invalid K range 10–5/);
    expect(await db().scan.count()).toBe(0);
  });
});
