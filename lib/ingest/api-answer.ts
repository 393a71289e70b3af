// Saved API answers imported as files: an analyst who downloaded a page of OpenAlex, Crossref,
// Semantic Scholar or PatentsView JSON, or an arXiv Atom feed, imports it like an export. The records
// are mapped by the connectors' own functions, so a saved page and a collected one give the same
// documents. Answers that list something other than documents (institutions, inventors, facet counts)
// get one error that says what they are.
//
// An answer is one JSON document (or one feed), so it is parsed whole; API pages are small (OpenAlex
// ≤ 200 works, Semantic Scholar bulk ≤ 1,000 papers), and anything over MAX_ANSWER_CHARS is refused.
import { z } from "zod";
import { entryToDraft, entryToRaw } from "@/lib/connectors/arxiv";
import { recordFrom } from "@/lib/connectors/api";
import { itemToDraft, ZItem } from "@/lib/connectors/crossref";
import { workToDraft, ZWork } from "@/lib/connectors/openalex";
import { patentToDraft, ZPatent } from "@/lib/connectors/patentsview";
import { paperToDraft, ZPaper } from "@/lib/connectors/semantic-scholar";
import { childrenNamed, NS, parseXml, XmlError } from "@/lib/connectors/xml";
import { buildRecord } from "./build-record";
import type { Format } from "./formats";
import type { ReadResult } from "./record";

const MAX_ANSWER_CHARS = 64 * 1024 * 1024;

