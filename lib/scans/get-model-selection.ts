// The choice of K of a study's latest scan that considered a range: every candidate's figures, for the
// study page. Null when the latest such scan has no scored candidates yet.
import { db } from "@/lib/db";

export type ModelSelectionRow = { k: number; coherence: number | null; perplexity: number | null; chosen: boolean; status: string };

export async function getModelSelection(studyId: string): Promise<{ scanId: string; rows: ModelSelectionRow[] } | null> {
  const latest = await db().topicRun.findFirst({
    where: { studyId, scanId: { not: null }, parameters: { path: ["role"], equals: "candidate" } },
    orderBy: { createdAt: "desc" },
    select: { scanId: true },
  });
  if (!latest?.scanId) return null;
  const runs = await db().topicRun.findMany({
    where: { scanId: latest.scanId, parameters: { path: ["role"], equals: "candidate" }, status: { in: ["RUNNING", "SUCCEEDED"] } },
    orderBy: [{ k: "asc" }, { createdAt: "asc" }],
    select: { k: true, coherence: true, perplexity: true, parameters: true, status: true },
  });
  const rows = runs.map((r) => ({ k: r.k, coherence: r.coherence, perplexity: r.perplexity, chosen: (r.parameters as { chosen?: boolean }).chosen === true, status: r.status }));
  return { scanId: latest.scanId, rows };
}
