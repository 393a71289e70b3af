// Reads a monitoring issue's rows: the latest theme set, the alerts raised in the period, and the
// documents added in it, each counted once under the source (or uploaded file) that first brought it.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { MonitoringInput, SourceCount } from "./monitoring";
import type { MonitoringParams } from "./template-input";

type Period = MonitoringInput["period"];

/** From the previous successful issue of the template (or `sinceDays` back for the first) to now. */
export async function monitoringPeriod(options: { templateId: string | null; reportId: string; sinceDays: number; now: Date }): Promise<Period> {
  const previous = options.templateId
    ? await db().report.findFirst({
        where: { templateId: options.templateId, status: "SUCCEEDED", id: { not: options.reportId }, generatedAt: { not: null, lte: options.now } },
        orderBy: { generatedAt: "desc" },
        select: { id: true, generatedAt: true },
      })
    : null;
  const from = previous?.generatedAt ?? new Date(options.now.getTime() - options.sinceDays * 24 * 3600 * 1000);
  return { from, to: options.now, previousIssueId: previous?.id ?? null };
}

async function documentsBySource(studyId: string, period: Period): Promise<SourceCount[]> {
  const rows = await db().$queryRaw<{ source: string | null; kind: string; documents: number }[]>`
    SELECT COALESCE(s.name, i.file_name, i.format, first.format) AS source, COALESCE(s.kind::text, 'FILE') AS kind, count(*)::int AS documents
    FROM document d
    JOIN LATERAL (SELECT ds.import_id, ds.format FROM document_source ds WHERE ds.document_id = d.id ORDER BY ds.created_at ASC, ds.id ASC LIMIT 1) first ON true
    LEFT JOIN import i ON i.id = first.import_id
    LEFT JOIN source s ON s.id = i.source_id
    WHERE d.study_id = ${studyId} AND d.created_at > ${period.from} AND d.created_at <= ${period.to}
    GROUP BY 1, 2`;
  const orphans = await db().document.count({ where: { studyId, createdAt: { gt: period.from, lte: period.to }, sources: { none: {} } } });
  const counted = rows.map((r) => ({ source: r.source ?? "—", kind: r.kind, documents: Number(r.documents) }));
  return orphans > 0 ? [...counted, { source: "—", kind: "OTHER", documents: orphans }] : counted;
}

export async function loadMonitoringInput(options: { studyId: string; period: Period; params: MonitoringParams; now: Date }): Promise<MonitoringInput> {
  const { studyId, period, params } = options;
  const study = await db().study.findUnique({ where: { id: studyId }, select: { id: true, name: true, question: true } });
  if (!study) throw notFound("study");
  const set = await db().themeSet.findFirst({ where: { studyId }, orderBy: { version: "desc" }, select: { id: true, version: true, createdAt: true } });
  const inPeriod = { gt: period.from, lte: period.to };
  const [themes, alerts, documentsTotal, byKind, bySource] = await Promise.all([
    set ? db().theme.findMany({ where: { themeSetId: set.id }, orderBy: { index: "asc" }, select: { id: true, label: true, labelZh: true, documentCount: true, evidence: true } }) : [],
    db().alert.findMany({ where: { studyId, createdAt: inPeriod }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, kind: true, title: true, message: true, status: true, createdAt: true, theme: { select: { label: true, labelZh: true } } } }),
    db().document.count({ where: { studyId, createdAt: { lte: period.to } } }),
    db().document.groupBy({ by: ["kind"], where: { studyId, createdAt: inPeriod }, _count: { _all: true } }),
    documentsBySource(studyId, period),
  ]);
  return {
    study,
    period,
    themeSet: set && { version: set.version, createdAt: set.createdAt },
    themes,
    alerts,
    documentsTotal,
    bySource,
    byKind: Object.fromEntries(byKind.map((k) => [k.kind, k._count._all])),
    limit: params.themes,
    generatedAt: options.now,
  };
}
