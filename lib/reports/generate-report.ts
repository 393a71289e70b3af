// Job `reports.generate` (and each schedule tick): makes one issue of a template report. The worker
// claims the queued row, builds the issue's data snapshot (monitoring figures or a consensus report),
// renders it to a self-contained HTML file in English and Chinese, and — in one transaction — stores
// both in report.content, marks the row done and writes the subscribers' e-mails. A stored issue is
// never rebuilt, so earlier issues read as they were. A failed issue keeps its reason; generating
// again makes a new issue.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { AppError, invalid } from "@/lib/errors";
import { deliverEmails } from "@/lib/mail/deliver-emails";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { parseTemplateParams, type MonitoringParams, type RoundSummaryParams, type TemplateKind } from "./template-input";
import { getStudyReport } from "./get-study-report";
import { loadMonitoringInput, monitoringPeriod } from "./get-monitoring-input";
import { monitoringSnapshot, type MonitoringSnapshot } from "./monitoring";
import { renderMonitoringHtml } from "./render-monitoring";
import { renderReportHtml } from "./render-report";
import { reportTranslator, type Translate } from "./report-translator";
import { notifySubscribers } from "./notify-subscribers";
import type { StudyReport } from "./report-types";

export type IssueContent =
  | { kind: "MONITORING"; snapshot: MonitoringSnapshot; html: Record<Locale, string> }
  | { kind: "ROUND_CONSENSUS" | "STUDY_CONSENSUS"; snapshot: StudyReport; html: Record<Locale, string> };

type Claimed = { id: string; studyId: string; templateId: string | null; kind: TemplateKind; title: string; params: unknown };

async function byLocale(render: (locale: Locale) => Promise<string>): Promise<Record<Locale, string>> {
  const entries = await Promise.all(LOCALES.map(async (locale) => [locale, await render(locale)] as const));
  return Object.fromEntries(entries) as Record<Locale, string>;
}

async function latestClosedRound(studyId: string): Promise<string> {
  const round = await db().round.findFirst({ where: { studyId, status: "CLOSED" }, orderBy: { number: "desc" }, select: { id: true } });
  if (!round) throw invalid("reports.nothingClosed");
  return round.id;
}

async function buildContent(issue: Claimed, now: Date): Promise<{ content: IssueContent; roundId: string | null }> {
  if (issue.kind === "MONITORING") {
    const params = parseTemplateParams("MONITORING", issue.params) as MonitoringParams;
    const period = await monitoringPeriod({ templateId: issue.templateId, reportId: issue.id, sinceDays: params.sinceDays, now });
    const snapshot = monitoringSnapshot(await loadMonitoringInput({ studyId: issue.studyId, period, params, now }));
    return { content: { kind: "MONITORING", snapshot, html: await byLocale((l) => renderMonitoringHtml(snapshot, issue.title, l)) }, roundId: null };
  }
  const params = issue.kind === "ROUND_CONSENSUS" ? (parseTemplateParams("ROUND_CONSENSUS", issue.params) as RoundSummaryParams) : null;
  const roundId = params ? (params.roundId ?? (await latestClosedRound(issue.studyId))) : null;
  const snapshot = await getStudyReport(issue.studyId, { roundId, now });
  return { content: { kind: issue.kind, snapshot, html: await byLocale((l) => renderReportHtml(snapshot, l)) }, roundId };
}

async function claim(reportId: string): Promise<Claimed | null> {
  const { count } = await db().report.updateMany({ where: { id: reportId, status: "QUEUED" }, data: { status: "RUNNING", progress: 0.1 } });
  if (count === 0) return null;
  const r = await db().report.findUniqueOrThrow({ where: { id: reportId }, select: { id: true, studyId: true, templateId: true, kind: true, title: true, template: { select: { params: true } } } });
  return { id: r.id, studyId: r.studyId, templateId: r.templateId, kind: r.kind, title: r.title, params: r.template?.params ?? {} };
}

export async function generateReport(reportId: string): Promise<void> {
  const issue = await claim(reportId);
  if (!issue) return; // already made, being made, or failed: a redelivery changes nothing
  try {
    const now = new Date();
    const { content, roundId } = await buildContent(issue, now);
    const translators = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, await reportTranslator(l, "reports")] as const))) as Record<Locale, Translate>;
    const study = await db().study.findUniqueOrThrow({ where: { id: issue.studyId }, select: { name: true } });
    const emails = await db().$transaction(async (tx) => {
      const done = await tx.report.updateMany({
        where: { id: reportId, status: "RUNNING" },
        data: { status: "SUCCEEDED", progress: 1, content: content as unknown as InputJsonValue, generatedAt: now, roundId, error: null },
      });
      if (done.count === 0) return [];
      const ids = await notifySubscribers(tx, { studyId: issue.studyId, studyName: study.name, reportId, title: issue.title, translators });
      await recordAudit({ actorId: null, action: "report.generate", entity: "report", entityId: reportId, studyId: issue.studyId, data: { kind: issue.kind, templateId: issue.templateId, notified: ids.length } }, tx);
      return ids;
    });
    await deliverEmails(emails);
  } catch (error) {
    await failReport(reportId, error instanceof AppError ? error.message : `Failed: ${(error as Error).message}`);
    if (!(error instanceof AppError)) throw error;
  }
}

/** Marks an issue that could not be made, with a reason a person can read. */
export async function failReport(reportId: string, message: string): Promise<void> {
  await db().report.updateMany({ where: { id: reportId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "FAILED", error: message.slice(0, 1000), progress: 1 } });
}
