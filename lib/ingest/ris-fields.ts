// RIS tags → RecordDraft. Tag usage differs per vendor; the notes name the vendor a rule is for.
import type { RecordDraft } from "./build-record";
import type { DocumentKind } from "./record";

export type RisTags = Record<string, string[]>;

const KINDS: Record<string, DocumentKind> = {
  JOUR: "PAPER", JFULL: "PAPER", ABST: "PAPER", EJOUR: "PAPER", INPR: "PAPER", CHAP: "PAPER", ECHAP: "PAPER",
  CONF: "CONFERENCE_PAPER", CPAPER: "CONFERENCE_PAPER",
  PAT: "PATENT",
  NEWS: "NEWS", MGZN: "NEWS",
  GRANT: "PROJECT",
  GOVDOC: "POLICY", BILL: "POLICY", STAT: "POLICY",
};

function all(tags: RisTags, ...names: string[]): string[] {
  return names.flatMap((name) => tags[name] ?? []).filter((value) => value !== "");
}

function first(tags: RisTags, ...names: string[]): string | undefined {
  return all(tags, ...names)[0];
}

function fromDatabase(tags: RisTags, pattern: RegExp): boolean {
  return all(tags, "DB").some((db) => pattern.test(db));
}

/** PubMed ids: Scopus puts them in C2, Embase (Medline records) in C5; others in notes or PubMed links. */
function pmidOf(tags: RisTags): string | undefined {
  const numeric = (values: string[]) => values.find((v) => /^\d{1,9}$/.test(v));
  if (fromDatabase(tags, /scopus/i)) return numeric(all(tags, "C2"));
  if (fromDatabase(tags, /embase/i)) return numeric(all(tags, "C5"));
  if (fromDatabase(tags, /pubmed|medline/i)) return numeric(all(tags, "AN"));
  for (const value of all(tags, "AN", "N1", "UR", "L2")) {
    const match = value.match(/PMID:?\s*(\d+)|pubmed(?:\.ncbi\.nlm\.nih\.gov|\/)\/?(\d+)/i);
    if (match) return match[1] ?? match[2];
  }
  return undefined;
}

/** AN/ID where given; Scopus only has its EID inside the UR link, Embase its accession number in U2. */
function externalIdOf(tags: RisTags): string | undefined {
  const id = first(tags, "AN", "ID");
  if (id) return id;
  if (fromDatabase(tags, /embase/i) && first(tags, "U2")) return first(tags, "U2");
  return all(tags, "UR").map((url) => url.match(/[?&]eid=(2-s2\.0-\d+)/)?.[1]).find(Boolean);
}

function doiOf(tags: RisTags): string | undefined {
  return first(tags, "DO") ?? all(tags, "UR", "L2", "L3").find((url) => /doi\.org\/10\./i.test(url));
}

/** Scopus and WoS pack the citation count into a note: "Cited By :12", "Cited By: 12". */
function citationCountOf(tags: RisTags): string | undefined {
  return all(tags, "N1").map((note) => note.match(/cited by\s*:?\s*(\d+)/i)?.[1]).find(Boolean);
}

export function risToDraft(tags: RisTags): RecordDraft {
  const abstractTag = ["AB", "N2"].find((tag) => all(tags, tag).length > 0);
  return {
    kind: KINDS[first(tags, "TY")?.toUpperCase() ?? ""] ?? "OTHER",
    title: first(tags, "TI", "T1", "ST"),
    abstract: abstractTag ? all(tags, abstractTag).join(" ") : undefined,
    language: first(tags, "LA"),
    dates: all(tags, "DA", "PY", "Y1"),
    authors: all(tags, "AU", "A1"),
    affiliations: all(tags, "AD"),
    keywords: all(tags, "KW").flatMap((keyword) => keyword.split(";")),
    venue: first(tags, "JF", "T2", "JO", "JA", "J2"),
    citationCount: citationCountOf(tags),
    doi: doiOf(tags),
    pmid: pmidOf(tags),
    externalId: externalIdOf(tags),
    raw: tags,
  };
}
