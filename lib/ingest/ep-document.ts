// EP publication server full text (ep-patent-document, DTD v1.0 to v1.5.1): WIPO ST.36 SDOBI tags —
// B110 number, B130 kind, B140 date, B540 titles per language, B510/B510EP IPC, B711 applicants,
// B721 inventors, B731 proprietors, B561 cited documents.
import type { RecordDraft } from "./build-record";
import { isoCountry, personName, present } from "./parties";
import { formatPatentNumber } from "./patent-number";
import type { XmlElement } from "./xml";
import { children, find, findAll, textAt, textOf, textsAt, toPlain } from "./xml-tree";

/** B540 alternates <B541>lang</B541><B542>title</B542>; the document's own language wins, then English. */
function titleOf(sdobi: XmlElement | undefined, language: string): string | undefined {
  const titles = new Map<string, string>();
  let lang = "";
  for (const element of children(find(sdobi, "B500/B540"))) {
    if (element.name === "B541") lang = textOf(element).toLowerCase();
    else if (element.name === "B542") titles.set(lang, textOf(element));
  }
  return titles.get(language) ?? titles.get("en") ?? [...titles.values()][0];
}

function abstractOf(document: XmlElement, language: string): string {
  const abstracts = children(document, "abstract");
  const inLanguage = (lang: string) => abstracts.find((a) => a.attributes.lang === lang);
  return textOf(inLanguage(language) ?? inLanguage("en") ?? abstracts[0]);
}

function party(element: XmlElement): { name?: string; country?: string } {
  return { name: personName(textAt(element, "snm"), textAt(element, "fnm")), country: isoCountry(textAt(element, "adr/ctry")) };
}

/** v1.5+: <classification-ipcr><text>B60R   7/06  20060101AFI…</text>; v1.0: <B511> 7C 07C  29/44   A</B511>. */
function classificationsOf(sdobi: XmlElement | undefined): string[] {
  return [
    ...textsAt(sdobi, "B500/B510EP/classification-ipcr/text"),
    ...textsAt(sdobi, "B500/B510/B511"),
    ...textsAt(sdobi, "B500/B510/B512"),
  ];
}

export function epDocumentDraft(document: XmlElement): RecordDraft {
  const sdobi = find(document, "SDOBI");
  const language = (document.attributes.lang ?? textAt(sdobi, "B200/B260") ?? "en").toLowerCase();
  const inventors = findAll(sdobi, "B700/B720/B721").map(party);
  const owners = [...findAll(sdobi, "B700/B730/B731"), ...findAll(sdobi, "B700/B710/B711")].map(party);
  const b100 = find(sdobi, "B100");
  return {
    kind: "PATENT",
    title: titleOf(sdobi, language),
    abstract: abstractOf(document, language),
    language,
    dates: present([textAt(b100, "B140/date"), document.attributes["date-publ"]]),
    authors: present(inventors.map((p) => p.name)),
    countries: present([...inventors, ...owners].map((p) => p.country)),
    classifications: classificationsOf(sdobi),
    assignees: present(owners.map((p) => p.name)),
    patentNumber:
      formatPatentNumber({
        country: textAt(b100, "B190") ?? document.attributes.country ?? "EP",
        number: textAt(b100, "B110") ?? document.attributes["doc-number"] ?? "",
        kind: textAt(b100, "B130") ?? document.attributes.kind,
      }) ?? undefined,
    raw: { [document.name]: toPlain(document), referencesCited: findAll(sdobi, "B500/B560/B561").length },
  };
}
