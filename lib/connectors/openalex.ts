// OpenAlex works (https://docs.openalex.org): search + filter, cursor paging from `cursor=*` until
// `next_cursor` is null; the key goes in `api_key`, the contact in `mailto`. Ten requests a second at most.
import { z } from "zod";
import { invalid } from "@/lib/errors";
import type { RecordDraft } from "@/lib/ingest/build-record";
import { kindFromLabel } from "@/lib/ingest/csv-row";
import { arxivIdFrom } from "@/lib/ingest/normalise";
import { apiClient, endpoint, pageSize, parseConfig, parseCursor, parseJson, recordFrom } from "./api";
import type { Connector, ConnectorPage, PagesOptions } from "./types";

const LABEL = "OpenAlex";

const ZConfig = z
  .object({
    /** OpenAlex filter syntax, e.g. "publication_year:>2019,type:article". */
    filter: z.string().trim().min(1).optional(),
    sort: z.string().trim().min(1).optional(),
    pageSize: z.number().int().min(1).max(200).optional(),
  })
  .strict();

const ZCursor = z.object({ cursor: z.string().min(1) }).strict();

const text = z.string().nullish();
export const ZWork = z.looseObject({
  id: z.string(),
  doi: text,
  title: text,
  display_name: text,
  publication_year: z.number().nullish(),
  publication_date: text,
  language: text,
  type: text,
  type_crossref: text,
  cited_by_count: z.number().nullish(),
  ids: z.record(z.string(), z.unknown()).nullish(),
  abstract_inverted_index: z.record(z.string(), z.array(z.number())).nullish(),
  authorships: z
    .array(
      z.looseObject({
        author: z.looseObject({ display_name: text }).nullish(),
        raw_author_name: text,
        raw_affiliation_strings: z.array(z.string()).nullish(),
        institutions: z.array(z.looseObject({ display_name: text, country_code: text })).nullish(),
        countries: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
  keywords: z.array(z.looseObject({ display_name: text })).nullish(),
  primary_location: z.looseObject({ source: z.looseObject({ display_name: text }).nullish() }).nullish(),
  locations: z.array(z.looseObject({ landing_page_url: text })).nullish(),
});
type Work = z.infer<typeof ZWork>;

const ZAnswer = z.object({
  meta: z.looseObject({ count: z.number().nullish(), next_cursor: z.string().nullable().optional() }),
  results: z.array(z.unknown()),
});

/**
 * The abstract OpenAlex ships as word → positions.
 * @example abstractFromIndex({ Hello: [0], world: [1] }) // => "Hello world"
 */
export function abstractFromIndex(index: Record<string, number[]> | null | undefined): string {
  if (!index) return "";
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) for (const at of positions) words[at] = word;
  return words.filter((w) => w !== undefined).join(" ");
}

const present = (values: (string | null | undefined)[]) => values.filter((v): v is string => Boolean(v));

export function workToDraft(work: Work): RecordDraft {
  const authorships = work.authorships ?? [];
  const ids = work.ids ?? {};
  const arxiv = (work.locations ?? []).map((l) => l.landing_page_url).find((u) => u && /arxiv\.org\/abs\//i.test(u));
  return {
    kind: kindFromLabel(work.type_crossref ?? work.type ?? undefined, "PAPER"),
    title: work.title ?? work.display_name ?? undefined,
    abstract: abstractFromIndex(work.abstract_inverted_index),
    language: work.language ?? undefined,
    dates: present([work.publication_date, work.publication_year?.toString()]),
    authors: present(authorships.map((a) => a.author?.display_name ?? a.raw_author_name)),
    affiliations: authorships.flatMap((a) => a.raw_affiliation_strings ?? []),
    countries: present(authorships.flatMap((a) => [...(a.countries ?? []), ...(a.institutions ?? []).map((i) => i.country_code)])),
    keywords: present((work.keywords ?? []).map((k) => k.display_name)),
    venue: work.primary_location?.source?.display_name ?? undefined,
    citationCount: work.cited_by_count?.toString(),
    doi: work.doi ?? (typeof ids.doi === "string" ? ids.doi : undefined),
    pmid: typeof ids.pmid === "string" ? ids.pmid : undefined,
    arxivId: arxivIdFrom(arxiv) ?? undefined,
    externalId: work.id.replace(/^https?:\/\/openalex\.org\//, ""),
    raw: work as Record<string, unknown>,
  };
}

async function* pages(options: PagesOptions): AsyncGenerator<ConnectorPage> {
  const config = parseConfig(options.config, { schema: ZConfig, label: LABEL });
  let cursor = parseCursor(options.cursor, { schema: ZCursor, label: LABEL })?.cursor ?? "*";
  let { records: position, pages: page } = options.done ?? { records: 0, pages: 0 };
  const http = apiClient(options, { label: LABEL, limiterKey: "openalex", minIntervalMs: 100 });
  const perPage = pageSize(config.pageSize, { fallback: 200, limit: options.limit });
  for (;;) {
    page++;
    const url = endpoint({ base: options.settings.baseUrl, path: "/works" }, [
      ["search", options.query.trim() || undefined],
      ["filter", config.filter],
      ["sort", config.sort],
      ["per-page", perPage],
      ["cursor", cursor],
      ["mailto", options.settings.contactEmail],
      ["api_key", options.settings.apiKey],
    ]);
    const response = await http.request({ url, page, signal: options.signal });
    const answer = parseJson(response, { schema: ZAnswer, connector: LABEL, page });
    const records = answer.results.map((work) => recordFrom(work, { schema: ZWork, position: ++position, toDraft: workToDraft }));
    const next = answer.meta.next_cursor && answer.results.length > 0 ? answer.meta.next_cursor : null;
    yield { records, next: next ? { cursor: next } : null, total: answer.meta.count ?? null, page };
    if (!next) return;
    cursor = next;
  }
}

export const openalex: Connector = {
  id: "openalex",
  label: LABEL,
  check(query, config) {
    const parsed = parseConfig(config, { schema: ZConfig, label: LABEL });
    if (!query.trim() && !parsed.filter) throw invalid("OpenAlex needs a search query or a filter");
  },
  pages,
};
