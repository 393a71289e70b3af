// BibTeX entry → RecordDraft. Standard fields first; the notes name the database a rule is for.
import type { RecordDraft } from "./build-record";
import { convertLatex, unescapeLatex } from "./bibtex-latex";
import type { BibEntry, BibFields } from "./bibtex-syntax";
import { kindFromLabel } from "./csv-row";
import type { DocumentKind } from "./record";

const KINDS: Record<string, DocumentKind> = {
  article: "PAPER", incollection: "PAPER", inbook: "PAPER", suppcollection: "PAPER", unpublished: "PAPER",
  inproceedings: "CONFERENCE_PAPER", conference: "CONFERENCE_PAPER", proceedings: "CONFERENCE_PAPER",
  patent: "PATENT",
  report: "OTHER", techreport: "OTHER", book: "OTHER", phdthesis: "OTHER", mastersthesis: "OTHER", thesis: "OTHER",
};

function kindOf(entry: BibEntry, arxivId: string | undefined): DocumentKind {
  const known = KINDS[entry.type];
  if (known) return known;
  if (arxivId) return "PAPER"; // @misc / @online preprints
  return kindFromLabel(entry.fields.type, "OTHER"); // WoS and Scopus also write the document type in "type"
}

// Fields whose LaTeX is converted; all others go to raw as written.
const KEYWORD_FIELDS = ["author_keywords", "keywords", "keywords-plus"]; // Scopus, standard, WoS

/** WoS puts one address per line and repeats the reprint address first with "(Corresponding Author)". */
function affiliationLines(fields: BibFields): string[] {
  if (fields.affiliation) {
    const lines = fields.affiliation.split("\n").map((line) => line.trim()).filter(Boolean);
    const plain = lines.filter((line) => !/\(Corresponding Author\)/i.test(line));
    return plain.length > 0 ? plain : lines;
  }
  return (fields.affiliations ?? "").split(";").map((part) => part.trim()).filter(Boolean); // Scopus
}

function splitKeywords(text: string): string[] {
  return text.split(text.includes(";") ? ";" : ",");
}

/** arXiv id from eprint (with archivePrefix/eprinttype arXiv, or an id-shaped eprint), a note, or the journal. */
function arxivIdOf(fields: BibFields): string | undefined {
  const archive = `${fields.archiveprefix ?? ""} ${fields.eprinttype ?? ""}`;
  if (fields.eprint && (/arxiv/i.test(archive) || /^\d{4}\.\d{4,5}(v\d+)?$/.test(fields.eprint.trim()))) {
    return fields.eprint;
  }
  return [fields.note, fields.journal, fields.url].find((value) => value && /arxiv/i.test(value));
}

function pmidOf(fields: BibFields): string | undefined {
  const direct = fields.pmid ?? fields["pubmed-id"] ?? fields.pubmedid;
  if (direct) return direct;
  return fields.note?.match(/PMID:?\s*(\d+)/i)?.[1];
}

/** WoS "times-cited"; Scopus "note = {Cited by: 52}". */
function citationsOf(fields: BibFields, note: string | undefined): string | undefined {
  return fields["times-cited"] ?? fields["cited-by"] ?? note?.match(/cited by\s*:?\s*(\d+)/i)?.[1];
}

/** WoS "unique-id" (WOS:…); Scopus has its EID only inside the record URL. */
function externalIdOf(fields: BibFields): string | undefined {
  return fields["unique-id"] ?? fields.url?.match(/[?&]eid=(2-s2\.0-\d+)/)?.[1];
}

/** A full date when the parts make one: biblatex "date", else year with month and day (WoS: month = {JUL 15}). */
function datesOf(fields: BibFields): string[] {
  const year = fields.year?.trim();
  const month = fields.month?.trim();
  const day = fields.day?.trim();
  const monthYear = year && month ? `${month}${day ? ` ${day}` : ""} ${year}` : undefined;
  return [fields.date, monthYear, year].filter((date): date is string => Boolean(date));
}

function doiOf(fields: BibFields): string | undefined {
  const doi = fields.doi ?? (fields.url && /doi\.org\/10\./i.test(fields.url) ? fields.url : undefined);
  return doi && unescapeLatex(doi).replace(/[{}]/g, ""); // WoS writes "10.1007/978-3-642-10745-0\_76"
}

function rawOf(entry: BibEntry): Record<string, unknown> {
  const fields = Object.entries(entry.fields).map(([name, value]) => [name, value.replace(/\s+/g, " ").trim()]);
  return { "@type": entry.type, "@key": entry.key, ...Object.fromEntries(fields) };
}

export function bibEntryToDraft(entry: BibEntry): RecordDraft {
  const { fields } = entry;
  const affiliations = affiliationLines(fields);
  const keywordFields = KEYWORD_FIELDS.filter((name) => fields[name]);
  const text = {
    title: fields.title,
    abstract: fields.abstract,
    venue: fields.journal ?? fields.journaltitle ?? fields.booktitle,
    note: fields.note,
    language: fields.language ?? fields.langid,
    ...Object.fromEntries(keywordFields.map((name, i) => [`keywords${i}`, fields[name]])),
    ...Object.fromEntries(affiliations.map((line, i) => [`affiliation${i}`, line])),
  };
  const names: Record<string, string> = fields.author ? { author: fields.author } : fields.editor ? { editor: fields.editor } : {};
  const converted = convertLatex(forParser(text), names);
  const value = (name: string) => converted.text[`x${name}`];

  const arxivId = arxivIdOf(fields);
  return {
    kind: kindOf(entry, arxivId),
    title: value("title"),
    abstract: value("abstract"),
    language: value("language"),
    dates: datesOf(fields),
    authors: converted.names.author ?? converted.names.editor ?? [],
    affiliations: affiliations.map((_, i) => value(`affiliation${i}`)),
    keywords: keywordFields.flatMap((_, i) => splitKeywords(value(`keywords${i}`))),
    venue: value("venue"),
    citationCount: citationsOf(fields, value("note")),
    doi: doiOf(fields),
    arxivId: arxivId && unescapeLatex(arxivId),
    pmid: pmidOf(fields),
    externalId: externalIdOf(fields),
    raw: rawOf(entry),
  };
}

/**
 * The fields that have a value, renamed: the parser gives "title", "note" or "keywords" special treatment
 * (sorting, splitting); "x…" it converts as plain text.
 */
function forParser(text: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(text).flatMap(([name, value]) => (value ? [[`x${name}`, value]] : [])));
}
