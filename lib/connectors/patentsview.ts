// PatentsView's PatentSearch API (https://search.patentsview.org/docs/): US grants, the key in the
// X-Api-Key header, 45 requests a minute, and paging by sort key — results sorted by patent_id and the
// next page asked for with o.after = the last patent_id seen.
import { z } from "zod";
import { invalid } from "@/lib/errors";
import type { RecordDraft } from "@/lib/ingest/build-record";
import { apiClient, endpoint, pageSize, parseConfig, parseCursor, parseJson, recordFrom } from "./api";
import type { Connector, ConnectorPage, PagesOptions } from "./types";

const LABEL = "PatentsView";

export const DEFAULT_FIELDS = [
  "patent_id", "patent_title", "patent_abstract", "patent_date", "patent_year", "patent_type",
  "patent_num_times_cited_by_us_patents", "inventors", "assignees", "cpc_current", "ipcr",
];

const ZConfig = z
  .object({
    fields: z.array(z.string().trim().min(1)).min(1).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

const ZCursor = z.object({ after: z.string().min(1) }).strict();

const text = z.string().nullish();
export const ZPatent = z.looseObject({
  patent_id: z.string(),
  patent_title: text,
  patent_abstract: text,
  patent_date: text,
  patent_year: z.number().nullish(),
  patent_type: text,
  patent_num_times_cited_by_us_patents: z.number().nullish(),
  inventors: z.array(z.looseObject({ inventor_name_first: text, inventor_name_last: text, inventor_country: text })).nullish(),
  assignees: z
    .array(z.looseObject({ assignee_organization: text, assignee_individual_name_first: text, assignee_individual_name_last: text, assignee_country: text }))
    .nullish(),
  cpc_current: z.array(z.looseObject({ cpc_group_id: text })).nullish(),
  ipcr: z.array(z.looseObject({ ipc_section: text, ipc_class: text, ipc_subclass: text, ipc_main_group: text, ipc_subgroup: text })).nullish(),
});
type Patent = z.infer<typeof ZPatent>;

const ZAnswer = z.object({ error: z.literal(false), count: z.number(), total_hits: z.number(), patents: z.array(z.unknown()) });

/**
 * A CPC group as PatentsView writes it, in the spaced form used everywhere else.
 * @example cpcCode("A42B1/247") // => "A42B 1/247"
 */
export function cpcCode(code: string): string {
  const match = /^([A-HY]\d{2}[A-Z])\s*0*(\d+)\/(\d+)$/.exec(code.trim());
  return match ? `${match[1]} ${match[2]}/${match[3]}` : code.trim();
}

const name = (first: string | null | undefined, last: string | null | undefined) => [last, first].filter(Boolean).join(", ");

export function patentToDraft(patent: Patent): RecordDraft {
  const inventors = patent.inventors ?? [];
  const assignees = patent.assignees ?? [];
  const ipc = (patent.ipcr ?? []).map((i) => `${i.ipc_section ?? ""}${i.ipc_class ?? ""}${i.ipc_subclass ?? ""} ${Number(i.ipc_main_group)}/${i.ipc_subgroup ?? ""}`);
  return {
    kind: "PATENT",
    title: patent.patent_title ?? undefined,
    abstract: patent.patent_abstract ?? undefined,
    dates: [patent.patent_date, patent.patent_year?.toString()].filter((d): d is string => Boolean(d)),
    authors: inventors.map((i) => name(i.inventor_name_first, i.inventor_name_last)).filter(Boolean),
    countries: [...inventors.map((i) => i.inventor_country), ...assignees.map((a) => a.assignee_country)].filter((c): c is string => Boolean(c)),
    assignees: assignees.map((a) => a.assignee_organization ?? name(a.assignee_individual_name_first, a.assignee_individual_name_last)).filter(Boolean),
    classifications: [...(patent.cpc_current ?? []).map((c) => cpcCode(c.cpc_group_id ?? "")), ...ipc.filter((c) => /^[A-H]\d{2}[A-Z] \d+\/\d+$/.test(c))].filter(Boolean),
    citationCount: patent.patent_num_times_cited_by_us_patents?.toString(),
    patentNumber: `US${patent.patent_id}`,
    externalId: patent.patent_id,
    raw: patent as Record<string, unknown>,
  };
}

/** The query as PatentsView JSON: given as JSON, or words to find in titles or abstracts. */
export function patentQuery(query: string): Record<string, unknown> {
  const trimmed = query.trim();
  if (trimmed.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // not JSON after all: fall through and search for it as text
    }
    throw invalid("PatentsView query: a query starting with { must be a JSON object in the PatentSearch query language");
  }
  return { _or: [{ _text_all: { patent_title: trimmed } }, { _text_all: { patent_abstract: trimmed } }] };
}

async function* pages(options: PagesOptions): AsyncGenerator<ConnectorPage> {
  const config = parseConfig(options.config, { schema: ZConfig, label: LABEL });
  let after = parseCursor(options.cursor, { schema: ZCursor, label: LABEL })?.after;
  let { records: position, pages: page } = options.done ?? { records: 0, pages: 0 };
  const key = options.settings.apiKey;
  if (!key) throw invalid("PatentsView needs an API key: set PATENTSVIEW_API_KEY");
  const http = apiClient(options, { label: LABEL, limiterKey: "patentsview", minIntervalMs: Math.ceil(60_000 / 45), headers: { "x-api-key": key } });
  const size = pageSize(config.pageSize, { fallback: 1000, limit: options.limit });
  const q = JSON.stringify(patentQuery(options.query));
  for (;;) {
    page++;
    const url = endpoint({ base: options.settings.baseUrl, path: "/patent/" }, [
      ["q", q],
      ["f", JSON.stringify(config.fields ?? DEFAULT_FIELDS)],
      ["s", JSON.stringify([{ patent_id: "asc" }])],
      ["o", JSON.stringify(after ? { size, after } : { size })],
    ]);
    const response = await http.request({ url, page, signal: options.signal });
    const answer = parseJson(response, { schema: ZAnswer, connector: LABEL, page });
    const records = answer.patents.map((patent) => recordFrom(patent, { schema: ZPatent, position: ++position, toDraft: patentToDraft }));
    const lastId = (answer.patents.at(-1) as { patent_id?: unknown } | undefined)?.patent_id;
    const last = answer.patents.length < size || typeof lastId !== "string" || position >= answer.total_hits;
    yield { records, next: last ? null : { after: lastId }, total: answer.total_hits, page };
    if (last) return;
    after = lastId;
  }
}

export const patentsview: Connector = {
  id: "patentsview",
  label: LABEL,
  check(query, config) {
    parseConfig(config, { schema: ZConfig, label: LABEL });
    if (!query.trim()) throw invalid("PatentsView needs a query");
    patentQuery(query);
  },
  pages,
};
