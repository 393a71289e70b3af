// The study's documents with their weight in each theme of a theme set (one column per theme; empty
// where the weight is below what the set stores), read a page at a time in id order.
import { db } from "@/lib/db";
import type { CellValue } from "./cells";
import { listCell } from "./cells";
import type { ExportColumn, ExportTable } from "./write-table";

const PAGE = 500;

type ThemeColumn = { id: string; index: number; label: string };

function authorNames(authors: unknown): string {
  if (!Array.isArray(authors)) return "";
  return listCell(authors.map((a) => (a && typeof a === "object" ? String((a as { full?: unknown; family?: unknown }).full ?? (a as { family?: unknown }).family ?? "") : "")).filter(Boolean));
}

export const DOCUMENT_COLUMNS: ExportColumn[] = [
  { header: "id" }, { header: "title", width: 60 }, { header: "year" }, { header: "published_on" }, { header: "kind" }, { header: "language" },
  { header: "authors", width: 40 }, { header: "countries" }, { header: "keywords", width: 30 }, { header: "classifications" }, { header: "assignees" },
  { header: "venue", width: 30 }, { header: "citation_count" }, { header: "doi" }, { header: "patent_number" }, { header: "arxiv_id" }, { header: "pmid" },
  { header: "flags" }, { header: "top_theme" },
];

async function* documentRows(studyId: string, themes: readonly ThemeColumn[]): AsyncGenerator<CellValue[]> {
  const column = new Map(themes.map((t, i) => [t.id, i]));
  const label = new Map(themes.map((t) => [t.id, t.label]));
  let after: string | undefined;
  for (;;) {
    const page = await db().document.findMany({
      where: { studyId, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true, title: true, year: true, publishedOn: true, kind: true, language: true, authors: true, countries: true, keywords: true,
        classifications: true, assignees: true, venue: true, citationCount: true, doi: true, patentNumber: true, arxivId: true, pmid: true, flags: true,
      },
    });
    if (page.length === 0) return;
    const weights = themes.length
      ? await db().documentTheme.findMany({ where: { documentId: { in: page.map((d) => d.id) }, themeId: { in: themes.map((t) => t.id) } }, select: { documentId: true, themeId: true, weight: true } })
      : [];
    const byDocument = new Map<string, { themeId: string; weight: number }[]>();
    for (const w of weights) byDocument.set(w.documentId, [...(byDocument.get(w.documentId) ?? []), w]);
    for (const d of page) {
      const cells: CellValue[] = new Array(themes.length).fill(null);
      let top: { themeId: string; weight: number } | null = null;
      for (const w of byDocument.get(d.id) ?? []) {
        cells[column.get(w.themeId)!] = w.weight;
        if (!top || w.weight > top.weight) top = w;
      }
      yield [
        d.id, d.title, d.year, d.publishedOn ? d.publishedOn.toISOString().slice(0, 10) : null, d.kind, d.language, authorNames(d.authors), listCell(d.countries),
        listCell(d.keywords), listCell(d.classifications), listCell(d.assignees), d.venue, d.citationCount, d.doi, d.patentNumber, d.arxivId, d.pmid,
        listCell(d.flags), top ? label.get(top.themeId)! : null, ...cells,
      ];
    }
    after = page[page.length - 1].id;
  }
}

/** Documents of a study; theme columns from the given theme set (none without one). */
export async function documentsTable(studyId: string, themeSetId: string | null): Promise<ExportTable> {
  const themes = themeSetId ? await db().theme.findMany({ where: { themeSetId }, orderBy: { index: "asc" }, select: { id: true, index: true, label: true } }) : [];
  return {
    name: "documents",
    columns: [...DOCUMENT_COLUMNS, ...themes.map((t) => ({ header: `theme ${t.index + 1}: ${t.label}`, width: 14 }))],
    rows: documentRows(studyId, themes),
  };
}
