// Streaming CNKI E-Study (知网研学) export: "DataType: 1" opens each record, then bilingual field names
// ("Title-题名: …", "Author-作者: a;b;", "Summary-摘要: …"), with no blank line between records.
import type { RecordDraft } from "./build-record";
import { cleanAbstract, cnkiFileName, splitAddresses, splitKeywords, splitNames } from "./cnki-lists";
import type { Format } from "./formats";
import type { DocumentKind, ReadResult } from "./record";
import { firstValue, joined, readTaggedRecords, type TagGrammar, type Tags } from "./tagged-records";

// The Chinese half of the name is required, so an abstract line such as "Background: …" stays text.
const FIELD_LINE = /^([A-Za-z]+)-[^\x00-\x7f][^:：]{0,15}[:：] ?(.*)$/u;
const DATA_TYPE_LINE = /^DataType\s*[:：]\s*(.*)$/;

const ESTUDY_GRAMMAR: TagGrammar = {
  parse(line) {
    const dataType = DATA_TYPE_LINE.exec(line);
    if (dataType) return { tag: "DataType", value: dataType[1] };
    const match = FIELD_LINE.exec(line);
    return match ? { tag: match[1], value: match[2] } : null;
  },
  opens: "DataType",
  continuation: "join",
};

/** SrcDatabase-来源库 names the CNKI database: journals, theses, conferences, newspapers, patents, … */
function kindOf(database: string | undefined): DocumentKind {
  const db = database ?? "";
  if (db.includes("期刊")) return "PAPER";
  if (db.includes("会议")) return "CONFERENCE_PAPER";
  if (db.includes("报纸")) return "NEWS";
  if (db.includes("专利")) return "PATENT";
  return "OTHER";
}

export function estudyToDraft(tags: Tags): RecordDraft {
  return {
    kind: kindOf(firstValue(tags, "SrcDatabase")),
    title: joined(tags, "Title"),
    abstract: cleanAbstract(joined(tags, "Summary")),
    dates: [firstValue(tags, "PubTime"), firstValue(tags, "Year")].filter((d): d is string => Boolean(d)),
    authors: (tags.Author ?? []).flatMap(splitNames),
    affiliations: (tags.Organ ?? []).flatMap(splitAddresses),
    keywords: (tags.Keyword ?? []).flatMap(splitKeywords),
    venue: firstValue(tags, "Source"),
    doi: firstValue(tags, "DOI"),
    externalId: cnkiFileName(firstValue(tags, "Link")),
    raw: tags,
  };
}

/** "DataType: …" first, and a bilingual title field. */
function looksLikeEstudy(head: string): boolean {
  const first = head.split("\n").find((line) => line.trim() !== "") ?? "";
  return DATA_TYPE_LINE.test(first) && /^Title-[^:：\n]*[:：]/m.test(head);
}

function readEstudy(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  return readTaggedRecords(text, ESTUDY_GRAMMAR, estudyToDraft);
}

export const cnkiEstudyFormat = {
  id: "cnki-estudy" as const,
  label: "CNKI E-Study",
  detect: looksLikeEstudy,
  read: readEstudy,
} satisfies Format;
