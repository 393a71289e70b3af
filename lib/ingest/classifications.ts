// IPC and CPC symbols in the one form people read and databases index: "H01M 10/052".
// Offices write the same symbol many ways: "H01M  10/052", the 14-character fixed width "H01M0010052000",
// "G06F  17/30 20060101AFI20051220BHEP" (ST.36 text with version and office data), "G06F015/00"
// (USPTO 2001–2005), " 7C 07C  29/44   A" (edition prefix, EP 2003) and APS "B60R  900".

const SUBCLASS = String.raw`([A-HY])\s*(\d{2})\s*([A-Z])`;
const EDITION_OR_LABEL = /^(?:(?:INT\.?\s*CL\.?|IPC|CPC)\s*\(?\d*\)?\s*:?\s*)?\d{0,2}\s*(?=[A-HY]\s*\d{2}\s*[A-Z])/;
const WITH_SLASH = new RegExp(String.raw`^${SUBCLASS}\s*0*(\d{1,4})\s*/\s*(\d{1,6})(?![\d/])`);
const FIXED_WIDTH = /^([A-HY])(\d{2})([A-Z])(\d{4})(\d{6})(?!\d)/; // main group and subgroup zero-padded
const APS = /^([A-HY])(\d{2})([A-Z])([\s\d]{3})(\d{2,4})\s*$/; // main group right-aligned in 3 columns
const SUBCLASS_ONLY = new RegExp(String.raw`^${SUBCLASS}$`);

function symbol(section: string, klass: string, subclass: string, main?: string, subgroup?: string): string {
  const head = `${section}${klass}${subclass}`;
  if (main === undefined || subgroup === undefined) return head;
  return `${head} ${main.trim().replace(/^0+(?=\d)/, "")}/${subgroup}`;
}

/** The fixed-width subgroup is left-aligned and zero-filled: "052000" → "052", "000000" → "00". */
function fixedSubgroup(digits: string): string {
  return digits.replace(/0+$/, "").padEnd(2, "0");
}

/**
 * An IPC/CPC symbol as "H01M 10/052"; text that is no such symbol comes back trimmed, empty text as null.
 * @example normaliseClassification("H01M0010052000") // => "H01M 10/052"
 * @example normaliseClassification("G06F  17/30 20060101AFI20051220BHEP") // => "G06F 17/30"
 */
export function normaliseClassification(raw: string): string | null {
  const trimmed = raw.replace(/\s+/g, " ").trim();
  if (!trimmed) return null;
  const code = raw.toUpperCase().trim().replace(EDITION_OR_LABEL, "");
  let m = code.match(WITH_SLASH);
  if (m) return symbol(m[1], m[2], m[3], m[4], m[5]);
  m = code.match(FIXED_WIDTH);
  if (m) return symbol(m[1], m[2], m[3], m[4], fixedSubgroup(m[5]));
  m = code.match(APS);
  if (m && m[4].trim()) return symbol(m[1], m[2], m[3], m[4], m[5]);
  m = code.match(SUBCLASS_ONLY);
  if (m) return symbol(m[1], m[2], m[3]);
  return trimmed;
}

/** A symbol from the split fields of ST.36/ST.96 XML (<section>, <class>, … <subgroup>). */
export function classificationFromParts(parts: {
  section?: string;
  class?: string;
  subclass?: string;
  mainGroup?: string;
  subgroup?: string;
}): string | null {
  const { section = "", class: klass = "", subclass = "", mainGroup = "", subgroup = "" } = parts;
  const text = mainGroup && subgroup ? `${section}${klass}${subclass} ${mainGroup}/${subgroup}` : `${section}${klass}${subclass}`;
  return normaliseClassification(text);
}
