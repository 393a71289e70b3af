// Plural merging for English tokens. We merge plurals only, never -ing/-ed: topic labels are read by
// experts, and Porter stems ("batteri", "learn" for "learning", "encod") are unreadable, while
// "learning" vs "learn" or "computing" vs "compute" often mean different things in technology texts.

/** Singular words that end in -s. */
const singularInS = new Set([
  "alias", "atlas", "bias", "canvas", "chaos", "gas", "lens", "means", "news", "pancreas", "series",
  "species", "sars", "mers", "aids", "always", "perhaps", "whereas", "yes", "kudos", "economics",
  "ethics", "acoustics", "semantics", "diagnostics", "haptics", "forensics", "politics", "analytics",
  "econometrics", "aesthetics", "athletics", "logistics", "linguistics", "statistics",
]);

/** Fields of study in -ics (genomics, photonics, thermodynamics, robotics …) are singular. */
const field = /(omics|onics|otics|dynamics|matics|netics|nautics|physics|optics|mechanics|graphics)$/;

/** Plurals whose singular keeps its final -e or -ie. */
const dropSOnly = new Set([
  "caches", "niches", "headaches", "avalanches", "moustaches", "psyches", "cookies", "movies",
  "calories", "zombies", "selfies", "rookies", "brownies", "prairies", "hippies", "goalies",
]);

/**
 * The singular of a lower-case English word, by a small Porter-1a-like rule set.
 * Words ending in -ss, -us, -is and field names in -ics stay as they are.
 * @example singular("batteries") // => "battery"
 * @example singular("approaches") // => "approach"
 * @example singular("networks") // => "network"
 * @example singular("analysis") // => "analysis"
 */
export function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith("s") || singularInS.has(word)) return word;
  if (/(ss|us|is)$/.test(word) || field.test(word)) return word;
  if (dropSOnly.has(word)) return word.slice(0, -1);
  if (word.endsWith("ies")) return word.length > 4 ? `${word.slice(0, -3)}y` : word;
  if (/(sses|xes|zzes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
