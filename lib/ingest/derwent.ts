// Derwent Innovations Index export (.ciw): Web of Science tagged text with patent tags — PN patent
// numbers, AU inventors, AE assignees, IP IPC codes, DC/MC Derwent classes and manual codes, PD details.
import type { RecordDraft } from "./build-record";
import type { Format } from "./formats";
import type { ReadResult } from "./record";
import { firstValue, joined, listOf, readTaggedRecords, type Tags } from "./tagged-records";
import { WOS_GRAMMAR, wosSourceType } from "./wos";

/**
 * Derwent writes IPC codes as "B64C-027/04", and "A63H-000/00" for a bare subclass.
 * @example ipcCode("B64C-027/04") // => "B64C 27/04"
 */
export function ipcCode(code: string): string {
  const match = /^([A-H]\d{2}[A-Z])-?0*(\d+)\/(\d+)$/.exec(code.trim());
  if (!match) return code.trim();
  const [, subclass, group, subgroup] = match;
  return group === "0" && /^0+$/.test(subgroup) ? subclass : `${subclass} ${group}/${subgroup}`;
}

/** "SCHIEBEL GMBH (SCHI-Non-standard)" → "SCHIEBEL GMBH": the bracket is Derwent's assignee code. */
function assigneeName(text: string): string {
  return text.replace(/\s*\([A-Z0-9]{4}(?:-[^()]*)?\)\s*$/, "").trim();
}

const DATE = /\b\d{1,2} [A-Z][a-z]{2} \d{4}\b/;

/**
 * The date of each publication line ("AT200401202-A   15 Oct 2005   B64C-027/04 …"), first line first;
 * the priority dates of PI ("AT001202    15 Jul 2004") only when no publication line has one.
 */
function patentDates(tags: Tags): string[] {
  const datesOf = (lines: string[] = []) => lines.flatMap((line) => line.match(DATE)?.[0] ?? []);
  const published = datesOf(tags.PD);
  return published.length > 0 ? published : datesOf(tags.PI);
}

/** "Q25 (Aircraft, aviation, cosmonautics); P36 (…)" → ["Q25", "P36"]. */
function derwentClasses(tags: Tags): string[] {
  return listOf(tags, "DC").map((entry) => entry.split(" ")[0]);
}

/** The first family member is the basic patent; "AT200401202-A" → "AT200401202A". */
function basicPatentNumber(tags: Tags): string | undefined {
  return listOf(tags, "PN")[0]?.replace(/-/g, "");
}

export function derwentToDraft(tags: Tags): RecordDraft {
  return {
    kind: "PATENT",
    title: joined(tags, "TI"),
    // "(AT200401202-A)" before the text says which family member the abstract describes.
    abstract: joined(tags, "AB")?.replace(/^\([A-Z]{2}[\dA-Z]+-[A-Z]\d?\)\s*/, ""),
    dates: patentDates(tags),
    authors: listOf(tags, "AU"),
    assignees: listOf(tags, "AE").map(assigneeName),
    classifications: [...listOf(tags, "IP").map(ipcCode), ...derwentClasses(tags), ...listOf(tags, "MC")],
    patentNumber: basicPatentNumber(tags),
    externalId: firstValue(tags, "UT"),
    raw: tags,
  };
}

/** WoS tagged text whose first record is a patent (PT P) with Derwent's PN line. */
function looksLikeDerwent(head: string): boolean {
  return wosSourceType(head) === "P" && /^PN \S/m.test(head);
}

function readDerwent(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  return readTaggedRecords(text, WOS_GRAMMAR, derwentToDraft);
}

export const derwentFormat = {
  id: "derwent" as const,
  label: "Derwent Innovations Index",
  detect: looksLikeDerwent,
  read: readDerwent,
} satisfies Format;
