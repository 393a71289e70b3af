// USPTO APS "Greenbook" text (grants 1976–2001): a record per PATN, then sections (INVT, ASSG, CLAS,
// UREF, ABST, …) of "TAG  value" lines; indented lines continue the previous value.
import { buildRecord, type RecordDraft } from "./build-record";
import { readLines } from "./decode";
import type { Format } from "./formats";
import { isoCountry, present } from "./parties";
import { formatPatentNumber } from "./patent-number";
import type { ReadResult } from "./record";
import { MAX_RECORD_CHARS } from "./xml";

type Fields = Record<string, string[]>;
type Section = { name: string; fields: Fields };
type ApsEntry = { line: number; sections: Section[]; chars: number };

const SECTION = /^([A-Z]{4})\s*$/;
const FIELD = /^([A-Z][A-Z0-9]{2,3}) {1,2}(.*)$/;
// Full text no reader uses: descriptions and claims are dropped while reading.
const UNUSED = new Set(["BSUM", "DETD", "DRWD", "CLMS", "DCLM"]);

/** Groups lines into patents; the header line of weekly files ("HHHHHT …") and unused text are skipped. */
async function* readApsEntries(lines: AsyncIterable<string>): AsyncGenerator<ApsEntry> {
  let entry: ApsEntry | null = null;
  let last: string[] | null = null;
  let n = 0;
  for await (const line of lines) {
    n++;
    const section = SECTION.exec(line)?.[1];
    if (section === "PATN") {
      if (entry) yield entry;
      entry = { line: n, sections: [], chars: 0 };
    }
    if (!entry) continue;
    if (section) {
      entry.sections.push({ name: section, fields: {} });
      last = null;
      continue;
    }
    const current = entry.sections.at(-1)!;
    if (UNUSED.has(current.name) || entry.chars > MAX_RECORD_CHARS) continue;
    entry.chars += line.length;
    const field = FIELD.exec(line);
    if (field) (last = current.fields[field[1]] ??= []).push(field[2].trim());
    else if (last && /^\s/.test(line)) last[last.length - 1] = `${last[last.length - 1]} ${line.trim()}`;
  }
  if (entry) yield entry;
}

const first = (fields: Fields | undefined, tag: string) => fields?.[tag]?.[0];

/** "Daniels; Everette E." → "Daniels, Everette E."; the country is CNT ("JPX") or, with a state, the US. */
function party(fields: Fields): { name?: string; country?: string } {
  const name = first(fields, "NAM")?.replace(/;\s*/, ", ");
  return { name, country: isoCountry(first(fields, "CNT")) ?? (first(fields, "STA") ? "US" : undefined) };
}

function apsDraft(entry: ApsEntry): RecordDraft {
  const all = (name: string) => entry.sections.filter((s) => s.name === name).map((s) => s.fields);
  const patent = all("PATN")[0];
  const inventors = all("INVT").map(party);
  const assignees = all("ASSG").map(party);
  const wku = first(patent, "WKU") ?? "";
  const abstract = all("ABST").flatMap((f) => [...(f.PAL ?? []), ...(f.PAR ?? [])]);
  return {
    kind: "PATENT",
    title: first(patent, "TTL"),
    abstract: abstract.join(" "),
    language: "en",
    dates: present([first(patent, "ISD")]),
    authors: present(inventors.map((p) => p.name)),
    countries: present([...inventors, ...assignees].map((p) => p.country)),
    classifications: all("CLAS").flatMap((f) => f.ICL ?? []),
    assignees: present(assignees.map((p) => p.name)),
    // WKU is the zero-padded number followed by a check digit: "039373754" is 3,937,375.
    patentNumber: formatPatentNumber({ country: "US", number: wku.length === 9 ? wku.slice(0, 8) : wku }) ?? undefined,
    raw: {
      sections: entry.sections.filter((s) => !UNUSED.has(s.name) && s.name !== "UREF"),
      referencesCited: all("UREF").length,
      citedPatents: present(all("UREF").map((f) => first(f, "PNO"))),
    },
  };
}

async function* readAps(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  let position = 0;
  for await (const entry of readApsEntries(readLines(text))) {
    position++;
    if (entry.chars > MAX_RECORD_CHARS) {
      const message = `Record ${position} (line ${entry.line}) holds more than ${MAX_RECORD_CHARS} characters; skipped`;
      yield { ok: false, position, line: entry.line, message };
    } else yield buildRecord(apsDraft(entry), { position, line: entry.line });
  }
}

/** A PATN line (after the optional "HHHHHT" header of weekly files) followed by a WKU field. */
function looksLikeAps(head: string): boolean {
  const lines = head.split("\n").filter((line) => line.trim() !== "");
  const start = lines[0]?.startsWith("HHHHHT") ? 1 : 0;
  const patn = SECTION.exec(lines[start] ?? "")?.[1] === "PATN";
  return patn && lines.slice(start, start + 5).some((line) => /^WKU {2}\S/.test(line));
}

export const usptoApsFormat = {
  id: "uspto-aps" as const,
  label: "USPTO APS (Greenbook) text",
  detect: looksLikeAps,
  read: readAps,
} satisfies Format;
