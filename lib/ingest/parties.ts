// Small helpers the patent and project readers share: office country codes, personal names, distinct values.

// Region codes Intl names that are not countries (regional offices, unions, ICU extras).
const NOT_COUNTRIES = new Set(["EU", "UN", "EA", "EZ", "QO", "ZZ", "AC", "CP", "DG", "IC", "TA"]);
let regions: Intl.DisplayNames | null = null;

/**
 * An ISO 3166 alpha-2 code as patent offices write it ("US", "jp", "JPX" in APS), or undefined for
 * placeholders ("omitted", "unknown") and offices that are not countries ("EP", "WO").
 */
export function isoCountry(code: string | undefined): string | undefined {
  const candidate = code?.trim().toUpperCase().match(/^([A-Z]{2})X?$/)?.[1];
  if (!candidate || NOT_COUNTRIES.has(candidate)) return undefined;
  regions ??= new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  return regions.of(candidate) ? candidate : undefined;
}

/** "Family, Given" when both are known, so parseAuthor splits it; otherwise whichever exists. */
export function personName(family: string | undefined, ...given: (string | undefined)[]): string | undefined {
  const first = given.filter(Boolean).join(" ");
  if (family && first) return `${family}, ${first}`;
  return family || first || undefined;
}

/** Non-empty distinct values in first-seen order. */
export function present<T>(values: (T | undefined | null | "")[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined && v !== null && v !== ""))];
}
