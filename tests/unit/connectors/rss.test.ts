// News feeds (written here, no third-party text) and the refusal of feed URLs that point inside.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isNonPublicAddress, type LookupFunction } from "@/lib/connectors/address-guard";
import { rss } from "@/lib/connectors/rss";
import type { PagesOptions } from "@/lib/connectors/types";
import type { NormalisedRecord, ReadResult } from "@/lib/ingest/record";
import { allPages, fakeClock, RecordedServer, resetRateLimiters } from "./recorded-server";

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Battery Technology Digest</title>
    <link>https://news.example.org/</link>
    <language>en</language>
    <item>
      <title>Sodium-ion cells reach&nbsp;new density</title>
      <link>https://news.example.org/sodium</link>
      <guid>https://news.example.org/sodium</guid>
      <description>&lt;p&gt;A pilot line doubled output.&lt;/p&gt;</description>
      <pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate>
      <dc:creator>Wei Zhang</dc:creator>
      <category>energy storage</category>
    </item>
    <item>
      <description>An item with no title cannot become a document.</description>
    </item>
    <item>
      <title><![CDATA[Solid electrolytes & the next decade]]></title>
      <link>https://news.example.org/solid</link>
      <pubDate>Wed, 05 Mar 2025 10:00:00 +0100</pubDate>
    </item>
  </channel>
</rss>`;

const atom = (title: string, next?: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Zukunftsradar</title>
  ${next ? `<link rel="next" href="${next}"/>` : ""}
  <entry>
    <id>urn:uuid:${title}</id>
    <title type="html">${title}</title>
    <link rel="alternate" href="https://radar.example.org/${title}"/>
    <updated>2024-11-02T08:00:00Z</updated>
    <author><name>Anna Berg</name></author>
    <category term="quantum"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Erster Absatz.</p><p>Zweiter Absatz.</p></div></content>
  </entry>
</feed>`;

const RSS1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example.org/"><title>Old Format News</title><dc:language>en</dc:language></channel>
  <item rdf:about="https://old.example.org/1"><title>Hydrogen valleys</title><link>https://old.example.org/1</link><dc:date>2023-06-01</dc:date></item>
