// European patents as XML: EP publication-server documents and EPO OPS answers (see epo-ops.ts).
import { epDocumentDraft } from "./ep-document";
import { exchangeDraft, opsOutcomes } from "./epo-ops";
import type { Format } from "./formats";
import { localName, type XmlElement } from "./xml";
import { readXmlFormat, type XmlOutcome } from "./xml-reader";

/** Which elements are records; an exchange-document inside a family member belongs to that member. */
function isRecord(name: string, ancestors: readonly string[]): boolean {
  const local = localName(name);
  const parent = ancestors.length > 0 ? localName(ancestors[ancestors.length - 1]) : "";
  if (local === "ep-patent-document") return ancestors.length === 0;
  if (local === "exchange-document" || local === "family-member" || local === "fulltext-document") return true;
  return local === "publication-reference" && parent === "search-result";
}

function* epOutcomes(element: XmlElement): Generator<XmlOutcome> {
  if (element.name === "ep-patent-document") yield epDocumentDraft(element);
  else if (element.name === "exchange-document") yield exchangeDraft(element);
  else yield* opsOutcomes(element);
}

export const epXmlFormat = {
  id: "ep-xml" as const,
  label: "EP / EPO OPS patent XML",
  detect: (head: string) =>
    /<ep-patent-document[\s>]/.test(head) ||
    (/<(?:\w+:)?(?:world-patent-data|exchange-documents)[\s>]/.test(head) && head.includes("http://www.epo.org/")),
  read: (text: AsyncIterable<string>) =>
    readXmlFormat(text, {
      isRecord,
      skip: new Set(["description", "claims", "drawings", "ep-reference-list", "search-report-data", "copyright"]),
      toDrafts: epOutcomes,
      emptyMessage:
        "The EP / EPO OPS XML holds no patent document (ep-patent-document, exchange-document or OPS publication list)",
    }),
} satisfies Format;
