// Web of Science field tags → RecordDraft, for the plain-text and the tab-delimited export alike:
// plain text gives one author or address per line, tab-delimited gives them in one "; "-separated cell.
import type { RecordDraft } from "./build-record";
import type { DocumentKind } from "./record";
import { firstValue, joined, listOf, values, type Tags } from "./tagged-records";

/**
 * PT is the source type (J journal, B book, S series, P patent, C conference); DT the document type,
 * which says whether a series or journal item is a proceedings paper.
 */
function kindOf(tags: Tags): DocumentKind {
  const pt = firstValue(tags, "PT")?.toUpperCase();
  const dt = (firstValue(tags, "DT") ?? "").split(";")[0].trim().toLowerCase();
  if (pt === "P" || dt === "patent") return "PATENT";
  if (pt === "C" || dt === "proceedings paper") return "CONFERENCE_PAPER";
  if (pt === "S") return /proceedings|meeting/i.test(firstValue(tags, "DT") ?? "") ? "CONFERENCE_PAPER" : "OTHER";
  if (pt === "B") return "OTHER";
  return "PAPER";
}

/**
 * Splits "[Toh, ML; Lee, K] Univ X, City, Country; [Ng, A] Univ Y, …" at the semicolons outside brackets
 * and drops the bracketed author names, which would otherwise be read as the institution.
 */
export function addressesOf(cell: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of cell) {
    if (c === "[") depth++;
    if (c === "]") depth = Math.max(0, depth - 1);
    if (c === ";" && depth === 0) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts.map((part) => part.replace(/^\s*\[[^\]]*\]\s*/, "").trim()).filter(Boolean);
}

/** "PD MAY 15" + "PY 2017" make the full date; early-access records have only EA ("JAN 2021"). */
function datesOf(tags: Tags): string[] {
  const pd = firstValue(tags, "PD");
  const py = firstValue(tags, "PY");
  const dates: string[] = [];
  if (pd && py && !/\d{4}/.test(pd)) dates.push(`${pd} ${py}`);
  for (const date of [pd, py, firstValue(tags, "EA")]) if (date && /\d{4}/.test(date)) dates.push(date);
  return dates;
}

/** "Toh, Ming Liang"; the CNKI-to-WoS converter leaves a dangling comma ("王某, "). */
function authorsOf(tags: Tags): string[] {
  const full = listOf(tags, "AF");
  return (full.length > 0 ? full : listOf(tags, "AU"))
    .map((name) => name.replace(/,\s*$/, ""))
    .filter((name) => name !== "[Anonymous]");
}

/** UT: "WOS:000317623000007"; converters that have no accession number write a zero ("CNKI:0"). */
function accessionOf(tags: Tags): string | undefined {
  const ut = firstValue(tags, "UT");
  return ut && !/^[A-Z]*:?0*$/i.test(ut) ? ut : undefined;
}

export function wosToDraft(tags: Tags): RecordDraft {
  return {
    kind: kindOf(tags),
    title: joined(tags, "TI"),
    abstract: joined(tags, "AB"),
    language: firstValue(tags, "LA"),
    dates: datesOf(tags),
    authors: authorsOf(tags),
    affiliations: values(tags, "C1").flatMap(addressesOf),
    keywords: [...(joined(tags, "DE")?.split(";") ?? []), ...(joined(tags, "ID")?.split(";") ?? [])],
    venue: joined(tags, "SO"),
    citationCount: firstValue(tags, "TC", "Z9"),
    doi: firstValue(tags, "DI", "D2"),
    pmid: firstValue(tags, "PM"),
    externalId: accessionOf(tags),
    raw: tags,
  };
}
