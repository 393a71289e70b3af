// USPTO red-book XML v4.x (2005–today): us-patent-grant and us-patent-application. Parties moved
// over the versions (parties/applicants with app-type="applicant-inventor" in v4.0–4.1, us-parties/
// inventors from v4.2), and IPC went from "G06F015/00" text to split IPCR fields; both are read.
import type { RecordDraft } from "./build-record";
import { classificationFromParts } from "./classifications";
import { isoCountry, personName, present } from "./parties";
import { formatPatentNumber } from "./patent-number";
import type { XmlElement } from "./xml";
import { children, find, findAll, textAt, textOf, textsAt, toPlain } from "./xml-tree";

type Party = { name?: string; country?: string };

function partyOf(party: XmlElement): Party {
  const book = find(party, "addressbook") ?? party;
  const name = textAt(book, "orgname") ?? personName(textAt(book, "last-name"), textAt(book, "first-name"));
  const country = isoCountry(textAt(book, "address/country")) ?? isoCountry(textAt(party, "residence/country"));
  return { name, country };
}

function inventorsOf(biblio: XmlElement | undefined): Party[] {
  const parties = find(biblio, "us-parties") ?? find(biblio, "parties");
  const inventors = findAll(parties, "inventors/inventor");
  if (inventors.length > 0) return inventors.map(partyOf);
  const applicants = [...findAll(parties, "applicants/applicant"), ...findAll(parties, "us-applicants/us-applicant")];
  return applicants.filter((a) => a.attributes["app-type"] === "applicant-inventor").map(partyOf);
}

function assigneesOf(biblio: XmlElement | undefined): Party[] {
  const assignees = findAll(biblio, "assignees/assignee").map(partyOf);
  // From v4.3 an applicant that is not an inventor is the assignee named at filing.
  const applicants = findAll(biblio, "us-parties/us-applicants/us-applicant")
    .filter((a) => a.attributes["applicant-authority-category"] === "assignee")
    .map(partyOf);
  return [...assignees, ...applicants];
}

/** IPCR and CPC entries come as split fields; the v4.0–4.1 IPC as text ("G06F015/00"). */
function classificationsOf(biblio: XmlElement | undefined): string[] {
  const split = (entry: XmlElement) =>
    classificationFromParts({
      section: textAt(entry, "section"),
      class: textAt(entry, "class"),
      subclass: textAt(entry, "subclass"),
      mainGroup: textAt(entry, "main-group"),
      subgroup: textAt(entry, "subgroup"),
    });
  const ipcText = findAll(biblio, "classification-ipc").flatMap((ipc) => [
    ...textsAt(ipc, "main-classification"),
    ...textsAt(ipc, "further-classification"),
  ]);
  const ipcr = findAll(biblio, "classifications-ipcr/classification-ipcr").map(split);
  const cpc = [
    ...findAll(biblio, "classifications-cpc/main-cpc/classification-cpc"),
    ...findAll(biblio, "classifications-cpc/further-cpc/classification-cpc"),
  ].map(split);
  return present([...ipcText, ...ipcr, ...cpc]);
}

function citationsOf(biblio: XmlElement | undefined): number {
  const list = find(biblio, "us-references-cited") ?? find(biblio, "references-cited");
  return children(list).filter((c) => c.name === "us-citation" || c.name === "citation").length;
}

export function usPatentV4Draft(document: XmlElement): RecordDraft {
  const biblio = children(document).find((c) => c.name.startsWith("us-bibliographic-data"));
  const publication = find(biblio, "publication-reference/document-id");
  const inventors = inventorsOf(biblio);
  const assignees = assigneesOf(biblio);
  return {
    kind: "PATENT",
    title: textAt(biblio, "invention-title"),
    abstract: textOf(find(document, "abstract")),
    language: document.attributes.lang,
    dates: present([textAt(publication, "date"), document.attributes["date-publ"]]),
    authors: present(inventors.map((p) => p.name)),
    countries: present([...inventors, ...assignees].map((p) => p.country)),
    classifications: classificationsOf(biblio),
    assignees: present(assignees.map((p) => p.name)),
    patentNumber:
      formatPatentNumber({
        country: textAt(publication, "country") ?? "US",
        number: textAt(publication, "doc-number") ?? "",
        kind: textAt(publication, "kind"),
      }) ?? undefined,
    raw: { [document.name]: toPlain(document), referencesCited: citationsOf(biblio) },
  };
}
