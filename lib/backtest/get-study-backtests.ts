// What the back-test page shows: a study's runs, newest first, and one finished run's report with the
// titles of its representative documents.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { StudyBacktestReport } from "./study-documents";

const RUNS_SHOWN = 20;
/** Representative documents shown per theme. */
export const REPRESENTATIVE_SHOWN = 3;

export type BacktestDocumentTitle = { id: string; title: string; year: number | null };

/** `selectedId` picks the run whose report is shown (any finished run of the study); else the newest finished one. */
export async function getStudyBacktests(studyId: string, selectedId?: string) {
  const study = await db().study.findUnique({ where: { id: studyId }, select: { id: true, name: true } });
  if (!study) throw notFound("study");
  const runs = await db().backtestRun.findMany({
    where: { studyId },
    orderBy: { createdAt: "desc" },
    take: RUNS_SHOWN,
    omit: { report: true },
    include: { createdBy: { select: { name: true } } },
  });
  const finished = { studyId, status: "SUCCEEDED" as const };
  const selected =
    (selectedId ? await db().backtestRun.findFirst({ where: { id: selectedId, ...finished } }) : null) ??
    (await db().backtestRun.findFirst({ where: finished, orderBy: { createdAt: "desc" } }));
  const report = (selected?.report ?? null) as StudyBacktestReport | null;
  const ids = report?.topics.flatMap((t) => t.representative.slice(0, REPRESENTATIVE_SHOWN)) ?? [];
  const documents = await db().document.findMany({ where: { studyId, id: { in: ids } }, select: { id: true, title: true, year: true } });
  return {
    study,
    runs,
    running: runs.some((r) => r.status === "QUEUED" || r.status === "RUNNING"),
    selected: selected && report ? { id: selected.id, until: selected.until, horizon: selected.horizon, report, documents: new Map(documents.map((d) => [d.id, d as BacktestDocumentTitle])) } : null,
  };
}
