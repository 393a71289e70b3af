// The monitoring issue of a study (the monthly "what moved" report): its themes with their indicators,
// the alerts raised and the documents added since the previous issue (per source and per kind).
// Pure: get-monitoring-input.ts reads the rows; the snapshot is what the issue stores.
import { indicatorsOf } from "@/lib/indicators/get-theme-evidence";

export type MonitoringTheme = {
  id: string;
  label: string;
  labelZh: string | null;
  documentCount: number;
  volume: number | null;
  growth: number | null;
  emergingScore: number | null;
  stage: string | null;
  leader: string | null;
};
export type MonitoringAlert = { id: string; kind: string; title: string; message: string; status: string; createdAt: string; themeLabel: string | null; themeLabelZh: string | null };
export type SourceCount = { source: string; kind: string; documents: number };

export type MonitoringSnapshot = {
  version: 1;
  kind: "MONITORING";
  generatedAt: string;
  study: { id: string; name: string; question: string };
  period: { from: string; to: string; previousIssueId: string | null };
  themeSet: { version: number; createdAt: string } | null;
  themes: MonitoringTheme[];
  themeCount: number;
  alerts: MonitoringAlert[];
  documents: { total: number; newInPeriod: number; bySource: SourceCount[]; byKind: Record<string, number> };
};

export type MonitoringInput = {
  study: { id: string; name: string; question: string };
  period: { from: Date; to: Date; previousIssueId: string | null };
  themeSet: { version: number; createdAt: Date } | null;
  themes: { id: string; label: string; labelZh: string | null; documentCount: number; evidence: unknown }[];
  alerts: { id: string; kind: string; title: string; message: string; status: string; createdAt: Date; theme: { label: string; labelZh: string | null } | null }[];
  documentsTotal: number;
  bySource: SourceCount[];
  byKind: Record<string, number>;
  /** How many themes to list. */
  limit: number;
  generatedAt: Date;
};

/** Themes by emerging score (highest first, unscored last), then volume, then label. */
export function rankThemes(themes: readonly MonitoringTheme[]): MonitoringTheme[] {
  const score = (t: MonitoringTheme) => t.emergingScore ?? -Infinity;
  return [...themes].sort((a, b) => score(b) - score(a) || (b.volume ?? 0) - (a.volume ?? 0) || a.label.localeCompare(b.label));
}

export function monitoringSnapshot(input: MonitoringInput): MonitoringSnapshot {
  const themes = input.themes.map((t): MonitoringTheme => {
    const ind = indicatorsOf(t.evidence);
    return {
      id: t.id, label: t.label, labelZh: t.labelZh, documentCount: t.documentCount,
      volume: ind?.volume ?? null, growth: ind?.growth ?? null, emergingScore: ind?.emerging?.score ?? null, stage: ind?.lifeCycle.stage ?? null, leader: ind?.countries.leader?.country ?? null,
    };
  });
  const bySource = [...input.bySource].sort((a, b) => b.documents - a.documents || a.source.localeCompare(b.source));
  return {
    version: 1,
    kind: "MONITORING",
    generatedAt: input.generatedAt.toISOString(),
    study: input.study,
    period: { from: input.period.from.toISOString(), to: input.period.to.toISOString(), previousIssueId: input.period.previousIssueId },
    themeSet: input.themeSet && { version: input.themeSet.version, createdAt: input.themeSet.createdAt.toISOString() },
    themes: rankThemes(themes).slice(0, input.limit),
    themeCount: themes.length,
    alerts: input.alerts.map((a) => ({ id: a.id, kind: a.kind, title: a.title, message: a.message, status: a.status, createdAt: a.createdAt.toISOString(), themeLabel: a.theme?.label ?? null, themeLabelZh: a.theme?.labelZh ?? null })),
    documents: { total: input.documentsTotal, newInPeriod: bySource.reduce((s, x) => s + x.documents, 0), bySource, byKind: input.byKind },
  };
}
