// Streaming XML for the importers: one record element at a time as a small tree, so memory holds one
// record whatever the file size. Built on saxes, which never reads a DTD: external entities are never
// fetched and DTD-declared entities never expanded (a reference to one fails its record — no entity
// bombs, no local files), while the named character entities of the ISO/HTML sets are mapped.
import { SaxesParser, type SaxesTag } from "saxes";
import { documentParts, newlines } from "./xml-documents";
import { namedEntity } from "./xml-entities";

const MAX_DEPTH = 256;

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlNode[]; line: number };
export type XmlNode = XmlElement | string;

/** A record element, or what went wrong; `inRecord` says whether the error belongs to a record. */
export type XmlItem =
  | { ok: true; element: XmlElement; line: number }
  | { ok: false; message: string; line: number; inRecord: boolean };

export type XmlRecordSpec = {
  /** Whether this element is one record; `ancestors` are the qualified names above it, root first. */
  isRecord(name: string, ancestors: readonly string[]): boolean;
  /** Local names of elements whose content no reader needs (claims, descriptions): kept empty. */
  skip?: ReadonlySet<string>;
};

// A patent's bibliographic part is well under 1 MB once descriptions and claims are skipped.
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;
// saxes buffers one text node or one tag until it ends; a longer one means a broken or hostile file.
const MAX_TOKEN_CHARS = 32 * 1024 * 1024;
const ELEMENT_COST = 32; // counted per stored element, so a flood of empty tags is bounded too

export function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

/** One XML document: a saxes parser plus the record being built. */
class XmlDocument {
  private readonly parser = new SaxesParser({ position: true });
  private readonly ancestors: string[] = [];
  private readonly declared = new Set<string>(); // general entities named in the internal DTD subset
  private open: XmlElement[] = []; // the record being built, outermost first
  private recordLine = 0;
  private recordChars = 0;
  private skipDepth = 0;
  private tooLarge = false;
  private badEntity: string | null = null;
  private reportedEntity = false;
  private tagLine = 0;
  private lastEvent = 0;
  private started = false;
  private closing = false;
  private dead = false;
  private items: XmlItem[] = [];

  constructor(
    private readonly spec: XmlRecordSpec,
    private lineBase: number,
  ) {
    const p = this.parser;
    p.ENTITIES = new Proxy({} as Record<string, string>, {
      get: (_, name) => (typeof name === "string" ? this.entity(name) : undefined),
    });
    p.on("doctype", (text) => {
      for (const m of text.matchAll(/<!ENTITY\s+(?!%)([^\s>]+)/g)) this.declared.add(m[1]);
    });
    p.on("opentagstart", () => {
      this.tagLine = this.lineBase + p.line;
    });
    // saxes reads on to the end of the chunk after an error; nothing after a break is trusted.
    p.on("opentag", (tag) => this.dead || this.openTag(tag));
    p.on("text", (text) => this.dead || this.addText(text));
    p.on("cdata", (text) => this.dead || this.addText(text));
    p.on("closetag", () => this.dead || this.closeTag());
    p.on("error", (error) => this.fail(error.message));
  }

  /** Feeds text; whitespace before the first markup only moves the line count. */
  write(text: string): void {
    if (this.dead) return;
    let chunk = text;
    if (!this.started) {
      const lead = chunk.match(/^\s*/)![0];
      this.lineBase += lead.split("\n").length - 1;
      chunk = chunk.slice(lead.length);
      if (!chunk) return;
      this.started = true;
    }
    this.parser.write(chunk);
    if (!this.dead && this.parser.position - this.lastEvent > MAX_TOKEN_CHARS) {
      this.parser.fail(`a single tag or text run is longer than ${MAX_TOKEN_CHARS} characters`);
    }
  }

  close(): void {
    if (!this.started || this.dead) return;
    this.closing = true;
    this.parser.close();
  }

  /** The items completed so far, handed over once. */
  drain(): XmlItem[] {
    const items = this.items;
    this.items = [];
    return items;
  }

  private entity(name: string): string {
    const known = namedEntity(name);
    if (known !== undefined) return known;
    if (this.declared.has(name) && !this.dead) {
      if (this.open.length > 0) this.badEntity ??= name;
      else if (!this.reportedEntity) {
        this.reportedEntity = true;
        this.items.push({ ok: false, line: this.lineBase + this.parser.line, message: entityMessage(name), inRecord: false });
      }
    }
    return `&${name};`; // unknown names stay as written: the text is still readable
  }

