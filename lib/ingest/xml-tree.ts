// Reading one record tree from lib/ingest/xml.ts: paths of local names ("a/b/c"), text and a JSON form.
import type { XmlElement, XmlNode } from "./xml";

type Maybe = XmlElement | undefined;

const isElement = (node: XmlNode): node is XmlElement => typeof node !== "string";

/** The child elements with this local name ("*" for all). */
export function children(element: Maybe, name = "*"): XmlElement[] {
  return (element?.children ?? []).filter((c): c is XmlElement => isElement(c) && (name === "*" || c.name === name));
}

/** Every element reached by the path, each step taken over all children: findAll(set, "Author/LastName"). */
export function findAll(element: Maybe, path: string): XmlElement[] {
  let level = element ? [element] : [];
  for (const step of path.split("/")) level = level.flatMap((e) => children(e, step));
  return level;
}

export function find(element: Maybe, path: string): Maybe {
  return findAll(element, path)[0];
}

/** Every element with this local name anywhere below (depth first, document order). */
export function descendants(element: Maybe, name: string): XmlElement[] {
  return children(element).flatMap((c) => (c.name === name ? [c, ...descendants(c, name)] : descendants(c, name)));
}

// Elements that separate words; inline ones (<sub>, <i>, <sup>) sit inside a word.
const BLOCK = new Set(["p", "br", "paragraph", "PARA", "heading", "AbstractText", "claim-text", "li", "title", "BTEXT"]);

/** The text below a node with whitespace collapsed, block elements separated by a space. */
export function textOf(node: XmlNode | undefined): string {
  return rawText(node).replace(/\s+/g, " ").trim();
}

function rawText(node: XmlNode | undefined): string {
  if (node === undefined) return "";
  if (typeof node === "string") return node;
  const inner = node.children.map(rawText).join("");
  return BLOCK.has(node.name) ? ` ${inner} ` : inner;
}

/** The text at a path, or undefined when the element is missing or empty. */
export function textAt(element: Maybe, path: string): string | undefined {
  return textOf(find(element, path)) || undefined;
}

export function textsAt(element: Maybe, path: string): string[] {
  return findAll(element, path).map(textOf).filter(Boolean);
}

/**
 * The JSON form kept as a record's `raw`: attributes as "@name", repeated children as arrays,
 * a text-only element as its string, and mixed content (a title with <i>) as its plain text.
 */
export function toPlain(element: XmlElement): unknown {
  const elements = children(element);
  const text = element.children.filter((c): c is string => !isElement(c)).join("").trim();
  const attributes = Object.entries(element.attributes);
  if (elements.length === 0 && attributes.length === 0) return text;
  if (text && elements.length > 0) {
    return attributes.length === 0 ? textOf(element) : { ...atSigned(attributes), "#text": textOf(element) };
  }
  const out: Record<string, unknown> = atSigned(attributes);
  if (text) out["#text"] = text;
  const groups = new Map<string, unknown[]>();
  for (const child of elements) {
    const list = groups.get(child.name);
    if (list) list.push(toPlain(child));
    else groups.set(child.name, [toPlain(child)]);
  }
  for (const [name, values] of groups) out[name] = values.length === 1 ? values[0] : values;
  return out;
}

function atSigned(attributes: [string, string][]): Record<string, unknown> {
  return Object.fromEntries(attributes.map(([k, v]) => [`@${k}`, v]));
}
