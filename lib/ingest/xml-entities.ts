// Named character entities for XML files whose external DTD declares the ISO 8879 / HTML entity sets
// (USPTO and PubMed write &lsqb; &ldquo; &mdash; &deg; …). Only characters: a name maps to one or two
// code points and never to markup, so no lookup can expand into more entities.
import { decodeHTMLStrict } from "entities/decode";

/** The five entities every XML parser knows. */
const XML_PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

// ISOgrk1 (ISO 8879 Greek letters): still in USPTO SGML-era text, absent from the HTML5 list.
const ISO_GREEK: Record<string, string> = {
  agr: "α", Agr: "Α", bgr: "β", Bgr: "Β", ggr: "γ", Ggr: "Γ", dgr: "δ", Dgr: "Δ", egr: "ε", Egr: "Ε",
  zgr: "ζ", Zgr: "Ζ", eegr: "η", EEgr: "Η", thgr: "θ", THgr: "Θ", igr: "ι", Igr: "Ι", kgr: "κ", Kgr: "Κ",
  lgr: "λ", Lgr: "Λ", mgr: "μ", Mgr: "Μ", ngr: "ν", Ngr: "Ν", xgr: "ξ", Xgr: "Ξ", ogr: "ο", Ogr: "Ο",
  pgr: "π", Pgr: "Π", rgr: "ρ", Rgr: "Ρ", sgr: "σ", Sgr: "Σ", sfgr: "ς", tgr: "τ", Tgr: "Τ", ugr: "υ",
  Ugr: "Υ", phgr: "φ", PHgr: "Φ", khgr: "χ", KHgr: "Χ", psgr: "ψ", PSgr: "Ψ", ohgr: "ω", OHgr: "Ω",
};

/**
 * The character a named entity stands for, or undefined for names no table knows.
 * HTML5's list (via the `entities` package) covers the ISO sets apart from the Greek one.
 * @example namedEntity("lsqb") // => "["
 */
export function namedEntity(name: string): string | undefined {
  if (Object.hasOwn(XML_PREDEFINED, name)) return XML_PREDEFINED[name];
  if (Object.hasOwn(ISO_GREEK, name)) return ISO_GREEK[name];
  if (!/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(name)) return undefined;
  const reference = `&${name};`;
  const value = decodeHTMLStrict(reference);
  // A name that is not an entity comes back unchanged (or only partly decoded, "&notit;" → "¬it;").
  return value !== reference && [...value].length <= 2 ? value : undefined;
}
