// Consensus reports and template reports on the real database: the report of a study built through
// real Delphi rounds shows the stored statistics and names no expert; a template's cron schedule makes
// issues through the queue, each announced once to the study's watchers; earlier issues stay as they
// were made; bad schedules leave nothing behind; deleted templates keep their issues.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { createQueue, createWorker } from "@/lib/jobs/connection";
import { closeQueues } from "@/lib/jobs/queues";
import { handleJob } from "@/workers/handlers";
import { getStudyReport } from "@/lib/reports/get-study-report";
import { saveReportTemplate } from "@/lib/reports/save-report-template";
import { deleteReportTemplate } from "@/lib/reports/delete-report-template";
import { createIssue, requestReport } from "@/lib/reports/request-report";
import { generateReport } from "@/lib/reports/generate-report";
import { getReport } from "@/lib/reports/get-report";
import { reportSchedulerId } from "@/lib/reports/schedule-report-template";
import type { MonitoringSnapshot } from "@/lib/reports/monitoring";
import type { StudyReport } from "@/lib/reports/report-types";
import { seedDelphiStudy, SEED_THEMES } from "../unit/reports/seed-delphi-study";
import { createStudy, createUser, resetDatabase } from "./helpers";

beforeEach(resetDatabase);
afterAll(async () => {
  await closeQueues();
  await disconnectDb();
});

const technologies = (r: StudyReport) => r.areas.flatMap((a) => a.technologies);

async function watchers(studyId: string) {
  const planner = await createUser({ role: "PLANNER", email: `planner-${randomUUID()}@example.test` });
  const chinese = await createUser({ role: "ADMIN", email: `office-${randomUUID()}@example.test` });
  await db().user.update({ where: { id: chinese.id }, data: { locale: "zh" } });
  const expert = await createUser({ role: "EXPERT" });
  const gone = await createUser({ role: "PLANNER" });
  await db().user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
  await db().studyWatcher.createMany({ data: [planner, chinese, expert, gone].map((u) => ({ studyId, userId: u.id })) });
  return { planner, chinese };
}