/** What kind of answer the head shows, from keys only those APIs write. */
function answerKind(head: string): "openalex" | "crossref" | "semantic-scholar" | "patentsview" | "arxiv" | "error" | null {
  const start = head.trimStart();
  if (start.startsWith("<")) return /<feed[^>]*xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/.test(head) && head.includes("arxiv.org") ? "arxiv" : null;
  if (!start.startsWith("{") && !start.startsWith("[")) return null;
  if (/^\{\s*"(error|message)"\s*:\s*"[^"]*"\s*\}\s*$/.test(start)) return "error"; // {"error": "Paper … not found"}
  if (/"https:\/\/openalex\.org\/[A-Z]\d+"/.test(head) || (/"meta"\s*:/.test(head) && /"(results|group_by)"\s*:/.test(head) && /"db_response_time_ms"|"per_page"/.test(head))) return "openalex";
  if (/"message-type"\s*:\s*"work(-list)?"/.test(head) || (/"items"\s*:\s*\[/.test(head) && /"DOI"\s*:/.test(head) && /"member"\s*:/.test(head))) return "crossref";
  if (/"paperId"\s*:/.test(head)) return "semantic-scholar";
  if (/"total_hits"\s*:/.test(head) && /"error"\s*:\s*false/.test(head)) return "patentsview";
  return null;
}

const ZPublication = z.looseObject({
  document_number: z.union([z.number(), z.string()]),
  publication_title: z.string().nullish(),
  publication_abstract: z.string().nullish(),
  publication_date: z.string().nullish(),
  publication_year: z.number().nullish(),
});

/** The documents in one answer, or the reason it holds none. */
function documentsOf(kind: NonNullable<ReturnType<typeof answerKind>>, json: unknown): { items: unknown[]; toResult: (item: unknown, position: number) => ReadResult } | string {
  const object = (json ?? {}) as Record<string, unknown>;
  switch (kind) {
    case "error":
      return `an error answer from the API ("${String(object.error ?? object.message)}")`;
    case "openalex": {
      if (Array.isArray(object.group_by) && object.group_by.length > 0) return "an OpenAlex group_by answer (counts per group), not works";
      const works = Array.isArray(object.results) ? object.results : [object];
      const first = works[0] as { id?: string } | undefined;
      if (first?.id && !/openalex\.org\/W\d+$/.test(first.id)) return `an OpenAlex answer about ${entityName(first.id)}, not works`;
      return { items: works, toResult: (item, position) => recordFrom(item, { schema: ZWork, position, toDraft: workToDraft }) };
    }
    case "crossref": {
      const message = object.message as Record<string, unknown> | undefined;
      const items = Array.isArray(message?.items) ? message.items : Array.isArray(object.items) ? object.items : message ? [message] : [];
      return { items, toResult: (item, position) => recordFrom(item, { schema: ZItem, position, toDraft: itemToDraft }) };
    }
    case "semantic-scholar": {
      const list = Array.isArray(json) ? json : Array.isArray(object.data) ? object.data : [object];
      // Reference and citation pages wrap each paper as { citedPaper } or { citingPaper }.
      const papers = list.map((p) => ((p as Record<string, unknown>)?.citedPaper ?? (p as Record<string, unknown>)?.citingPaper ?? p));
      return { items: papers, toResult: (item, position) => recordFrom(item, { schema: ZPaper, position, toDraft: paperToDraft }) };
    }
    case "patentsview": {
      if (Array.isArray(object.patents)) return { items: object.patents, toResult: (item, position) => recordFrom(item, { schema: ZPatent, position, toDraft: patentToDraft }) };
      if (Array.isArray(object.publications)) return { items: object.publications, toResult: publicationResult };
      const listed = Object.keys(object).find((key) => Array.isArray(object[key]));
      return `a PatentsView answer that lists ${listed ?? "no documents"}, not patents or publications`;
    }
    case "arxiv":
      throw new Error("arXiv feeds are read as XML");
  }
}

function entityName(id: string): string {
  const letter = /openalex\.org\/([A-Z])/.exec(id)?.[1];
  return ({ A: "an author", I: "an institution", S: "a source", C: "a concept", T: "a topic", P: "a publisher", F: "a funder" } as Record<string, string>)[letter ?? ""] ?? "another entity";
}

/** A PatentsView pre-grant publication (the patents mapping covers grants). */
function publicationResult(item: unknown, position: number): ReadResult {
  const parsed = ZPublication.safeParse(item);
  if (!parsed.success) return { ok: false, position, message: `Record ${position} is not a PatentsView publication` };
  const p = parsed.data;
  return buildRecord(
    {
      kind: "PATENT",
      title: p.publication_title ?? undefined,
      abstract: p.publication_abstract ?? undefined,
      dates: [p.publication_date, p.publication_year?.toString()].filter((d): d is string => Boolean(d)),
      patentNumber: `US${p.document_number}`,
      externalId: String(p.document_number),
      raw: p,
    },
    { position },
  );
}

async function readWhole(text: AsyncIterable<string>): Promise<string | null> {
  let whole = "";
  for await (const chunk of text) {
    whole += chunk;
    if (whole.length > MAX_ANSWER_CHARS) return null;
  }
  return whole;
}

async function* readAnswer(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  const whole = await readWhole(text);
  if (whole === null) {
    yield { ok: false, position: 1, message: `The API answer is larger than ${MAX_ANSWER_CHARS / 1024 / 1024} MB; save it in pages` };
    return;
  }
  const kind = answerKind(whole.slice(0, 16 * 1024));
  if (kind === "arxiv") {
    yield* readArxivFeed(whole);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(whole);
  } catch (error) {
    yield { ok: false, position: 1, message: `The API answer is not valid JSON (${(error as Error).message}); it may have been cut off` };
    return;
  }
  const documents = kind ? documentsOf(kind, json) : "an answer of an unknown API";
  if (typeof documents === "string") {
    yield { ok: false, position: 1, message: `The file is ${documents}; nothing to import` };
    return;
  }
  let position = 0;
  for (const item of documents.items) yield documents.toResult(item, ++position);
}

function* readArxivFeed(text: string): Generator<ReadResult> {
  let feed;
  try {
    feed = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    yield { ok: false, position: 1, message: `The arXiv feed is not well-formed XML: ${error.message}` };
    return;
  }
  let position = 0;
  for (const entry of childrenNamed(feed, "entry", NS.atom)) {
    const raw = entryToRaw(entry);
    position++;
    // arXiv answers a bad id with a feed whose one entry is an error report.
    if (/\/api\/errors/.test(String(raw.id ?? ""))) yield { ok: false, position, message: `arXiv reported an error: ${String(raw.summary ?? "").trim()}` };
    else yield buildRecord(entryToDraft(raw), { position });
  }
}

export const apiAnswerFormat = {
  id: "api-answer" as const,
  label: "saved API answer (OpenAlex, Crossref, Semantic Scholar, PatentsView JSON; arXiv Atom)",
  detect: (head: string) => answerKind(head) !== null,
  read: readAnswer,
} satisfies Format;