</rdf:RDF>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY boom "expanded-text">]>
<rss version="2.0"><channel><title>T</title><item><title>Before &boom; &secret; after</title></item></channel></rss>`;

const ok = (results: ReadResult[]): NormalisedRecord[] => results.flatMap((r) => (r.ok ? [r.record] : []));

describe("rss connector", () => {
  let server: RecordedServer;
  beforeAll(async () => {
    server = await RecordedServer.start();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    resetRateLimiters();
    server.received.length = 0;
  });

  const options = (query: string, extra: Partial<PagesOptions> = {}): PagesOptions => ({
    query,
    config: {},
    settings: { baseUrl: "", privateHostsAllowed: ["127.0.0.1"] },
    http: { clock: fakeClock(), attempts: 2 },
    ...extra,
  });
  const serve = (path: string, body: string) => server.add("GET", path, { headers: { "content-type": "application/rss+xml" }, body });

  it("reads an RSS 2.0 feed into NEWS records, keeping a title-less item as an error at its position", async () => {
    serve("/rss2.xml", RSS2);
    const [page, ...rest] = await allPages(rss.pages(options(`${server.origin}/rss2.xml`)));
    expect(rest).toEqual([]);
    expect(page.next).toBeNull();
    expect(page.records.map((r) => [r.position, r.ok])).toEqual([[1, true], [2, false], [3, true]]);
    expect(page.records[1]).toMatchObject({ ok: false, message: "Record 2 has no title" });
    const [first, third] = ok(page.records);
    expect(first).toMatchObject({
      kind: "NEWS",
      title: "Sodium-ion cells reach new density",
      abstract: "A pilot line doubled output.",
      publishedOn: "2025-03-04",
      language: "en",
      venue: "Battery Technology Digest",
      authors: [{ full: "Wei Zhang" }],
      keywords: ["energy storage"],
      externalId: "https://news.example.org/sodium",
    });
    expect(third).toMatchObject({ title: "Solid electrolytes & the next decade", publishedOn: "2025-03-05" });
    expect(server.received[0].headers.accept).toContain("application/rss+xml");
  });

  it("reads Atom, follows rel=next to the archive page, and stops there", async () => {
    serve("/atom.xml", atom("erste", "/atom-2.xml"));
    serve("/atom-2.xml", atom("zweite"));
    const pages = await allPages(rss.pages(options(`${server.origin}/atom.xml`)));
    expect(pages.map((p) => p.records.length)).toEqual([1, 1]);
    expect(pages[0].next).toEqual({ url: `${server.origin}/atom-2.xml` });
    expect(pages[1].next).toBeNull();
    const [record] = ok(pages[0].records);
    expect(record).toMatchObject({ title: "erste", abstract: "Erster Absatz. Zweiter Absatz.", language: "de", publishedOn: "2024-11-02", authors: [{ full: "Anna Berg" }], keywords: ["quantum"] });
    expect(pages[1].records[0].position).toBe(2);
  });

  it("reads RSS 1.0 (RDF)", async () => {
    serve("/rss1.xml", RSS1);
    const [page] = await allPages(rss.pages(options(`${server.origin}/rss1.xml`)));
    expect(ok(page.records)).toMatchObject([{ title: "Hydrogen valleys", publishedOn: "2023-06-01", venue: "Old Format News", language: "en" }]);
  });

  it("never expands entities declared in a DTD", async () => {
    serve("/xxe.xml", XXE);
    const [page] = await allPages(rss.pages(options(`${server.origin}/xxe.xml`)));
    const [record] = ok(page.records);
    expect(record.title).not.toContain("expanded-text");
    expect(record.title).not.toContain("root:");
    expect(record.title).toBe("Before &boom; &secret; after");
  });

  it("rejects a truncated feed and a page that is not a feed, naming the page", async () => {
    serve("/cut.xml", RSS2.slice(0, 400));
    serve("/page.html", "<html><body><p>Hello</p></body></html>");
    await expect(allPages(rss.pages(options(`${server.origin}/cut.xml`)))).rejects.toThrow(/^RSS page 1 \(http:\/\/127\.0\.0\.1:\d+\/cut\.xml\): the answer is not well-formed XML: .*unclosed tag/);
    await expect(allPages(rss.pages(options(`${server.origin}/page.html`)))).rejects.toThrow(/^RSS page 1 .*: the answer is not an RSS or Atom feed \(the document is <html>\)$/);
  });

  it("resumes at a stored archive page", async () => {
    serve("/atom-2.xml", atom("zweite"));
    const pages = await allPages(rss.pages(options(`${server.origin}/atom.xml`, { cursor: { url: `${server.origin}/atom-2.xml` }, done: { records: 1, pages: 1 } })));
    expect(server.received.map((r) => r.path)).toEqual(["/atom-2.xml"]);
    expect(pages[0].records[0].position).toBe(2);
  });
});

describe("feed URLs that point inside are refused", () => {
  let server: RecordedServer;
  beforeAll(async () => {
    server = await RecordedServer.start();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    resetRateLimiters();
    server.received.length = 0;
  });

  const names: Record<string, string> = { "intranet.example": "10.1.2.3", "feeds.example": "127.0.0.1", "sneaky.example": "::ffff:169.254.169.254" };
  const lookup: LookupFunction = (hostname, options, callback) => {
    const address = names[hostname];
    if (!address) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname }), "");
    const family = address.includes(":") ? 6 : 4;
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const options = (query: string, privateHostsAllowed: string[] = []): PagesOptions => ({
    query,
    config: {},
    settings: { baseUrl: "", privateHostsAllowed },
    http: { clock: fakeClock(), attempts: 2, lookup },
  });
  const collect = (query: string, allowed: string[] = []) => allPages(rss.pages(options(query, allowed)));
  const settings = { baseUrl: "", privateHostsAllowed: [] };

  it("classifies addresses", () => {
    for (const address of ["127.0.0.1", "10.0.0.8", "172.20.1.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "::ffff:10.0.0.1"]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
    for (const address of ["8.8.8.8", "140.82.112.3", "2606:4700::6810:85e5"]) expect(isNonPublicAddress(address), address).toBe(false);
  });

  it("refuses the cloud metadata address before connecting", async () => {
    expect(() => rss.check("http://169.254.169.254/latest/meta-data/", {}, settings)).toThrow("169.254.169.254 is not a public address");
    await expect(collect("http://169.254.169.254/latest/meta-data/")).rejects.toThrow("169.254.169.254 is not a public address");
  });

  it("refuses localhost unless configuration allows it", async () => {
    server.add("GET", "/feed.xml", { body: RSS1 });
    await expect(allPages(rss.pages({ ...options(`http://localhost:${server.port}/feed.xml`), http: { clock: fakeClock(), attempts: 2 } }))).rejects.toThrow(
      /^localhost resolves to (127\.0\.0\.1|::1), which is not a public address; feeds on private networks are refused$/,
    );
    await expect(collect(`http://[::1]:${server.port}/feed.xml`)).rejects.toThrow("::1 is not a public address");
    expect(server.received).toHaveLength(0);
    const [page] = await collect(`http://feeds.example:${server.port}/feed.xml`, ["feeds.example"]);
    expect(page.records).toHaveLength(1);
  });

  it("refuses file:// and other schemes", async () => {
    expect(() => rss.check("file:///etc/passwd", {}, settings)).toThrow("Only http and https URLs can be collected, not file:");
    await expect(collect("file:///etc/passwd")).rejects.toThrow("Only http and https URLs can be collected, not file:");
    expect(() => rss.check("gopher://example.org/", {}, settings)).toThrow("not gopher:");
    expect(() => rss.check("not a url", {}, settings)).toThrow('The feed must be given as a URL, not "not a url"');
  });

  it("refuses a hostname that resolves to a private address, also behind an IPv4-mapped IPv6 answer", async () => {
    await expect(collect("http://intranet.example/feed.xml")).rejects.toThrow("intranet.example resolves to 10.1.2.3, which is not a public address");
    await expect(collect("http://sneaky.example/feed.xml")).rejects.toThrow("sneaky.example resolves to ::ffff:169.254.169.254");
  });

  it("refuses a redirect from an allowed feed to a private address", async () => {
    server.add("GET", "/hop.xml", { status: 302, headers: { location: "http://intranet.example/feed.xml" } });
    server.add("GET", "/hop2.xml", { status: 301, headers: { location: "http://169.254.169.254/" } });
    await expect(collect(`http://127.0.0.1:${server.port}/hop.xml`, ["127.0.0.1"])).rejects.toThrow("intranet.example resolves to 10.1.2.3");
    await expect(collect(`http://127.0.0.1:${server.port}/hop2.xml`, ["127.0.0.1"])).rejects.toThrow("169.254.169.254 is not a public address");
  });
});
