// EPO OPS 3.2 answers (ops:world-patent-data). Bibliographic answers (published-data biblio, full-cycle,
// search or family with the biblio constituent) hold exchange-documents and import. Family, legal,
// claims, description and plain search answers name publications without title or abstract: each
// publication they list becomes an error that says which request returns its bibliographic data.
import type { RecordDraft } from "./build-record";
import { classificationFromParts } from "./classifications";
import { isoCountry, present } from "./parties";
import { formatPatentNumber } from "./patent-number";
import type { XmlElement } from "./xml";
import type { XmlOutcome } from "./xml-reader";
import { children, descendants, find, findAll, textAt, textOf, textsAt, toPlain } from "./xml-tree";

function byLanguage(elements: XmlElement[]): XmlElement | undefined {
  return elements.find((e) => e.attributes.lang === "en") ?? elements[0];
}

/**
 * Names come twice: "epodoc" ("KOSMAN WILHELMUS JACOBUS MARIA [NL]", country in brackets) and "original"
 * ("KOSMAN, WILHELMUS JACOBUS MARIA"). The original spelling is kept; both put the family name first.
 */
function namesOf(list: XmlElement | undefined, item: "inventor" | "applicant"): { names: string[]; countries: string[] } {
  const entries = children(list, item);
  const named = (format: string) =>
    entries.filter((e) => e.attributes["data-format"] === format).map((e) => textOf(find(e, "*/name")));
  const originals = named("original");
  const epodoc = named("epodoc");
  // An inventor without a comma is written "FAMILY GIVEN": the first word is the family name.
  const clean = (name: string) => {
    const bare = name.replace(/\s*\[[A-Z]{2}\]\s*$/, "").replace(/[\s,;]+$/, "").trim();
    return item === "applicant" || bare.includes(",") ? bare : bare.replace(/^(\S+)\s+(?=\S)/, "$1, ");
  };
  const countries = [...epodoc, ...originals].map((name) => isoCountry(name.match(/\[([A-Z]{2})\]\s*$/)?.[1]));
  return { names: present((originals.length > 0 ? originals : epodoc).map(clean)), countries: present(countries) };
}

function classificationsOf(biblio: XmlElement | undefined): string[] {
  const cpc = findAll(biblio, "patent-classifications/patent-classification")
    .filter((c) => /^CPC/.test(find(c, "classification-scheme")?.attributes.scheme ?? ""))
    .map((c) =>
      classificationFromParts({
        section: textAt(c, "section"),
        class: textAt(c, "class"),
        subclass: textAt(c, "subclass"),
        mainGroup: textAt(c, "main-group"),
        subgroup: textAt(c, "subgroup"),
      }),
    );
  const ipc = [...textsAt(biblio, "classifications-ipcr/classification-ipcr/text"), ...textsAt(biblio, "classification-ipc/text")];
  return present([...ipc, ...cpc]);
}

function docdbId(reference: XmlElement | undefined): XmlElement | undefined {
  const ids = children(reference, "document-id");
  return ids.find((id) => id.attributes["document-id-type"] === "docdb") ?? ids[0];
}

export function exchangeDraft(document: XmlElement): XmlOutcome {
  const biblio = find(document, "bibliographic-data");
  const number = formatPatentNumber({
    country: document.attributes.country,
    number: document.attributes["doc-number"] ?? "",
    kind: document.attributes.kind,
  });
  if (!biblio) return { error: `(${number ?? "?"}) is an EPO OPS exchange-document without bibliographic data` };
  const title = byLanguage(children(biblio, "invention-title"));
  const inventors = namesOf(find(biblio, "parties/inventors"), "inventor");
  const applicants = namesOf(find(biblio, "parties/applicants"), "applicant");
  const published = docdbId(find(biblio, "publication-reference"));
  const draft: RecordDraft = {
    kind: "PATENT",
    title: textOf(title),
    abstract: textOf(byLanguage(children(document, "abstract"))),
    language: title?.attributes.lang,
    dates: textsAt(published, "date"),
    authors: inventors.names,
    countries: present([...inventors.countries, ...applicants.countries]),
    classifications: classificationsOf(biblio),
    assignees: applicants.names,
    patentNumber: number ?? undefined,
    raw: { [document.name]: toPlain(document), referencesCited: findAll(biblio, "references-cited/citation").length },
  };
  return draft;
}

/** "EP1000000A1" and the docdb form OPS wants in a URL ("EP.1000000.A1"). */
function publicationOf(reference: XmlElement | undefined): { number: string; docdb: string } {
  const id = docdbId(reference);
  const [country, doc, kind] = [textAt(id, "country") ?? "", textAt(id, "doc-number") ?? "", textAt(id, "kind") ?? ""];
  const number = formatPatentNumber({ country, number: doc, kind }) ?? (doc || "an unnamed publication");
  return { number, docdb: [country, doc, kind].filter(Boolean).join(".") };
}

const FETCH = (docdb: string) =>
  `fetch its bibliographic data (OPS published-data/publication/docdb/${docdb}/biblio) and import that answer`;

/** The outcomes of one OPS element that is not an exchange-document. */
export function* opsOutcomes(element: XmlElement): Generator<XmlOutcome> {
  if (element.name === "family-member") {
    const documents = descendants(element, "exchange-document");
    if (documents.length > 0) {
      yield* documents.map(exchangeDraft);
      return;
    }
    const { number, docdb } = publicationOf(find(element, "publication-reference"));
    const answer = children(element, "legal").length > 0 ? "legal-status answer (legal events only)" : "family answer";
    yield { error: `is ${number} from an EPO OPS ${answer}, without title or abstract; ${FETCH(docdb)}` };
  } else if (element.name === "fulltext-document") {
    const { number, docdb } = publicationOf(find(element, "bibliographic-data/publication-reference"));
    const part = ["claims", "description"].filter((name) => find(element, name)).join(" and ");
    yield { error: `is the ${part || "full text"} of ${number} from EPO OPS, without title or abstract; ${FETCH(docdb)}` };
  } else {
    const { number, docdb } = publicationOf(element);
    yield { error: `is ${number} from an EPO OPS search answer that lists publication numbers only; ${FETCH(docdb)}` };
  }
}
