// News feeds: RSS 2.0, RSS 1.0 (RDF) and Atom, each item a NEWS record. The feed URL is the source's
// query and comes from a user, so it may only name a public http(s) host (address-guard.ts). Archived
// feeds (RFC 5005) are followed through their rel="next" links, on the same terms.
import { z } from "zod";
import { invalid } from "@/lib/errors";
import type { RecordDraft } from "@/lib/ingest/build-record";
import { buildRecord } from "@/lib/ingest/build-record";
import { assertUrlAllowed, type HostPolicy } from "./address-guard";
import { parseCursor, userAgent } from "./api";
import { ConnectorError } from "./connector-error";
import { createHttpClient } from "./http";
import type { Connector, ConnectorPage, ConnectorSettings, PagesOptions } from "./types";
import { childNamed, childrenNamed, childText, deepText, NS, parseXml, XmlError, type XmlElement } from "./xml";

const LABEL = "RSS";
const RSS1 = "http://purl.org/rss/1.0/";

const ZCursor = z.object({ url: z.string().url() }).strict();

function policy(settings: ConnectorSettings, options: PagesOptions): HostPolicy {
  return { publicOnly: true, privateHostsAllowed: settings.privateHostsAllowed ?? [], lookup: options.http?.lookup };
}

function feedUrl(query: string): URL {
  try {
    return new URL(query.trim());
  } catch {
    throw invalid(`The feed must be given as a URL, not "${query.trim().slice(0, 80)}"`);
  }
}

/** RFC 822 dates ("Tue, 10 Jun 2003 04:00:00 GMT") and ISO ones, as yyyy-mm-dd. */
function isoDay(text: string | undefined): string | undefined {
  if (!text?.trim()) return undefined;
  const time = Date.parse(text.trim());
  return Number.isNaN(time) ? text.trim() : new Date(time).toISOString().slice(0, 10);
}

type Item = { raw: Record<string, unknown>; draft: Omit<RecordDraft, "raw" | "kind"> };

function atomEntry(entry: XmlElement, feedLanguage: string | undefined): Item {
  const links = childrenNamed(entry, "link", NS.atom).map((l) => l.attributes);
  const link = (links.find((l) => !l.rel || l.rel === "alternate") ?? links[0])?.href;
  const raw = {
    id: childText(entry, "id", NS.atom)?.trim(),
    title: childText(entry, "title", NS.atom),
    link,
    summary: childText(entry, "summary", NS.atom),
    content: childText(entry, "content", NS.atom),
    published: childText(entry, "published", NS.atom)?.trim(),
    updated: childText(entry, "updated", NS.atom)?.trim(),
    authors: childrenNamed(entry, "author", NS.atom).map((a) => childText(a, "name", NS.atom)?.trim()).filter(Boolean),
    categories: childrenNamed(entry, "category", NS.atom).map((c) => c.attributes.label ?? c.attributes.term).filter(Boolean),
  };
  const draft = {
    title: raw.title,
    abstract: raw.summary ?? raw.content,
    language: entry.attributes.lang ?? feedLanguage,
    dates: [isoDay(raw.published), isoDay(raw.updated)].filter((d): d is string => Boolean(d)),
    authors: raw.authors as string[],
    keywords: raw.categories as string[],
    externalId: raw.id ?? link,
  };
  return { raw, draft };
}

function rssItem(item: XmlElement, feedLanguage: string | undefined): Item {
  const text = (name: string, ns = "") => childText(item, name, ns) ?? (ns === "" ? childText(item, name, RSS1) : undefined);
  const raw = {
    guid: text("guid")?.trim(),
    title: text("title"),
    link: text("link")?.trim(),
    description: text("description"),
    content: text("encoded", NS.content),
    pubDate: (text("pubDate") ?? text("date", NS.dc))?.trim(),
    authors: [text("author"), ...childrenNamed(item, "creator", NS.dc).map((c) => deepText(c))].map((a) => a?.trim()).filter(Boolean),
    categories: [...childrenNamed(item, "category"), ...childrenNamed(item, "subject", NS.dc)].map((c) => deepText(c).trim()).filter(Boolean),
  };
  const draft = {
    title: raw.title,
    abstract: raw.description ?? raw.content,
    language: feedLanguage,
    dates: [isoDay(raw.pubDate)].filter((d): d is string => Boolean(d)),
    authors: raw.authors as string[],
    keywords: raw.categories as string[],
    externalId: raw.guid ?? raw.link,
  };
  return { raw, draft };
}

