// Crossref works (https://api.crossref.org/swagger-ui): deep paging with `cursor=*` until a page has no
// items (the cursor value often stays the same from page to page; Crossref keeps the position), the
// polite pool via `mailto` and a User-Agent naming a contact, and the pace its X-Rate-Limit headers set.
import { z } from "zod";
import { invalid } from "@/lib/errors";
import type { RecordDraft } from "@/lib/ingest/build-record";
import { kindFromLabel } from "@/lib/ingest/csv-row";
import { apiClient, endpoint, parseConfig, parseCursor, parseJson, recordFrom } from "./api";
import type { Connector, ConnectorPage, PagesOptions } from "./types";

const LABEL = "Crossref";
const API_DEFAULT_ROWS = 20;

const ZConfig = z
  .object({
    /** Crossref filter syntax, e.g. "from-pub-date:2020-01-01,type:journal-article". */
    filter: z.string().trim().min(1).optional(),
    pageSize: z.number().int().min(1).max(1000).default(100),
  })
  .strict();

const ZCursor = z.object({ cursor: z.string().min(1) }).strict();

const strings = z.array(z.string()).nullish();
const ZDate = z.looseObject({ "date-parts": z.array(z.array(z.number().nullable())).nullish(), "date-time": z.string().nullish() }).nullish();
export const ZItem = z.looseObject({
  DOI: z.string(),
  type: z.string().nullish(),
  title: strings,
  subtitle: strings,
  abstract: z.string().nullish(),
  language: z.string().nullish(),
  "container-title": strings,
  subject: strings,
  "is-referenced-by-count": z.number().nullish(),
  author: z
    .array(z.looseObject({ given: z.string().nullish(), family: z.string().nullish(), name: z.string().nullish(), affiliation: z.array(z.looseObject({ name: z.string().nullish() })).nullish() }))
    .nullish(),
  published: ZDate,
  "published-print": ZDate,
  "published-online": ZDate,
  issued: ZDate,
  created: ZDate,
});
type Item = z.infer<typeof ZItem>;

const ZAnswer = z.object({
  status: z.literal("ok"),
  message: z.looseObject({ "next-cursor": z.string().nullish(), "total-results": z.number().nullish(), items: z.array(z.unknown()) }),
});

/** "2021-3-7" style text from Crossref's date-parts, or undefined when the year is missing. */
function fromParts(date: z.infer<typeof ZDate>): string | undefined {
  const [year, month, day] = date?.["date-parts"]?.[0] ?? [];
  if (!year) return undefined;
  const pad = (n: number) => String(n).padStart(2, "0");
  return [year, month && pad(month), month && day && pad(day)].filter(Boolean).join("-");
}

export function itemToDraft(item: Item): RecordDraft {
  const authors = item.author ?? [];
  const dates = [item.published, item["published-print"], item["published-online"], item.issued].map(fromParts);
  return {
    kind: item.type === "posted-content" ? "PAPER" : kindFromLabel(item.type ?? undefined, "PAPER"),
    title: [item.title?.[0], item.subtitle?.[0]].filter(Boolean).join(": ") || undefined,
    abstract: item.abstract ?? undefined,
    language: item.language ?? undefined,
    dates: [...dates, item.created?.["date-time"] ?? undefined].filter((d): d is string => Boolean(d)),
    authors: authors.map((a) => (a.family ? [a.family, a.given].filter(Boolean).join(", ") : a.name ?? "")).filter(Boolean),
    affiliations: authors.flatMap((a) => (a.affiliation ?? []).map((x) => x.name ?? "")).filter(Boolean),
    keywords: item.subject ?? [],
    venue: item["container-title"]?.[0],
    citationCount: item["is-referenced-by-count"]?.toString(),
    doi: item.DOI,
    externalId: item.DOI,
    raw: item as Record<string, unknown>,
  };
}

async function* pages(options: PagesOptions): AsyncGenerator<ConnectorPage> {
  const config = parseConfig(options.config, { schema: ZConfig, label: LABEL });
  let cursor = parseCursor(options.cursor, { schema: ZCursor, label: LABEL })?.cursor ?? "*";
  let { records: position, pages: page } = options.done ?? { records: 0, pages: 0 };
  const polite = Boolean(options.settings.contactEmail);
  const http = apiClient(options, { label: LABEL, limiterKey: "crossref", minIntervalMs: polite ? 100 : 200 });
  const rows = Math.min(config.pageSize, options.limit ?? Infinity);
  for (;;) {
    page++;
    const url = endpoint({ base: options.settings.baseUrl, path: "/works" }, [
      ["query", options.query.trim() || undefined],
      ["filter", config.filter],
      ["rows", rows === API_DEFAULT_ROWS ? undefined : rows],
      ["cursor", cursor],
      ["mailto", options.settings.contactEmail],
    ]);
    const response = await http.request({ url, page, signal: options.signal });
    const { message } = parseJson(response, { schema: ZAnswer, connector: LABEL, page });
    const records = message.items.map((item) => recordFrom(item, { schema: ZItem, position: ++position, toDraft: itemToDraft }));
    const total = message["total-results"] ?? null;
    const next = message["next-cursor"];
    const last = records.length === 0 || !next || (total !== null && position >= total);
    yield { records, next: last ? null : { cursor: next }, total, page };
    if (last) return;
    cursor = next;
  }
}

export const crossref: Connector = {
  id: "crossref",
  label: LABEL,
  check(query, config) {
    const parsed = parseConfig(config, { schema: ZConfig, label: LABEL });
    if (!query.trim() && !parsed.filter) throw invalid("Crossref needs a search query or a filter");
  },
  pages,
};
