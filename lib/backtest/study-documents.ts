// A study's documents as a back-test corpus, and the cut-off year a back-test starts from by default.
import { documentText, type BacktestDocument } from "./read-corpus";
import type { BacktestReport } from "./run-backtest";

export type StudyDocumentRow = { id: string; title: string; abstract: string; year: number | null };

export type StudyBacktestCorpus = {
  documents: BacktestDocument[];
  /** Documents a back-test cannot place in time (no year) or read (no title or abstract). */
  withoutYear: number;
  withoutText: number;
};

/**
 * Rows in, documents out in the same order, prepared as corpus files are (`documentText`).
 * @example toBacktestCorpus([{ id: "d1", title: "Qubits", abstract: "Error correction", year: 2020 }, { id: "d2", title: "Old", abstract: "", year: null }])
 * // => { documents: [{ id: "d1", text: "Qubits. Error correction", year: 2020 }], withoutYear: 1, withoutText: 0 }
 */
export function toBacktestCorpus(rows: readonly StudyDocumentRow[]): StudyBacktestCorpus {
  const documents: BacktestDocument[] = [];
  let withoutYear = 0;
  let withoutText = 0;
  for (const row of rows) {
    const text = documentText(row);
    if (row.year === null) withoutYear++;
    else if (!text.trim()) withoutText++;
    else documents.push({ id: row.id, text, year: row.year });
  }
  return { documents, withoutYear, withoutText };
}

/** A back-test report of a study: the corpus counts include the documents it could not use as ignored. */
export type StudyBacktestReport = BacktestReport & { corpus: BacktestReport["corpus"] & { withoutYear: number; withoutText: number } };

/**
 * The report as stored for a study: every document of the study counted, those without a year or
 * text among the ignored ones.
 */
export function withStudyCounts(report: BacktestReport, corpus: StudyBacktestCorpus): StudyBacktestReport {
  const { withoutYear, withoutText } = corpus;
  const unusable = withoutYear + withoutText;
  return { ...report, corpus: { ...report.corpus, documents: report.corpus.documents + unusable, ignored: report.corpus.ignored + unusable, withoutYear, withoutText } };
}

export type YearCount = { year: number; documents: number };

/**
 * The default cut-off: the latest year that still leaves at least a quarter of the dated documents
 * after it, among the years followed by at least two more years with documents (growth needs two
 * points). When no year leaves a quarter, the earliest such year; null with fewer than three years.
 * @example defaultUntil([{ year: 2018, documents: 1 }, { year: 2019, documents: 2 }, { year: 2020, documents: 2 }, { year: 2021, documents: 1 }, { year: 2022, documents: 2 }])
 * // => 2020 (3 of 8 documents are later)
 */
export function defaultUntil(counts: readonly YearCount[]): number | null {
  const years = counts.filter((c) => c.documents > 0).sort((a, b) => a.year - b.year);
  const total = years.reduce((n, c) => n + c.documents, 0);
  const candidates = years.slice(0, -2);
  if (candidates.length === 0) return null;
  let later = total;
  let chosen = candidates[0].year;
  for (const c of candidates) {
    later -= c.documents;
    if (later >= total / 4) chosen = c.year;
  }
  return chosen;
}
