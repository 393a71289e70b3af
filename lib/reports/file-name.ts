// Names of downloaded report files: ASCII only (a safe Content-Disposition), with the date.
import type { StudyReport } from "./report-types";

/**
 * A slug of the study name for a file name; non-ASCII names (Chinese) fall back to "study".
 * @example slug("Energy futures: 2040!") // => "energy-futures-2040"
 */
export function slug(text: string): string {
  const s = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return s || "study";
}

export function reportFileName(report: StudyReport, locale: string): string {
  const scope = report.round ? `round-${report.round.number}` : "study";
  return `consensus-report-${slug(report.study.name)}-${scope}-${report.generatedAt.slice(0, 10)}-${locale}.html`;
}
