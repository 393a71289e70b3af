// A small element tree from saxes for API answers and feeds (already size-capped by http.ts).
// saxes never reads a DTD's entity declarations, so nothing is ever expanded (no XXE, no "billion
// laughs"); an undefined entity such as &nbsp; stays as text, which cleanText later decodes, and every
// other well-formedness error — a truncated answer above all — fails the parse.
import { SaxesParser } from "saxes";

export type XmlElement = {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ("" when none). */
  ns: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element (text and CDATA), in document order. */
  text: string;
  /** All text inside the element, descendants included, in document order. */
  allText: string;
};

// Elements that separate words when markup (Atom xhtml content) is flattened to text.
const BLOCK = new Set(["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote", "pre", "section"]);

export class XmlError extends Error {}

export const NS = {
  atom: "http://www.w3.org/2005/Atom",
  opensearch: "http://a9.com/-/spec/opensearch/1.1/",
  arxiv: "http://arxiv.org/schemas/atom",
  dc: "http://purl.org/dc/elements/1.1/",
  content: "http://purl.org/rss/1.0/modules/content/",
} as const;

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: string | null = null;
  parser.on("error", (error) => {
    if (!/undefined entity/i.test(error.message)) failure ??= error.message;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.local] = attribute.value;
    const element: XmlElement = { name: tag.local, ns: tag.uri, attributes, children: [], text: "", allText: "" };
    stack.at(-1)?.children.push(element);
    if (BLOCK.has(tag.local)) for (const open of stack) open.allText += " ";
    root ??= element;
    stack.push(element);
  });
  parser.on("closetag", (tag) => {
    stack.pop();
    if (BLOCK.has(tag.local)) for (const open of stack) open.allText += " ";
  });
  const addText = (value: string) => {
    const top = stack.at(-1);
    if (!top) return;
    top.text += value;
    for (const open of stack) open.allText += value;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.write(text).close();
  if (failure) throw new XmlError(`not well-formed XML: ${failure}`);
  if (!root) throw new XmlError("not XML: no root element");
  return root;
}

/** Direct children with this local name (and namespace, when given). */
export function childrenNamed(element: XmlElement, name: string, ns?: string): XmlElement[] {
  return element.children.filter((c) => c.name === name && (ns === undefined || c.ns === ns));
}

export function childNamed(element: XmlElement, name: string, ns?: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));
}

/** All text inside the element, its descendants' included (Atom xhtml content, nested markup). */
export function deepText(element: XmlElement | undefined): string {
  return element?.allText ?? "";
}

/** Text of the first matching child, or undefined. */
export function childText(element: XmlElement, name: string, ns?: string): string | undefined {
  const child = childNamed(element, name, ns);
  return child ? deepText(child) : undefined;
}