  private openTag(tag: SaxesTag): void {
    this.lastEvent = this.parser.position;
    // Real records nest a few dozen levels; a deeper document is hostile and would grow saxes' tag stack
    // and the record tree without bound.
    if (this.ancestors.length + this.open.length + this.skipDepth >= MAX_DEPTH) {
      this.parser.fail(`elements are nested deeper than ${MAX_DEPTH} levels`);
      return;
    }
    if (this.skipDepth > 0) {
      this.skipDepth++; // saxes reports <a/> as an open and a close, so every open counts
      return;
    }
    const name = localName(tag.name);
    if (this.open.length > 0) {
      const element = this.element(tag, name);
      this.open.at(-1)!.children.push(element);
      // A skipped element stays as an empty marker, so readers still see that it was there.
      if (this.spec.skip?.has(name)) this.skipDepth = 1;
      else this.open.push(element);
    } else if (this.spec.isRecord(tag.name, this.ancestors)) {
      [this.recordLine, this.recordChars, this.tooLarge, this.badEntity] = [this.tagLine, 0, false, null];
      this.open = [this.element(tag, name)];
    } else {
      this.ancestors.push(tag.name);
    }
  }

  private element(tag: SaxesTag, name: string): XmlElement {
    const attributes = tag.attributes as Record<string, string>;
    this.count(ELEMENT_COST + Object.entries(attributes).reduce((n, [k, v]) => n + k.length + v.length, 0));
    return { name, attributes, children: [], line: this.tagLine };
  }

  private addText(text: string): void {
    this.lastEvent = this.parser.position;
    if (this.open.length === 0 || this.skipDepth > 0 || this.tooLarge) return;
    this.count(text.length);
    const siblings = this.open.at(-1)!.children;
    if (typeof siblings.at(-1) === "string") siblings[siblings.length - 1] += text;
    else siblings.push(text);
  }

  private count(chars: number): void {
    this.recordChars += chars;
    if (this.recordChars > MAX_RECORD_CHARS && !this.tooLarge) {
      this.tooLarge = true;
      this.open[0].children = []; // let the collected text go; the record is reported, not kept
    }
  }

  private closeTag(): void {
    this.lastEvent = this.parser.position;
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (this.open.length === 0) {
      this.ancestors.pop();
      return;
    }
    const element = this.open.pop()!;
    if (this.open.length > 0) return;
    const line = this.recordLine;
    if (this.tooLarge) {
      const message = `holds more than ${MAX_RECORD_CHARS} characters of text; skipped`;
      this.items.push({ ok: false, line, inRecord: true, message });
    } else if (this.badEntity) {
      this.items.push({ ok: false, line, inRecord: true, message: entityMessage(this.badEntity) });
    } else {
      this.items.push({ ok: true, element, line });
    }
  }

  /** Any well-formedness error ends this document: what follows a break cannot be trusted. */
  private fail(raw: string): void {
    if (this.dead) return;
    this.dead = true;
    const detail = raw.replace(/^(?:.*?:)?\d+:\d+: /, "");
    const where = `line ${this.lineBase + this.parser.line}, column ${this.parser.column + 1}`;
    if (this.open.length > 0) {
      const name = this.open[0].name;
      const message = this.closing
        ? `is cut off: the file ends before <${name}> is closed (${detail})`
        : `is not well-formed XML (${where}: ${detail})`;
      this.items.push({ ok: false, line: this.recordLine, inRecord: true, message });
    } else {
      const message = this.closing ? `the XML is cut off (${detail})` : `the XML is not well-formed (${where}: ${detail})`;
      this.items.push({ ok: false, line: this.lineBase + this.parser.line, inRecord: false, message });
    }
    this.open = [];
  }
}

function entityMessage(name: string): string {
  return (
    `uses the entity &${name}; that the file's DTD declares; ` +
    "DTD entities are never expanded (they can hide entity bombs or read local files)"
  );
}

/**
 * Streams the record elements of one or more concatenated XML documents. Malformed or truncated XML
 * becomes an error item for the record it breaks (or for the document when no record is open);
 * records completed before the break are kept, and a later document in the same file is read afresh.
 */
export async function* readXmlRecords(text: AsyncIterable<string>, spec: XmlRecordSpec): AsyncGenerator<XmlItem> {
  let lines = 0;
  let document = new XmlDocument(spec, 0);
  for await (const part of documentParts(text)) {
    if (part.startsDocument) {
      document.close();
      yield* document.drain();
      document = new XmlDocument(spec, lines);
    }
    document.write(part.text);
    lines += newlines(part.text);
    yield* document.drain();
  }
  document.close();
  yield* document.drain();
}
