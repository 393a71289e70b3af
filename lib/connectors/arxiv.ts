// arXiv's Atom API (https://info.arxiv.org/help/api/user-manual.html): start/max_results paging, at
// most one request every three seconds. arXiv sometimes answers a page with no entries although more
// results exist; such a page is asked for again before anything is concluded.
import { z } from "zod";
import { invalid } from "@/lib/errors";
import type { RecordDraft } from "@/lib/ingest/build-record";
import { buildRecord } from "@/lib/ingest/build-record";
import { arxivIdFrom } from "@/lib/ingest/normalise";
import type { ReadResult } from "@/lib/ingest/record";
import { apiClient, endpoint, pageSize, parseConfig, parseCursor } from "./api";
import { ConnectorError } from "./connector-error";
import type { HttpResponse } from "./http";
import type { Connector, ConnectorPage, PagesOptions } from "./types";
import { childNamed, childrenNamed, childText, NS, parseXml, XmlError, type XmlElement } from "./xml";

const LABEL = "arXiv";
const EMPTY_PAGE_TRIES = 4;

const ZConfig = z
  .object({
    /** Look up these ids (old "hep-th/9901001" or new "2301.01234" style) instead of, or within, a search. */
    idList: z.array(z.string().trim().min(1)).optional(),
    sortBy: z.enum(["relevance", "lastUpdatedDate", "submittedDate"]).default("relevance"),
    sortOrder: z.enum(["ascending", "descending"]).default("descending"),
    pageSize: z.number().int().min(1).max(2000).optional(),
  })
  .strict();

const ZCursor = z.object({ start: z.number().int().min(0) }).strict();

type Feed = { total: number; entries: XmlElement[] };

function readFeed(response: HttpResponse, page: number): Feed {
  const where = { connector: LABEL, page, url: response.url };
  let feed: XmlElement;
  try {
    feed = parseXml(response.body.toString("utf8"));
  } catch (error) {
    if (error instanceof XmlError) throw new ConnectorError(where, `the answer is ${error.message}`);
    throw error;
  }
  if (feed.name !== "feed" || feed.ns !== NS.atom) throw new ConnectorError(where, `expected an Atom feed, got <${feed.name}>`);
  const entries = childrenNamed(feed, "entry", NS.atom);
  // arXiv reports a bad query as a feed whose one entry is titled "Error" (HTTP 400).
  const error = entries.find((e) => /\/api\/errors/.test(childText(e, "id", NS.atom) ?? ""));
  if (error) throw invalid(`arXiv refused the query: ${(childText(error, "summary", NS.atom) ?? "").trim()}`);
  if (response.status !== 200) throw new ConnectorError({ ...where, status: response.status }, `HTTP ${response.status}`);
  const total = Number(childText(feed, "totalResults", NS.opensearch));
  if (!Number.isFinite(total)) throw new ConnectorError(where, "unexpected answer: the feed has no opensearch:totalResults");
  return { total, entries };
}

export function entryToRaw(entry: XmlElement): Record<string, unknown> {
  const text = (name: string, ns: string) => childText(entry, name, ns)?.trim();
  return {
    id: text("id", NS.atom),
    title: text("title", NS.atom),
    summary: text("summary", NS.atom),
    published: text("published", NS.atom),
    updated: text("updated", NS.atom),
    authors: childrenNamed(entry, "author", NS.atom).map((a) => ({
      name: childText(a, "name", NS.atom)?.trim(),
      affiliations: childrenNamed(a, "affiliation", NS.arxiv).map((x) => x.allText.trim()),
    })),
    categories: childrenNamed(entry, "category", NS.atom).map((c) => c.attributes.term),
    primaryCategory: childNamed(entry, "primary_category", NS.arxiv)?.attributes.term,
    doi: text("doi", NS.arxiv),
    journalRef: text("journal_ref", NS.arxiv),
    comment: text("comment", NS.arxiv),
    links: childrenNamed(entry, "link", NS.atom).map((l) => l.attributes),
  };
}

export function entryToDraft(raw: Record<string, unknown>): RecordDraft {
  const authors = raw.authors as { name?: string; affiliations: string[] }[];
  return {
    kind: "PAPER",
    title: raw.title as string | undefined,
    abstract: raw.summary as string | undefined,
    dates: [raw.published, raw.updated].filter((d): d is string => typeof d === "string").map((d) => d.slice(0, 10)),
    authors: authors.map((a) => a.name).filter((n): n is string => Boolean(n)),
    affiliations: authors.flatMap((a) => a.affiliations),
    venue: raw.journalRef as string | undefined,
    doi: raw.doi as string | undefined,
    arxivId: arxivIdFrom(raw.id as string | undefined) ?? undefined,
    externalId: raw.id as string | undefined,
    raw,
  };
}

async function* pages(options: PagesOptions): AsyncGenerator<ConnectorPage> {
  const config = parseConfig(options.config, { schema: ZConfig, label: LABEL });
  let start = parseCursor(options.cursor, { schema: ZCursor, label: LABEL })?.start ?? 0;
  let { records: position, pages: page } = options.done ?? { records: 0, pages: 0 };
  const http = apiClient(options, { label: LABEL, limiterKey: "arxiv", minIntervalMs: 3_000 });
  const size = pageSize(config.pageSize, { fallback: 100, limit: options.limit });
  for (;;) {
    page++;
    const url = endpoint({ base: options.settings.baseUrl, path: "/query" }, [
      ["search_query", options.query.trim()],
      ["id_list", (config.idList ?? []).join(",")],
      ["sortBy", config.sortBy],
      ["sortOrder", config.sortOrder],
      ["start", start],
      ["max_results", size],
    ]);
    let feed: Feed | null = null;
    for (let tries = 1; !feed; tries++) {
      const response = await http.request({ url, page, signal: options.signal, acceptStatus: (s) => s === 400 });
      const answer = readFeed(response, page);
      if (answer.entries.length > 0 || start >= answer.total) feed = answer;
      else if (tries >= EMPTY_PAGE_TRIES) {
        throw new ConnectorError({ connector: LABEL, page, url: response.url, retryable: true }, `came back empty ${tries} times although ${answer.total} results were announced`);
      } else http.settings.log?.(`[${LABEL}] page ${page} came back empty before result ${answer.total}; asking again`);
    }
    const records: ReadResult[] = feed.entries.map((entry) => buildRecord(entryToDraft(entryToRaw(entry)), { position: ++position }));
    start += feed.entries.length;
    const last = feed.entries.length === 0 || start >= feed.total;
    yield { records, next: last ? null : { start }, total: feed.total, page };
    if (last) return;
  }
}

export const arxiv: Connector = {
  id: "arxiv",
  label: LABEL,
  check(query, config) {
    const parsed = parseConfig(config, { schema: ZConfig, label: LABEL });
    if (!query.trim() && !parsed.idList?.length) throw invalid("arXiv needs a search query or a list of ids");
  },
  pages,
};
