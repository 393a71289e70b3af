// The USPTO XML formats before v4: pre-grant publications 2001–2004 (patent-application-publication,
// pap-v1.5/1.6) and grants 2001–2004 in WIPO ST.32 (PATDOC, numeric SDOBI tags: B110 number, B540 title,
// B721 inventors, B731 assignees, B511 IPC).
import type { RecordDraft } from "./build-record";
import { normaliseClassification } from "./classifications";
import { isoCountry, personName, present } from "./parties";
import { formatPatentNumber } from "./patent-number";
import type { XmlElement } from "./xml";
import { find, findAll, textAt, textOf, textsAt, toPlain } from "./xml-tree";

function papInventor(inventor: XmlElement): { name?: string; country?: string } {
  const name = find(inventor, "name");
  const given = [textAt(name, "given-name"), textAt(name, "middle-name"), textAt(name, "name-suffix")];
  const us = find(inventor, "residence/residence-us");
  const foreign = textAt(inventor, "residence/residence-non-us/country-code");
  const country = isoCountry(foreign ?? textAt(us, "country-code") ?? (us ? "US" : undefined));
  return { name: personName(textAt(name, "family-name"), ...given), country };
}

export function papDraft(document: XmlElement): RecordDraft {
  const biblio = find(document, "subdoc-bibliographic-information");
  const id = find(biblio, "document-id");
  const technical = find(biblio, "technical-information");
  const inventors = [...findAll(biblio, "inventors/first-named-inventor"), ...findAll(biblio, "inventors/inventor")].map(
    papInventor,
  );
  const ipc = find(technical, "classification-ipc");
  return {
    kind: "PATENT",
    title: textAt(technical, "title-of-invention"),
    abstract: textOf(find(document, "subdoc-abstract")),
    language: "en",
    dates: textsAt(id, "document-date"),
    authors: present(inventors.map((p) => p.name)),
    countries: present(inventors.map((p) => p.country)),
    classifications: [...textsAt(ipc, "classification-ipc-primary/ipc"), ...textsAt(ipc, "classification-ipc-secondary/ipc")],
    assignees: [...textsAt(biblio, "assignee/organization-name"), ...textsAt(biblio, "assignee/name")],
    patentNumber:
      formatPatentNumber({
        country: textAt(id, "country-code") ?? "US",
        number: textAt(id, "doc-number") ?? "",
        kind: textAt(id, "kind-code"),
      }) ?? undefined,
    raw: { [document.name]: toPlain(document) },
  };
}

/** ST.32 parties: <B721><PARTY-US><NAM><FNM/><SNM><STEXT/></SNM></NAM><ADR><CTRY/></ADR>. */
function st32Party(party: XmlElement): { name?: string; country?: string } {
  const nam = find(party, "*/NAM");
  const adr = find(party, "*/ADR");
  const name = textAt(nam, "ONM") ?? personName(textAt(nam, "SNM"), textAt(nam, "FNM"));
  return { name, country: isoCountry(textAt(adr, "CTRY") ?? (find(adr, "STATE") ? "US" : undefined)) };
}

export function st32Draft(document: XmlElement): RecordDraft {
  const sdobi = find(document, "SDOBI");
  const b100 = find(sdobi, "B100");
  const inventors = findAll(sdobi, "B700/B720/B721").map(st32Party);
  const assignees = findAll(sdobi, "B700/B730/B731").map(st32Party);
  // Design patents put their Locarno class in B511 ("1402"); only IPC symbols are classifications here.
  const ipc = textsAt(sdobi, "B500/B510/*").filter((code) => /^[A-HY]\d{2}[A-Z]/.test(normaliseClassification(code) ?? ""));
  return {
    kind: "PATENT",
    title: textAt(sdobi, "B500/B540"),
    abstract: textOf(find(document, "SDOAB")),
    language: "en",
    dates: textsAt(b100, "B140"),
    authors: present(inventors.map((p) => p.name)),
    countries: present([...inventors, ...assignees].map((p) => p.country)),
    classifications: ipc,
    assignees: present(assignees.map((p) => p.name)),
    patentNumber:
      formatPatentNumber({
        country: textAt(b100, "B190") ?? "US",
        number: textAt(b100, "B110") ?? "",
        kind: textAt(b100, "B130"),
      }) ?? undefined,
    raw: { [document.name]: toPlain(document), referencesCited: findAll(sdobi, "B500/B560/B561").length },
  };
}
