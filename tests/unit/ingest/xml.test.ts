import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_RECORD_CHARS, readXmlRecords, type XmlItem, type XmlRecordSpec } from "@/lib/ingest/xml";
import { namedEntity } from "@/lib/ingest/xml-entities";
import { find, textAt, textOf, toPlain } from "@/lib/ingest/xml-tree";
import { collect } from "./helpers";

const RECORDS: XmlRecordSpec = { isRecord: (name) => name === "rec", skip: new Set(["big"]) };

async function* pieces(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function read(xml: string, size = 1 << 16, spec = RECORDS): Promise<XmlItem[]> {
  return collect(readXmlRecords(pieces(xml, size), spec));
}

const okTexts = (items: XmlItem[]) => items.flatMap((i) => (i.ok ? [textOf(i.element)] : []));
const errors = (items: XmlItem[]) => items.filter((i): i is Extract<XmlItem, { ok: false }> => !i.ok);

describe("readXmlRecords", () => {
  it("yields each record element as a tree with its attributes, text and starting line", async () => {
    const xml = '<?xml version="1.0"?>\n<set>\n  <rec id="1"><t>One</t></rec>\n  <rec id="2">\n    <t>Two <i>x</i></t>\n  </rec>\n</set>\n';
    const items = await read(xml);
    expect(items.map((i) => i.ok && [i.line, i.element.attributes.id, textAt(i.element, "t")])).toEqual([
      [3, "1", "One"],
      [4, "2", "Two x"],
    ]);
  });

  it("maps the named entities patent and PubMed files use, and keeps unknown names as written", async () => {
    const xml = "<set><rec>&lsquo;a&rsquo; &mdash; 5&deg; &plusmn;2 &micro;m &lsqb;1&rsqb; &mgr;g &amp; &unknownname;</rec></set>";
    const [item] = await read(xml);
    expect(item.ok && textOf(item.element)).toBe("‘a’ — 5° ±2 µm [1] μg & &unknownname;");
    expect(namedEntity("notit")).toBeUndefined(); // a prefix of "not" must not half-decode
  });

  it("reads a file that concatenates whole documents, each with its own declaration and DOCTYPE", async () => {
    const doc = (n: number) => `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE rec SYSTEM "rec.dtd" [ ]>\n<rec>doc ${n}</rec>\n`;
    const items = await read(doc(1) + doc(2) + doc(3));
    expect(okTexts(items)).toEqual(["doc 1", "doc 2", "doc 3"]);
    expect(items.map((i) => i.line)).toEqual([3, 6, 9]);
  });

  it("gives the same items whatever the chunk size", async () => {
    const xml = `<?xml version="1.0"?>\n<set><rec a="&amp;">x&mdash;y<![CDATA[<z>]]></rec></set>\n<?xml version="1.0"?>\n<rec>2</rec>`;
    const whole = await read(xml);
    expect(okTexts(whole)).toEqual(["x—y<z>", "2"]);
    for (const size of [1, 2, 5, 7]) expect(await read(xml, size)).toEqual(whole);
  });

  it("also splits where a declaration follows the previous document's end on the same line", async () => {
    const items = await read('<?xml version="1.0"?><rec>1</rec><?xml version="1.0"?><rec>2</rec>', 3);
    expect(okTexts(items)).toEqual(["1", "2"]);
  });

  it("does not split at an <?xml-stylesheet?> that starts a line", async () => {
    const items = await read('<?xml version="1.0"?>\n<?xml-stylesheet href="a.xsl"?>\n<set><rec>1</rec></set>');
    expect(okTexts(items)).toEqual(["1"]);
  });

  it("keeps a skipped element as an empty marker without storing its content", async () => {
    const [item] = await read("<set><rec><t>T</t><big><p>long text</p></big></rec></set>");
    expect(item.ok && toPlain(item.element)).toEqual({ t: "T", big: "" });
  });

  it("reports malformed XML as an error of the record it breaks, keeping the records before it", async () => {
    const xml = '<set>\n<rec>1</rec>\n<rec>2</rec>\n<rec>\n<t a=1>bad</t>\n</rec>\n<rec>4</rec>\n</set>';
    const items = await read(xml);
    expect(okTexts(items)).toEqual(["1", "2"]);
    expect(errors(items)).toEqual([
      expect.objectContaining({ line: 4, inRecord: true, message: expect.stringMatching(/not well-formed XML \(line 5, column \d+: /) }),
    ]);
  });

  it("reports a truncated file after the records it completed", async () => {
    const items = await read("<set>\n<rec>1</rec>\n<rec>2</rec>\n<rec><t>cut he");
    expect(okTexts(items)).toEqual(["1", "2"]);
    expect(errors(items)).toEqual([
      expect.objectContaining({ line: 4, inRecord: true, message: expect.stringContaining("is cut off: the file ends before <rec> is closed") }),
    ]);
  });

  it("goes on with the next concatenated document after a broken one", async () => {
    const xml = '<?xml version="1.0"?>\n<rec>1</rec>\n<?xml version="1.0"?>\n<rec><t>cut\n<?xml version="1.0"?>\n<rec>3</rec>\n';
    const items = await read(xml);
    expect(items.map((i) => (i.ok ? textOf(i.element) : `error@${i.line}`))).toEqual(["1", "error@4", "3"]);
  });

  it("stops reading at a text run too long for any record, instead of buffering it", async () => {
    async function* endless(): AsyncGenerator<string> {
      yield "<set><rec>1</rec><rec>";
      const block = "x".repeat(1 << 20);
      for (let i = 0; i < 64; i++) yield block; // 64 MB without a tag
      yield "</rec></set>";
    }
    const items = await collect(readXmlRecords(endless(), RECORDS));
    expect(okTexts(items)).toEqual(["1"]);
    expect(errors(items)[0].message).toMatch(/a single tag or text run is longer than \d+ characters/);
  });

  it("rejects a record larger than the bound instead of holding it", async () => {
    const huge = "x".repeat(MAX_RECORD_CHARS + 10);
    const items = await read(`<set><rec>${huge}</rec><rec>after</rec></set>`, 1 << 20);
    expect(errors(items)[0].message).toMatch(/holds more than \d+ characters/);
    expect(okTexts(items)).toEqual(["after"]);
  });
});

describe("readXmlRecords against hostile documents", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xml-test-"));
  const secretFile = path.join(dir, "secret.txt");
  const SECRET = "TOP-SECRET-0d9f3c";
  writeFileSync(secretFile, SECRET);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("answers a billion-laughs entity bomb with a clear error, fast and without expanding it", async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("\n");
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE set [\n<!ENTITY lol0 "lol">\n${levels}\n]>\n<set>\n<rec>&lol9;</rec>\n<rec>fine</rec>\n</set>`;
    const started = performance.now();
    const items = await read(xml);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errors(items)).toEqual([
      expect.objectContaining({ line: 15, inRecord: true, message: expect.stringMatching(/&lol9;.*declares.*never expanded/) }),
    ]);
    expect(okTexts(items)).toEqual(["fine"]);
    expect(JSON.stringify(items).length).toBeLessThan(2000);
  });

  it("never reads a file named by an external entity, an external DTD or a parameter entity", async () => {
    const url = pathToFileURL(secretFile).href;
    const xml =
      `<?xml version="1.0"?>\n<!DOCTYPE set SYSTEM "${url}" [\n<!ENTITY % pe SYSTEM "${url}"> %pe;\n<!ENTITY xxe SYSTEM "${url}">\n]>\n` +
      `<set><rec>&xxe;</rec><rec attr="&xxe;">b</rec></set>`;
    const items = await read(xml);
    expect(JSON.stringify(items)).not.toContain(SECRET);
    expect(errors(items).map((e) => e.message)).toEqual([
      expect.stringContaining("&xxe;"),
      expect.stringContaining("&xxe;"),
    ]);
  });

  it("reports a DTD entity used outside any record once, for the document", async () => {
    const items = await read('<!DOCTYPE set [<!ENTITY e "x">]>\n<set>&e;&e;<rec>1</rec></set>');
    expect(errors(items)).toEqual([expect.objectContaining({ inRecord: false, line: 2, message: expect.stringContaining("&e;") })]);
    expect(okTexts(items)).toEqual(["1"]);
  });
});

describe("xml-tree", () => {
  it("finds by paths of local names and turns a record into plain JSON", async () => {
    const [item] = await read('<set><rec xmlns:o="urn:o"><o:a k="v">1</o:a><o:a>2</o:a><t>A <i>b</i> c</t></rec></set>');
    if (!item.ok) throw new Error("expected a record");
    expect(textAt(item.element, "a")).toBe("1");
    expect(find(item.element, "a/missing")).toBeUndefined();
    expect(toPlain(item.element)).toEqual({ "@xmlns:o": "urn:o", a: [{ "@k": "v", "#text": "1" }, "2"], t: "A b c" });
  });
});
