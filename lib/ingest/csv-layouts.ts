// Layouts of the OpenAlex, Lens.org (scholarly and patent) and Google Patents CSV exports.
import type { CsvLayout } from "./csv-mapping";
import { splitList } from "./normalise";

const bySemicolon = (cell: string) => splitList(cell, ";");
const byBar = (cell: string) => splitList(cell, "|"); // OpenAlex
const byDoubleSemicolon = (cell: string) => splitList(cell, ";;"); // Lens patents
const byComma = (cell: string) => splitList(cell, ",");
const whole = (cell: string) => [cell.trim()].filter(Boolean); // one value per cell

/**
 * US "M/D/YY" or "M/D/YYYY" (Excel's re-save of Lens and Google Patents exports) → ISO; other text unchanged.
 * Two-digit years follow POSIX strptime's %y: 69–99 → 19xx, 00–68 → 20xx.
 * @example usDate("4/2/15") // => "2015-04-02"
 */
export function usDate(cell: string): string {
  const match = cell.trim().match(/^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/);
  if (!match) return cell;
  const [, month, day, y] = match;
  const year = y.length === 4 ? Number(y) : Number(y) + (Number(y) >= 69 ? 1900 : 2000);
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** The OpenAlex web export: flattened dotted column names, "|" between the values of a list. */
export const OPENALEX: CsvLayout = {
  id: "openalex",
  columns: {
    title: ["display_name", "title"], abstract: ["abstract"], publishedOn: ["publication_date"], year: ["publication_year"],
    authors: ["authorships.author.display_name"], countries: ["authorships.countries"],
    affiliations: ["authorships.institutions.display_name"],
    keywords: ["keywords.display_name", "primary_topic.display_name", "topics.display_name", "concepts.display_name"],
    doi: ["doi"], pmid: ["ids.pmid"], language: ["language"], venue: ["primary_location.source.display_name"],
    citationCount: ["cited_by_count"], kind: ["type"], externalId: ["id"],
  },
  splitAuthors: byBar,
  splitKeywords: byBar,
  splitAffiliations: byBar,
  defaultKind: "PAPER",
};

/** Lens.org scholarly works. */
export const LENS: CsvLayout = {
  id: "lens",
  columns: {
    title: ["Title"], abstract: ["Abstract"], publishedOn: ["Date Published"], year: ["Publication Year"],
    authors: ["Author/s"], keywords: ["Keywords", "Fields of Study", "MeSH Terms"], doi: ["DOI"], pmid: ["PMID"],
    venue: ["Source Title"], citationCount: ["Citing Works Count"], kind: ["Publication Type"], externalId: ["Lens ID"],
  },
  splitAuthors: bySemicolon,
  splitKeywords: bySemicolon,
  defaultKind: "PAPER",
};

/** Lens.org patents: ";;" between list values; the "PubMed Id(s)"/"DOI(s)" columns are cited literature, not the patent's. */
export const LENS_PATENT: CsvLayout = {
  id: "lens-patent",
  columns: {
    title: ["Title"], abstract: ["Abstract"], publishedOn: ["Publication Date"], year: ["Publication Year"],
    authors: ["Inventors"], assignees: ["Applicants", "Owners"], patentNumber: ["Publication Number"],
    classifications: ["CPC Classifications", "IPCR Classifications"], citationCount: ["Cited Count", "Cited by Patent Count"],
    externalId: ["Lens ID"],
  },
  splitAuthors: byDoubleSemicolon,
  splitKeywords: byDoubleSemicolon,
  readDate: usDate,
  defaultKind: "PATENT",
};

/** Google Patents search results (after the "search URL:" line); one assignee per row, inventors comma-separated. */
export const GOOGLE_PATENTS: CsvLayout = {
  id: "google-patents",
  columns: {
    title: ["title"], publishedOn: ["publication date", "grant date", "filing/creation date"],
    authors: ["inventor/author"], assignees: ["assignee"], patentNumber: ["id"], externalId: ["id"],
  },
  splitAuthors: byComma,
  splitKeywords: whole,
  readDate: usDate,
  defaultKind: "PATENT",
};
