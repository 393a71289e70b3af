// One synthetic document of a theme in a year: kind, people, places and text.
import { composeAbstract, composeTitle, type TextContext } from "./compose";
import { companyAffiliation, institutionAffiliation, personName } from "./people";
import type { Rng } from "./prng";
import type { DemoKind, DemoRecord, DemoTheme } from "./types";
import { THEMES, getTheme } from "./vocabularies";

export type Draft = Omit<DemoRecord, "id" | "doi" | "patentNumber">;

export type DraftOptions = {
  rng: Rng;
  theme: DemoTheme;
  year: number;
  /** 0 at the start of the theme's life cycle, 1 at its end. */
  phase: number;
  /** Lower-cased "title|year" keys already used; the draft adds its own. */
  takenTitles: Set<string>;
};

const AUTHOR_COUNT: Record<DemoKind, [number, number]> = {
  PAPER: [2, 7],
  CONFERENCE_PAPER: [2, 5],
  PATENT: [1, 4],
  NEWS: [1, 1],
};
const COLLABORATION_CHANCE: Record<DemoKind, number> = {
  PAPER: 0.3,
  CONFERENCE_PAPER: 0.25,
  PATENT: 0.1,
  NEWS: 0,
};

/** Science first, technology later, the market (news) at the end of the life cycle. */
export function kindWeights(phase: number): Record<DemoKind, number> {
  return {
    PAPER: 0.78 - 0.5 * phase,
    CONFERENCE_PAPER: 0.15,
    PATENT: 0.05 + 0.4 * phase,
    NEWS: 0.02 + 0.35 * phase * phase,
  };
}

export function draftRecord(options: DraftOptions): Draft {
  const { rng, theme, year, phase } = options;
  const kind = rng.weighted(kindWeights(phase));
  const secondary = pickSecondary(rng, theme);
  const countries = pickCountries(rng, theme, kind);
  const ctx: TextContext = { rng, main: theme, secondary, tally: { main: 0, secondary: 0 } };
  const title = uniqueTitle(ctx, kind, year, options.takenTitles);
  const abstract = composeAbstract(ctx, kind);
  const mainTerms = [...title.mainTerms, ...abstract.mainTerms];
  const secondaryTerms = [...title.secondaryTerms, ...abstract.secondaryTerms];
  return {
    kind,
    title: title.text,
    abstract: abstract.text,
    year,
    date: randomDate(rng, year),
    ...pickPeople(rng, kind, countries),
    countries,
    keywords: pickKeywords(rng, theme, mainTerms, secondaryTerms),
    themeId: theme.id,
    secondaryThemeId: secondary.id,
  };
}

function pickSecondary(rng: Rng, theme: DemoTheme): DemoTheme {
  if (rng.chance(0.7)) return getTheme(rng.pick(theme.related));
  return rng.pick(THEMES.filter((t) => t.id !== theme.id));
}

function pickCountries(rng: Rng, theme: DemoTheme, kind: DemoKind): string[] {
  const countries = [rng.weighted(theme.countries)];
  if (!rng.chance(COLLABORATION_CHANCE[kind])) return countries;
  const partners = rng.chance(0.2) ? 2 : 1;
  for (let tries = 0; countries.length < 1 + partners && tries < 20; tries++) {
    const country = rng.weighted(theme.countries);
    if (!countries.includes(country)) countries.push(country);
  }
  return countries;
}

function pickPeople(rng: Rng, kind: DemoKind, countries: string[]) {
  const [min, max] = AUTHOR_COUNT[kind];
  const count = Math.max(rng.int(min, max), countries.length);
  const authors: string[] = [];
  for (let i = 0, tries = 0; authors.length < count && tries < 100; tries++) {
    // The first authors cover every country, the primary one first.
    const name = personName(rng, i < countries.length ? countries[i] : rng.pick(countries));
    if (authors.includes(name)) continue;
    authors.push(name);
    i++;
  }
  const affiliations = new Set<string>();
  for (const country of countries) {
    if (kind === "PATENT") affiliations.add(companyAffiliation(rng, country));
    else if (kind === "NEWS" && rng.chance(0.5)) affiliations.add(companyAffiliation(rng, country));
    else affiliations.add(institutionAffiliation(rng, country));
  }
  // Some patents are co-assigned to a university; some papers list a second lab.
  if (kind === "PATENT" && rng.chance(0.2)) affiliations.add(institutionAffiliation(rng, countries[0]));
  if (kind === "PAPER" && rng.chance(0.3)) affiliations.add(institutionAffiliation(rng, countries[0]));
  return { authors, affiliations: [...affiliations] };
}

function uniqueTitle(ctx: TextContext, kind: DemoKind, year: number, taken: Set<string>) {
  for (let attempt = 1; ; attempt++) {
    const title = composeTitle(ctx, kind);
    if (attempt > 50) title.text = `${title.text} (${attempt})`;
    const key = `${title.text.toLowerCase()}|${year}`;
    if (!taken.has(key)) {
      taken.add(key);
      return title;
    }
  }
}

function pickKeywords(rng: Rng, theme: DemoTheme, mainTerms: string[], secondaryTerms: string[]) {
  const wanted = rng.int(3, 5);
  const keywords = [...new Set(mainTerms)].slice(0, wanted);
  for (const term of rng.shuffle(theme.terms)) {
    if (keywords.length >= 3) break;
    if (!keywords.includes(term)) keywords.push(term);
  }
  if (secondaryTerms.length > 0 && rng.chance(0.3)) keywords.push(secondaryTerms[0]);
  return keywords;
}

function randomDate(rng: Rng, year: number): string {
  const start = Date.UTC(year, 0, 1);
  const days = Math.round((Date.UTC(year + 1, 0, 1) - start) / 86_400_000);
  return new Date(start + rng.int(0, days - 1) * 86_400_000).toISOString().slice(0, 10);
}
