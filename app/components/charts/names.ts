// Theme names as the reader's language shows them, and links to the documents behind a chart point.
import { uniqueNames } from "@/lib/dashboard/river";

export type ThemeName = { id: string; index: number; label: string; labelZh: string | null };

/** Chinese labels where the theme has one (experts' labels), else the machine label; unique either way. */
export function displayNames(themes: readonly ThemeName[], locale: string): Map<string, string> {
  return uniqueNames(themes.map((t) => ({ id: t.id, index: t.index, label: locale === "zh" && t.labelZh ? t.labelZh : t.label })));
}

export type DrillFilter = { theme?: string | null; year?: number | null; country?: string | null; kind?: string | null };

/** The documents page filtered by theme, year, country and kind. */
export function drillHref(studyId: string, filter: DrillFilter): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  const qs = query.toString();
  return `/studies/${studyId}/dashboard/documents${qs ? `?${qs}` : ""}`;
}

export const QUADRANT_COLOUR: Record<string, string> = { emerging: "#d9480f", growing: "#2b8a3e", mature: "#1d5fbf", declining: "#868e96" };
