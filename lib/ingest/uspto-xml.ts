// USPTO full-text XML: one document per file, or the weekly bulk files (ipg*/ipa*) that concatenate
// thousands of documents, each with its own <?xml?> and DOCTYPE. Descriptions, claims and drawings are
// skipped unread, so a record costs only its bibliographic part.
import type { Format } from "./formats";
import type { XmlElement } from "./xml";
import { readXmlFormat, type XmlOutcome } from "./xml-reader";
import { papDraft, st32Draft } from "./uspto-legacy";
import { usPatentV4Draft } from "./uspto-v4";

const READERS: Record<string, (document: XmlElement) => XmlOutcome> = {
  "us-patent-grant": usPatentV4Draft,
  "us-patent-application": usPatentV4Draft,
  "patent-application-publication": papDraft,
  PATDOC: st32Draft,
};

const SKIP = new Set([
  "description", "claims", "drawings", "us-sequence-list-doc", "us-chemistry", "us-math", "us-claim-statement",
  "subdoc-description", "subdoc-claims", "subdoc-drawings", "SDODE", "SDOCL", "SDODR",
]);

export const usptoXmlFormat = {
  id: "uspto-xml" as const,
  label: "USPTO patent XML",
  detect: (head: string) => /<(?:us-patent-grant|us-patent-application|patent-application-publication|PATDOC)[\s>]/.test(head),
  read: (text: AsyncIterable<string>) =>
    readXmlFormat(text, {
      isRecord: (name) => Object.hasOwn(READERS, name),
      skip: SKIP,
      toDrafts: (document) => [READERS[document.name](document)],
      emptyMessage: "The USPTO XML file holds no patent document (us-patent-grant, us-patent-application, PATDOC)",
    }),
} satisfies Format;