describe("the consensus report of a study run through real rounds", () => {
  it("shows each technology's stored statistics, withholds what is below the minimum n, and names no expert", async () => {
    const seeded = await seedDelphiStudy();
    const report = await getStudyReport(seeded.studyId);
    const byTitle = new Map(technologies(report).map((t) => [t.title, t]));
    expect([...byTitle.keys()].sort()).toEqual(SEED_THEMES.map((t) => t.label).sort());

    for (const t of technologies(report)) {
      const row = await db().itemStatistic.findFirstOrThrow({ where: { itemId: t.itemId, subgroup: "all", question: { key: "importance" } } });
      expect(t.headline).toMatchObject({ withheld: false, n: row.n, median: row.median, q1: row.q1, q3: row.q3, iqr: row.iqr, agreement: row.agreement, importanceIndex: row.importanceIndex });
      expect(t.outcome).toBe((await db().item.findUniqueOrThrow({ where: { id: t.itemId } })).outcome);
    }
    expect(Object.fromEntries(technologies(report).map((t) => [t.title, t.outcome]))).toEqual({
      "Solid-state batteries": "ACCEPTED", "Fusion power plants": "DISSENT", "Perpetual motion engines": "REJECTED", "Quantum sensing": "ACCEPTED", "Neuromorphic chips": "ACCEPTED",
    });
    // Neuromorphic chips: two answers in round 1 (minimum 3), so that round's figures are withheld.
    expect(byTitle.get("Neuromorphic chips")!.history.map((h) => h.headline)).toEqual([{ withheld: true, n: 2 }, expect.objectContaining({ withheld: false, n: 6 })]);
    expect(report.areas.map((a) => a.label)).toEqual(["Computing", "Energy"]);

    // The ranking round: selections and Kendall's W as closeRound stored them.
    const rankingRound = seeded.rounds[2];
    const stored = await db().itemStatistic.findMany({ where: { roundId: rankingRound.id }, include: { item: { select: { title: true } } } });
    expect(report.keyTechnologies.basis).toBe("ranking");
    if (report.keyTechnologies.basis === "ranking") {
      expect(report.keyTechnologies.items.map((k) => [k.title, k.selected, k.meanRank])).toEqual(
        stored.sort((a, b) => b.n - a.n || (a.mean ?? 0) - (b.mean ?? 0)).map((s) => [s.item.title, s.n, s.mean]),
      );
      expect(report.keyTechnologies.kendallW?.w).toBe((stored[0].consensus as { kendallW: { w: number } }).kendallW.w);
    }

    // The dissent carries the panel's comments and rationales under pseudonyms.
    expect(report.minorityViews.map((v) => v.title)).toEqual(["Fusion power plants"]);
    const notes = report.minorityViews[0].notes;
    expect(notes.filter((n) => n.kind === "comment").map((n) => n.body)).toEqual(["Tritium supply decides the date, not the physics.", ...seeded.comments]);
    expect(notes.filter((n) => n.kind === "rationale")).toHaveLength(6);
    for (const n of notes) expect(n.author).toMatch(/^Expert \d+$/);

    const json = JSON.stringify(report);
    for (const e of seeded.experts) for (const secret of [e.id, e.email, e.name]) expect(json).not.toContain(secret);
    expect(report.method.panel).toMatchObject({ invited: 6, responded: 6 });
    expect(report.method.panel.bySector.map((s) => s.invited)).toEqual([2, 2, 1, 1]);
  });

  it("reports one round on request and refuses a round of another study", async () => {
    const seeded = await seedDelphiStudy();
    const report = await getStudyReport(seeded.studyId, { roundId: seeded.rounds[0].id });
    expect(report.round?.number).toBe(1);
    expect(technologies(report)).toHaveLength(5);
    expect(report.keyTechnologies.basis).toBe("importance");
    const other = await createStudy();
    await expect(getStudyReport(other.id, { roundId: seeded.rounds[0].id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("template reports", () => {
  it("make an issue at every schedule tick through the queue, each announced once to the watchers", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const study = await createStudy({ actorId: admin.id });
    const { planner, chinese } = await watchers(study.id);
    await db().document.create({ data: { studyId: study.id, kind: "PATENT", title: "A new patent", dedupKey: "title:a", contentHash: "a" } });
    const queue = createQueue("reports");
    const worker = createWorker("reports", handleJob, { concurrency: 1 });
    try {
      const template = await saveReportTemplate({ studyId: study.id, name: "Monthly watch", kind: "MONITORING", schedule: "*/1 * * * * *", params: { sinceDays: 7 } }, admin.id);
      expect(await queue.getJobScheduler(reportSchedulerId(template.id))).toMatchObject({ pattern: "*/1 * * * * *", name: "reports.schedule" });
      const deadline = Date.now() + 30_000;
      while ((await db().report.count({ where: { templateId: template.id, status: "SUCCEEDED" } })) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await saveReportTemplate({ id: template.id, studyId: study.id, name: "Monthly watch", kind: "MONITORING", schedule: "", params: { sinceDays: 7 } }, admin.id);
      expect(await queue.getJobScheduler(reportSchedulerId(template.id))).toBeUndefined();
      await new Promise((r) => setTimeout(r, 300)); // let a tick in flight finish

      const issues = await db().report.findMany({ where: { templateId: template.id, status: "SUCCEEDED" }, orderBy: { generatedAt: "asc" } });
      expect(issues.length).toBeGreaterThanOrEqual(2);
      expect(await db().report.count({ where: { templateId: template.id, status: { not: "SUCCEEDED" } } })).toBe(0);
      const [first, second] = issues.map((i) => (i.content as { snapshot: MonitoringSnapshot }).snapshot);
      expect(first.documents.newInPeriod).toBe(1);
      expect(first.period.previousIssueId).toBeNull();
      expect(second.period).toMatchObject({ previousIssueId: issues[0].id, from: issues[0].generatedAt!.toISOString() });
      expect(second.documents.newInPeriod).toBe(0);

      // Two eligible watchers (the expert and the disabled planner are not), once per issue.
      const emails = await db().outboundEmail.findMany({ where: { kind: "report" }, orderBy: { createdAt: "asc" } });
      expect(emails).toHaveLength(2 * issues.length);
      for (const issue of issues) {
        const mine = emails.filter((e) => e.body.includes(`/studies/${study.id}/reports/${issue.id}`));
        expect(mine.map((e) => e.to).sort()).toEqual([planner.email, chinese.email].sort());
        expect(mine.find((e) => e.to === chinese.email)!.subject).toMatch(/新一期报告/);
        expect(mine.find((e) => e.to === planner.email)!.subject).toBe(`Monthly watch: a new issue for ${study.name}`);
      }
    } finally {
      await worker.close();
      await queue.close();
    }
  });

  it("announce an issue once however often its job is delivered, and keep earlier issues as they were", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const study = await createStudy({ actorId: admin.id });
    await watchers(study.id);
    const template = await saveReportTemplate({ studyId: study.id, name: "Watch", kind: "MONITORING", params: {} }, admin.id);
    const first = await requestReport({ studyId: study.id, templateId: template.id }, admin.id);
    await expect(requestReport({ studyId: study.id, templateId: template.id }, admin.id)).rejects.toMatchObject({ code: "conflict" });
    await Promise.all([generateReport(first.id), generateReport(first.id), generateReport(first.id)]);
    expect(await db().outboundEmail.count({ where: { kind: "report" } })).toBe(2);
    expect(await db().auditLog.count({ where: { action: "report.generate", entityId: first.id } })).toBe(1);
    const stored = await getReport(study.id, first.id);
    expect(stored?.status).toBe("SUCCEEDED");

    // New data, then a second issue: the first one reads exactly as before.
    await db().document.createMany({ data: [1, 2, 3].map((i) => ({ studyId: study.id, kind: "NEWS" as const, title: `News ${i}`, dedupKey: `title:n${i}`, contentHash: `n${i}` })) });
    await db().alert.create({ data: { studyId: study.id, kind: "emerging", title: "Something emerges", message: "Score 2 ≥ 1.5" } });
    const second = (await createIssue(template.id, { actorId: admin.id }))!;
    await generateReport(second.id);
    const again = await getReport(study.id, first.id);
    expect(again?.content).toEqual(stored?.content);
    const latest = (await getReport(study.id, second.id))!.content as { snapshot: MonitoringSnapshot; html: { en: string; zh: string } };
    expect(latest.snapshot.documents).toMatchObject({ newInPeriod: 3, byKind: { NEWS: 3 } });
    expect(latest.snapshot.alerts.map((a) => a.title)).toEqual(["Something emerges"]);
    expect(latest.html.en).toContain('data-testid="issue-new-documents" data-value="3"');
    expect(latest.html.zh).toContain('<html lang="zh-CN">');
    expect(await db().outboundEmail.count({ where: { kind: "report" } })).toBe(4);

    // Deleting the template keeps its issues readable.
    await deleteReportTemplate({ studyId: study.id, templateId: template.id }, admin.id);
    const orphan = await getReport(study.id, first.id);
    expect(orphan).toMatchObject({ templateId: null, status: "SUCCEEDED" });
    expect(orphan?.content).toEqual(stored?.content);
  });

  it("summarise the latest closed round with the stored statistics, and fail clearly before any round closed", async () => {
    const seeded = await seedDelphiStudy();
    const template = await saveReportTemplate({ studyId: seeded.studyId, name: "Round summary", kind: "ROUND_CONSENSUS", params: {} }, seeded.adminId);
    const issue = (await createIssue(template.id))!;
    await generateReport(issue.id);
    const row = await db().report.findUniqueOrThrow({ where: { id: issue.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", roundId: seeded.rounds[2].id });
    const snapshot = (row.content as { snapshot: StudyReport }).snapshot;
    expect(snapshot.round?.number).toBe(3);
    expect(snapshot.keyTechnologies.basis).toBe("ranking");

    const empty = await createStudy({ actorId: seeded.adminId });
    const early = await saveReportTemplate({ studyId: empty.id, name: "Too early", kind: "ROUND_CONSENSUS", params: {} }, seeded.adminId);
    const failing = (await createIssue(early.id))!;
    await generateReport(failing.id);
    expect(await db().report.findUniqueOrThrow({ where: { id: failing.id } })).toMatchObject({ status: "FAILED", error: expect.stringMatching(/No round of this study has closed yet/) });
  });

  it("refuse a schedule that is not cron, a name used twice and a round of another study, leaving nothing behind", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const study = await createStudy({ actorId: admin.id });
    await expect(saveReportTemplate({ studyId: study.id, name: "Bad", kind: "MONITORING", schedule: "every month" }, admin.id)).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining('"every month" is not a cron schedule') });
    expect(await db().reportTemplate.count()).toBe(0);
    await saveReportTemplate({ studyId: study.id, name: "Monthly", kind: "MONITORING" }, admin.id);
    await expect(saveReportTemplate({ studyId: study.id, name: "Monthly", kind: "STUDY_CONSENSUS" }, admin.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(saveReportTemplate({ studyId: study.id, name: "Other", kind: "ROUND_CONSENSUS", params: { roundId: "nope" } }, admin.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await db().reportTemplate.count()).toBe(1);
    expect(await db().auditLog.count({ where: { action: "report_template.create" } })).toBe(1);
  });
});
