// NSF Award Search XML (the bulk download: one <rootTag><Award> per file, files may be concatenated).
import type { RecordDraft } from "./build-record";
import type { Format } from "./formats";
import { personName, present } from "./parties";
import type { XmlElement } from "./xml";
import { readXmlFormat } from "./xml-reader";
import { findAll, textAt, textsAt, toPlain } from "./xml-tree";

// NSF writes placeholders where old awards have no data.
const MISSING = /^(data not available|name not available)$/i;

/** NSF dates are US-style "02/01/2016"; ISO is what the record wants. */
function isoOfUsDate(text: string | undefined): string | undefined {
  const m = text?.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  return m ? `${m[3]}-${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}` : text;
}

function investigators(award: XmlElement): string[] {
  const people = findAll(award, "Investigator");
  // The principal investigator first, then co-PIs in file order.
  const ordered = [
    ...people.filter((p) => /^principal investigator$/i.test(textAt(p, "RoleCode") ?? "")),
    ...people.filter((p) => !/^principal investigator$/i.test(textAt(p, "RoleCode") ?? "")),
  ];
  const names = ordered.map((p) => {
    const family = textAt(p, "LastName") ?? textAt(p, "PI_LAST_NAME");
    const given = textAt(p, "FirstName") ?? textAt(p, "PI_FIRST_NAME");
    return personName(family, given, textAt(p, "PI_MID_INIT")) ?? textAt(p, "PI_FULL_NAME");
  });
  return present(names).filter((name) => !MISSING.test(name));
}

function awardDraft(award: XmlElement): RecordDraft {
  const institution = findAll(award, "Institution")[0];
  const place = ["Name", "CityName", "StateName", "CountryName"].map((tag) => textAt(institution, tag));
  return {
    kind: "PROJECT",
    title: textAt(award, "AwardTitle"),
    abstract: textAt(award, "AbstractNarration"),
    language: "en",
    dates: present([isoOfUsDate(textAt(award, "AwardEffectiveDate"))]),
    authors: investigators(award),
    affiliations: institution ? [present(place).join(", ")] : [],
    keywords: textsAt(award, "ProgramElement/Text"),
    externalId: textAt(award, "AwardID"),
    raw: { Award: toPlain(award) },
  };
}

export const nsfAwardFormat = {
  id: "nsf-award" as const,
  label: "NSF award XML",
  detect: (head: string) => /<Award>/.test(head) && /<Award(?:ID|Title)>/.test(head),
  read: (text: AsyncIterable<string>) =>
    readXmlFormat(text, {
      isRecord: (name) => name === "Award",
      toDrafts: (award) => [awardDraft(award)],
      emptyMessage: "The NSF XML holds no <Award> element",
    }),
} satisfies Format;
