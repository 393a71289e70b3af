// The few HTML helpers the report renderer needs. Every piece of text goes through esc(); attribute
// values are escaped by h() itself, so stored titles and comments can never become markup.
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML. @example esc('<b>"x"</b>') // => "&lt;b&gt;&quot;x&quot;&lt;/b&gt;" */
export const esc = (value: unknown): string => String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]);

export type Attributes = Record<string, string | number | boolean | null | undefined>;

/** An element with escaped attributes (false/null/undefined dropped, true written bare) and HTML children. */
export function h(tag: string, attributes: Attributes | null, ...children: (string | null | undefined | false)[]): string {
  const attrs = Object.entries(attributes ?? {})
    .filter(([, v]) => v !== false && v !== null && v !== undefined)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v)}"`))
    .join("");
  return `<${tag}${attrs}>${children.filter((c) => typeof c === "string").join("")}</${tag}>`;
}

/** A table from a header row and body rows of ready cells. */
export function table(head: string[], rows: string[], attributes: Attributes = {}): string {
  return h("div", { class: "table-scroll" }, h("table", attributes, h("thead", null, h("tr", null, ...head.map((c) => h("th", { scope: "col" }, esc(c))))), h("tbody", null, ...rows)));
}
