// Country names in affiliation strings → ISO 3166-1 alpha-2, from ICU's region names plus the
// abbreviations bibliographic databases actually print ("Peoples R China", "USA", "U Arab Emirates").
import type { Affiliation } from "./record";

// ICU names these codes but they are not ISO 3166-1 countries (EU, UN, Kosovo, Canary Islands, …).
const NOT_ISO = new Set(["AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"]);

const ALIASES: Record<string, string> = {
  USA: "US", "U.S.A.": "US", "U.S.": "US", "United States of America": "US",
  UK: "GB", "U.K.": "GB", England: "GB", Scotland: "GB", Wales: "GB", "North Ireland": "GB", "Northern Ireland": "GB",
  "Peoples R China": "CN", "People's Republic of China": "CN", "P.R. China": "CN", "PR China": "CN",
  "Hong Kong": "HK", Macau: "MO", Macao: "MO", Taiwan: "TW", "Republic of China": "TW",
  Korea: "KR", "Republic of Korea": "KR", "Korea, Republic of": "KR", "Rep. of Korea": "KR",
  "Russian Federation": "RU", "Viet Nam": "VN", "Czech Republic": "CZ", "Slovak Republic": "SK", Myanmar: "MM",
  "Iran, Islamic Republic of": "IR", Turkey: "TR", "U Arab Emirates": "AE", "Brunei Darussalam": "BN",
  "Syrian Arab Republic": "SY", "Ivory Coast": "CI", Holland: "NL", "Bosnia & Herceg": "BA",
  "Democratic Republic of the Congo": "CD", "Dem Rep Congo": "CD", "Republic of the Congo": "CG", Congo: "CG",
};

/** Lowercase ASCII-folded words without "and"/"the"/"of", so "Bosnia & Herzegovina" meets "Bosnia and Herzegovina". */
function nameKey(name: string): string {
  const words = name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.filter((word) => word && !["and", "the", "of"].includes(word)).join(" ");
}

/** ICU still names withdrawn codes (DD East Germany → DE, SU → RU); only current ones are wanted. */
function isCurrentCode(code: string): boolean {
  return !NOT_ISO.has(code) && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
}

let names: Map<string, string> | null = null;

function countryNames(): Map<string, string> {
  if (names) return names;
  names = new Map(Object.entries(ALIASES).map(([alias, code]) => [nameKey(alias), code]));
  for (const locale of ["en", "zh"]) {
    const display = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = isCurrentCode(code) ? display.of(code) : undefined;
        if (name && !names.has(nameKey(name))) names.set(nameKey(name), code);
      }
    }
  }
  return names;
}

/** ISO alpha-2 code for a country name, or null. */
export function countryCode(name: string): string | null {
  return countryNames().get(nameKey(name)) ?? null;
}

// Words that start an institution name, used to pick it out of "Dept X, University Y, City, Country".
const LEGAL_FORM = /^(?:co\.?|ltd\.?|inc\.?|llc|gmbh|corp\.?|limited)$/i;
const INSTITUTION = /univ|institut|college|academ|school|hospital|cent(?:er|re)|laborator|\binc\b|\bltd\b|corp|gmbh|大学|学院|研究/i;

/**
 * Splits a free-text affiliation. The country is the last comma part (Scopus, RIS) or the last
 * words of it (WoS: "New York, NY 10019 USA").
 */
export function parseAffiliation(text: string): Affiliation {
  const raw = text.trim();
  const parts = raw.split(/[,，]/).map((part) => part.trim()).filter(Boolean);
  const affiliation: Affiliation = { raw };
  const at = parts.findIndex((part) => INSTITUTION.test(part));
  // "Samsung SDI Co., Ltd., Yongin": a bare legal form belongs to the name before it.
  const institution = at > 0 && LEGAL_FORM.test(parts[at]) ? `${parts[at - 1]}, ${parts[at]}` : at >= 0 ? parts[at] : parts.length > 1 ? parts[0] : undefined;
  if (institution) affiliation.institution = institution;
  const country = countryOfPart(parts.at(-1) ?? "");
  if (country) affiliation.country = country;
  return affiliation;
}

function countryOfPart(part: string): string | null {
  const words = part.replace(/[.;]+$/, "").split(/\s+/);
  for (let take = Math.min(words.length, 4); take >= 1; take--) {
    const code = countryCode(words.slice(-take).join(" "));
    if (code) return code;
  }
  return null;
}