type Feed = { title: string | undefined; items: Item[]; next: string | undefined };

/** The items of an RSS 2.0, RSS 1.0 or Atom document; throws XmlError or a plain Error for anything else. */
export function readFeed(xml: string): Feed {
  const root = parseXml(xml);
  if (root.name === "feed" && root.ns === NS.atom) {
    const language = root.attributes.lang;
    const next = childrenNamed(root, "link", NS.atom).find((l) => l.attributes.rel === "next")?.attributes.href;
    return { title: childText(root, "title", NS.atom)?.trim(), items: childrenNamed(root, "entry", NS.atom).map((e) => atomEntry(e, language)), next };
  }
  if (root.name === "rss") {
    const channel = childNamed(root, "channel");
    if (!channel) throw new Error("an RSS document without a <channel>");
    const language = childText(channel, "language")?.trim();
    const next = childrenNamed(channel, "link", NS.atom).find((l) => l.attributes.rel === "next")?.attributes.href;
    return { title: childText(channel, "title")?.trim(), items: childrenNamed(channel, "item").map((i) => rssItem(i, language)), next };
  }
  if (root.name === "RDF") {
    const channel = childNamed(root, "channel", RSS1);
    const language = channel ? childText(channel, "language", NS.dc)?.trim() : undefined;
    return { title: channel ? childText(channel, "title", RSS1)?.trim() : undefined, items: childrenNamed(root, "item", RSS1).map((i) => rssItem(i, language)), next: undefined };
  }
  throw new Error(`not an RSS or Atom feed (the document is <${root.name}>)`);
}

async function* pages(options: PagesOptions): AsyncGenerator<ConnectorPage> {
  const hosts = policy(options.settings, options);
  let url = parseCursor(options.cursor, { schema: ZCursor, label: LABEL })?.url ?? feedUrl(options.query).toString();
  let { records: position, pages: page } = options.done ?? { records: 0, pages: 0 };
  const seen = new Set<string>();
  const { lookup: _lookup, ...overrides } = options.http ?? {};
  for (;;) {
    page++;
    const target = new URL(url);
    seen.add(target.toString());
    const http = createHttpClient({
      connector: LABEL,
      limiterKey: `rss:${target.host}`,
      minIntervalMs: 1_000,
      host: hosts,
      headers: { "user-agent": userAgent(options.settings.contactEmail), accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8" },
      ...overrides,
    });
    const response = await http.request({ url: target, page, signal: options.signal });
    let feed: Feed;
    try {
      feed = readFeed(response.body.toString("utf8"));
    } catch (error) {
      const problem = error instanceof XmlError ? `the answer is ${error.message}` : `the answer is ${(error as Error).message}`;
      throw new ConnectorError({ connector: LABEL, page, url: response.url }, problem);
    }
    const records = feed.items.map(({ raw, draft }) => buildRecord({ ...draft, kind: "NEWS", venue: feed.title, raw }, { position: ++position }));
    const next = feed.next ? new URL(feed.next, target) : null;
    const follow = next && !seen.has(next.toString()) && records.length > 0 ? next : null;
    if (follow) assertUrlAllowed(follow, hosts);
    yield { records, next: follow ? { url: follow.toString() } : null, total: null, page };
    if (!follow) return;
    url = follow.toString();
  }
}

export const rss: Connector = {
  id: "rss",
  label: LABEL,
  check(query, _config, settings) {
    assertUrlAllowed(feedUrl(query), { publicOnly: true, privateHostsAllowed: settings.privateHostsAllowed ?? [] });
  },
  pages,
};
