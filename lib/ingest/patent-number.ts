// One spelling per patent publication, so the same patent from USPTO, EPO and Lens deduplicates:
// country + number without separators or leading zeros + kind code when known ("US6859910B2").

export type PatentNumberParts = { country?: string; number: string; kind?: string };

const KIND = /^[A-Z]\d?$/;

/**
 * The canonical number from its parts, or null when `number` holds no digit.
 * @example formatPatentNumber({ country: "US", number: "06859910", kind: "B2" }) // => "US6859910B2"
 * @example formatPatentNumber({ country: "US", number: "D0435854", kind: "S" }) // => "USD435854S"
 */
export function formatPatentNumber(parts: PatentNumberParts): string | null {
  let number = parts.number.toUpperCase().replace(/[\s,./-]/g, "");
  let country = parts.country?.trim().toUpperCase() ?? "";
  let kind = parts.kind?.trim().toUpperCase() ?? "";
  const prefixed = number.match(/^([A-Z]{2})(?=[A-Z]{0,2}\d)/);
  if (prefixed && (!country || prefixed[1] === country)) {
    country ||= prefixed[1];
    number = number.slice(2); // epodoc numbers carry the country: "EP1000000"
  }
  const m = number.match(/^([A-Z]{0,2}?)0*(\d[\d]*)([A-Z]\d?)?$/);
  if (!m) return /\d/.test(number) ? `${country}${number}${kind}` : null;
  if (!kind && m[3]) kind = m[3];
  if (kind && !KIND.test(kind)) kind = "";
  return `${/^[A-Z]{2}$/.test(country) ? country : ""}${m[1]}${m[2]}${kind}`;
}

/**
 * The canonical number from free text: "US 6,859,910 B2", "EP3782854A1", "US 2007/0140112 A1", or the
 * "country-kind-number" of EP search reports ("US-A1- 2007 204 872"). Null when no number is found.
 */
export function parsePatentNumber(text: string | null | undefined): string | null {
  const t = text?.toUpperCase().trim() ?? "";
  const citation = t.match(/^([A-Z]{2})-([A-Z]\d?)-\s*([A-Z]{0,2}[\d\s,./]+)$/);
  if (citation) return formatPatentNumber({ country: citation[1], kind: citation[2], number: citation[3] });
  const m = t.match(/^([A-Z]{2})?[\s-]*([A-Z]{0,2}\d[\d\s,./]*?)[\s-]*([A-Z]\d?)?$/);
  return m ? formatPatentNumber({ country: m[1], number: m[2], kind: m[3] }) : null;
}
