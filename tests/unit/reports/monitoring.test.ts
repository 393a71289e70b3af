// The monitoring issue's snapshot and the template parameters: themes ranked by emerging score with
// their stored indicators, the period's alerts and new documents, and params checked per kind.
import { describe, expect, it } from "vitest";
import { monitoringSnapshot, rankThemes, type MonitoringInput } from "@/lib/reports/monitoring";
import { parseTemplateParams, ZSaveReportTemplateInput } from "@/lib/reports/template-input";
import { renderMonitoringHtml } from "@/lib/reports/render-monitoring";
import { indicators } from "../dashboard/factories";

const theme = (id: string, label: string, figures: Parameters<typeof indicators>[0]) => ({ id, label, labelZh: null, documentCount: 10, evidence: { indicators: indicators(figures) } });

function input(limit = 10): MonitoringInput {
  return {
    study: { id: "s", name: "Energy futures", question: "" },
    period: { from: new Date("2026-05-01T00:00:00Z"), to: new Date("2026-06-01T00:00:00Z"), previousIssueId: "prev" },
    themeSet: { version: 3, createdAt: new Date("2026-04-01T00:00:00Z") },
    themes: [
      theme("t1", "Batteries", { volume: 40, growth: 0.1, score: 0.8, stage: "mature", countries: [{ country: "CN", share: 0.6 }] }),
      theme("t2", "Fusion", { volume: 5, growth: 0.9, score: 2.1, stage: "emerging" }),
      theme("t3", "Steel", { volume: 60, growth: 0.02, score: null }),
      { id: "t4", label: "Old theme", labelZh: "旧主题", documentCount: 2, evidence: {} },
    ],
    alerts: [{ id: "a1", kind: "emerging", title: "Fusion is emerging", message: "Emerging score 2.1 ≥ 1.5", status: "OPEN", createdAt: new Date("2026-05-10T00:00:00Z"), theme: { label: "Fusion", labelZh: "聚变" } }],
    documentsTotal: 500,
    bySource: [{ source: "upload.ris", kind: "FILE", documents: 12 }, { source: "OpenAlex: batteries", kind: "OPENALEX", documents: 30 }],
    byKind: { PAPER: 40, PATENT: 2 },
    limit,
    generatedAt: new Date("2026-06-01T00:00:00Z"),
  };
}

describe("the monitoring snapshot", () => {
  it("lists themes by emerging score, then volume, with their stored indicators", () => {
    const s = monitoringSnapshot(input());
    expect(s.themes.map((t) => [t.id, t.emergingScore, t.volume, t.growth, t.stage, t.leader])).toEqual([
      ["t2", 2.1, 5, 0.9, "emerging", null],
      ["t1", 0.8, 40, 0.1, "mature", "CN"],
      ["t3", null, 60, 0.02, null, null],
      ["t4", null, null, null, null, null],
    ]);
    expect(monitoringSnapshot(input(2)).themes.map((t) => t.id)).toEqual(["t2", "t1"]);
    expect(monitoringSnapshot(input(2)).themeCount).toBe(4);
  });

  it("counts the period's new documents per source, most first, and keeps the alerts raised in it", () => {
    const s = monitoringSnapshot(input());
    expect(s.documents).toEqual({ total: 500, newInPeriod: 42, bySource: [{ source: "OpenAlex: batteries", kind: "OPENALEX", documents: 30 }, { source: "upload.ris", kind: "FILE", documents: 12 }], byKind: { PAPER: 40, PATENT: 2 } });
    expect(s.alerts).toEqual([{ id: "a1", kind: "emerging", title: "Fusion is emerging", message: "Emerging score 2.1 ≥ 1.5", status: "OPEN", createdAt: "2026-05-10T00:00:00.000Z", themeLabel: "Fusion", themeLabelZh: "聚变" }]);
    expect(s.period).toEqual({ from: "2026-05-01T00:00:00.000Z", to: "2026-06-01T00:00:00.000Z", previousIssueId: "prev" });
  });

  it("ranks ties by volume and label without changing its input", () => {
    const themes = [
      { id: "b", label: "B", labelZh: null, documentCount: 1, volume: 2, growth: null, emergingScore: 1, stage: null, leader: null },
      { id: "a", label: "A", labelZh: null, documentCount: 1, volume: 2, growth: null, emergingScore: 1, stage: null, leader: null },
      { id: "c", label: "C", labelZh: null, documentCount: 1, volume: 9, growth: null, emergingScore: 1, stage: null, leader: null },
    ];
    expect(rankThemes(themes).map((t) => t.id)).toEqual(["c", "a", "b"]);
    expect(themes.map((t) => t.id)).toEqual(["b", "a", "c"]);
  });

  it("renders as a self-contained file in both languages", async () => {
    const s = monitoringSnapshot(input());
    const en = await renderMonitoringHtml(s, "Monthly watch", "en");
    expect(en).toContain("<h1>Monthly watch</h1>");
    expect(en).toContain('data-testid="issue-new-documents" data-value="42"');
    expect(en).toContain("Covers 1 May 2026 to 1 Jun 2026.");
    const zh = await renderMonitoringHtml(s, "Monthly watch", "zh");
    expect(zh).toContain("萌芽期");
    expect(zh).toContain("文件上传");
    expect(zh).toContain("聚变");
  });
});

describe("template parameters", () => {
  it("take each kind's defaults and refuse what another kind would take", () => {
    expect(parseTemplateParams("MONITORING", {})).toEqual({ sinceDays: 31, themes: 20 });
    expect(parseTemplateParams("ROUND_CONSENSUS", undefined)).toEqual({ roundId: null });
    expect(() => parseTemplateParams("STUDY_CONSENSUS", { sinceDays: 3 })).toThrow();
  });

  it("turn an empty schedule into none and report bad params by field", () => {
    const ok = ZSaveReportTemplateInput.parse({ studyId: "s", name: " Monthly ", kind: "MONITORING", schedule: "  ", params: { sinceDays: "14" } });
    expect(ok).toEqual({ studyId: "s", name: "Monthly", kind: "MONITORING", schedule: null, params: { sinceDays: 14, themes: 20 } });
    const bad = ZSaveReportTemplateInput.safeParse({ studyId: "s", name: "x", kind: "MONITORING", params: { sinceDays: 0 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(["params", "sinceDays"]);
    expect(ZSaveReportTemplateInput.safeParse({ studyId: "s", name: "", kind: "MONITORING" }).success).toBe(false);
  });
});
