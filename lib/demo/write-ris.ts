// Demo records as RIS: one tag per line, CRLF line ends, a blank line between records.
import type { DemoKind, DemoRecord } from "./types";

const CRLF = "\r\n";
const RIS_TYPE: Record<DemoKind, string> = {
  PAPER: "JOUR",
  CONFERENCE_PAPER: "CONF",
  PATENT: "PAT",
  NEWS: "NEWS",
};

/** "TI  - value"; line breaks inside a value would start a bogus tag, so they become spaces. */
function tag(name: string, value: string): string {
  return `${name}  - ${value.replace(/\s*[\r\n]+\s*/g, " ").trim()}`;
}

function risRecord(record: DemoRecord): string {
  const lines = [
    tag("TY", RIS_TYPE[record.kind]),
    tag("TI", record.title),
    ...record.authors.map((author) => tag("AU", author)),
    tag("PY", String(record.year)),
    tag("DA", `${record.date.replaceAll("-", "/")}/`),
    tag("AB", record.abstract),
    ...record.keywords.map((keyword) => tag("KW", keyword)),
    ...(record.doi ? [tag("DO", record.doi)] : []),
    // SN carries the patent number for PAT records (as Zotero and EndNote read it).
    ...(record.patentNumber ? [tag("SN", record.patentNumber)] : []),
    ...record.affiliations.map((affiliation) => tag("AD", affiliation)),
    "ER  - ",
  ];
  return lines.join(CRLF) + CRLF;
}

export function toRis(records: readonly DemoRecord[]): string {
  return records.map(risRecord).join(CRLF);
}
