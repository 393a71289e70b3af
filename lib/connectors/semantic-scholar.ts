// Semantic Scholar's Graph API (https://api.semanticscholar.org/api-docs/graph): bulk search paged by a
// continuation `token` (the default: it reaches every match), or relevance search paged by offset/limit
// (at most the first 1,000). The key goes in the x-api-key header; one request a second with a key.
import { z } from "zod";
import { invalid } from "@/lib/errors";
import type { RecordDraft } from "@/lib/ingest/build-record";
import { apiClient, endpoint, pageSize, parseConfig, parseCursor, parseJson, recordFrom } from "./api";
import type { Connector, ConnectorPage, PagesOptions } from "./types";

const LABEL = "Semantic Scholar";
const SEARCH_WINDOW = 1_000; // relevance search never returns results past offset + limit = 1000

const DEFAULT_FIELDS = "title,abstract,year,publicationDate,authors,venue,externalIds,citationCount,fieldsOfStudy,publicationTypes";

const ZConfig = z
  .object({
    mode: z.enum(["bulk", "search"]).default("bulk"),
    fields: z.string().trim().min(1).default(DEFAULT_FIELDS),
    /** Extra query parameters the API documents: year, publicationDateOrYear, fieldsOfStudy, venue, minCitationCount… */
    filters: z.record(z.string().regex(/^[A-Za-z]+$/), z.string()).default({}),
    pageSize: z.number().int().min(1).max(100).optional(),
  })
  .strict();

const ZCursor = z.union([z.object({ token: z.string().min(1) }).strict(), z.object({ offset: z.number().int().min(0) }).strict()]);

const text = z.string().nullish();
export const ZPaper = z.looseObject({
  paperId: z.string().nullish(), // null for a reference that Semantic Scholar has not resolved to a paper
  title: text,
  abstract: text,
  year: z.number().nullish(),
  publicationDate: text,
  venue: text,
  citationCount: z.number().nullish(),
  publicationTypes: z.array(z.string()).nullish(),
  externalIds: z.record(z.string(), z.unknown()).nullish(),
  authors: z.array(z.looseObject({ name: text })).nullish(),
});
type Paper = z.infer<typeof ZPaper>;

const ZBulk = z.object({ total: z.number().nullish(), token: z.string().nullish(), data: z.array(z.unknown()).nullish() });
const ZSearch = z.object({ total: z.number().nullish(), offset: z.number().nullish(), next: z.number().nullish(), data: z.array(z.unknown()).nullish() });

const id = (ids: Record<string, unknown>, name: string) => (ids[name] === undefined || ids[name] === null ? undefined : String(ids[name]));

export function paperToDraft(paper: Paper): RecordDraft {
  const ids = paper.externalIds ?? {};
  return {
    kind: paper.publicationTypes?.includes("Conference") ? "CONFERENCE_PAPER" : "PAPER",
    title: paper.title ?? undefined,
    abstract: paper.abstract ?? undefined,
    dates: [paper.publicationDate, paper.year?.toString()].filter((d): d is string => Boolean(d)),
    authors: (paper.authors ?? []).map((a) => a.name ?? "").filter(Boolean),
    venue: paper.venue || undefined,
    citationCount: paper.citationCount?.toString(),
    doi: id(ids, "DOI"),
    arxivId: id(ids, "ArXiv"),
    pmid: id(ids, "PubMed"),
    externalId: paper.paperId ?? undefined,
    raw: paper as Record<string, unknown>,
  };
}

async function* pages(options: PagesOptions): AsyncGenerator<ConnectorPage> {
  const config = parseConfig(options.config, { schema: ZConfig, label: LABEL });
  const resume = parseCursor(options.cursor, { schema: ZCursor, label: LABEL });
  let token = resume && "token" in resume ? resume.token : undefined;
  let offset = resume && "offset" in resume ? resume.offset : 0;
  let { records: position, pages: page } = options.done ?? { records: 0, pages: 0 };
  const key = options.settings.apiKey;
  const http = apiClient(options, { label: LABEL, limiterKey: "semantic-scholar", minIntervalMs: key ? 1_100 : 3_000, headers: key ? { "x-api-key": key } : {} });
  const limit = pageSize(config.pageSize, { fallback: 100, limit: options.limit });
  const bulk = config.mode === "bulk";
  for (;;) {
    page++;
    const url = endpoint({ base: options.settings.baseUrl, path: bulk ? "/paper/search/bulk" : "/paper/search" }, [
      ["query", options.query.trim()],
      ...Object.entries(config.filters),
      ["token", bulk ? token : undefined],
      ["fields", config.fields],
      ["offset", bulk ? undefined : offset],
      ["limit", bulk ? undefined : Math.min(limit, SEARCH_WINDOW - offset)],
    ]);
    const response = await http.request({ url, page, signal: options.signal });
    const answer = bulk ? parseJson(response, { schema: ZBulk, connector: LABEL, page }) : parseJson(response, { schema: ZSearch, connector: LABEL, page });
    const data = answer.data ?? [];
    const records = data.map((paper) => recordFrom(paper, { schema: ZPaper, position: ++position, toDraft: paperToDraft }));
    let next: { token: string } | { offset: number } | null = null;
    if ("token" in answer && answer.token && data.length > 0) next = { token: answer.token };
    if ("next" in answer && typeof answer.next === "number" && answer.next < SEARCH_WINDOW && data.length > 0) next = { offset: answer.next };
    yield { records, next, total: answer.total ?? null, page };
    if (!next) return;
    if ("token" in next) token = next.token;
    else offset = next.offset;
  }
}

export const semanticScholar: Connector = {
  id: "semantic-scholar",
  label: LABEL,
  check(query, config) {
    parseConfig(config, { schema: ZConfig, label: LABEL });
    if (!query.trim()) throw invalid("Semantic Scholar needs a search query");
  },
  pages,
};
