// Turns a theme's templates into titles and abstracts, remembering which terms it used.
import type { Rng } from "./prng";
import type { DemoKind, DemoTheme } from "./types";
import { GENERIC_WORDS } from "./vocabularies";

/** Chance that a {t} slot borrows a term from the secondary theme. */
export const SECONDARY_SHARE = 0.15;
/** Borrowed terms stay well below the main theme's, so the main theme always dominates. */
const MAX_BORROWED_RATIO = 0.4;
/** Chance that a body sentence gets a clause of generic research words appended. */
const CLAUSE_SHARE = 0.4;
export const ABSTRACT_WORDS = { min: 80, max: 150 } as const;
export const ABSTRACT_SENTENCES = { min: 3, max: 6 } as const;

/** `tally` counts the terms a document has drawn so far from each of its two themes. */
export type TextContext = {
  rng: Rng;
  main: DemoTheme;
  secondary: DemoTheme;
  tally: { main: number; secondary: number };
};

export type ComposedText = { text: string; mainTerms: string[]; secondaryTerms: string[] };

const PATENT_OPENERS = [
  "The present invention discloses a {t} and a method for manufacturing it from a {t}.",
  "The invention relates to {t}, and in particular to a {t} comprising a {t}.",
  "A {t} is provided, comprising a {t}, a {t} and a control unit connected to the {t}.",
];
const PATENT_CLOSERS = [
  "The disclosed structure is simple, reduces cost and is suitable for industrial mass production.",
  "Compared with the prior art, the invention improves the {g} and {g} of the {t}.",
];
const NEWS_OPENERS = [
  "Companies and laboratories working on {t} reported fresh progress this month.",
  "A new {g} announced this week puts {t} back in the spotlight.",
  "Investors are watching {t} closely after a string of announcements.",
];
const NEWS_CLOSERS = [
  "Analysts expect {t} to attract further investment over the coming years.",
  "Officials said the national {g} for {t} would be updated next year.",
  "Critics warn that {g} and {g} remain open questions for {t}.",
];
const CLAUSES = [
  ", with clear gains in {g} and {g}", ", although {g} still constrains the {g}",
  " under realistic {g} and {g}", ", as confirmed by {g} and {g}", ", which simplifies {g} and {g}",
  " while keeping {g} and {g} in check", ", a finding that matters for {g} and {g}",
];
const PAPER_TITLES = [
  "{t} enabled by {t}", "Towards {t} with {t}", "Analysis of {t} for {t}",
  "A framework for {t} and {t}", "{t} via {t}: a comparative study", "Understanding {t} in {t}",
  "Improving {t} through {t}", "Role of {t} in {t}", "Design and evaluation of {t} for {t}",
  "Revisiting {t} for {t}", "{t} meets {t}", "Probing {t} with {t}",
];
const TITLES: Record<DemoKind, readonly string[]> = {
  PAPER: PAPER_TITLES,
  CONFERENCE_PAPER: PAPER_TITLES,
  PATENT: [
    "Method for preparing {t} based on {t}", "{t} system, device and method using {t}",
    "{t} comprising {t} and manufacturing method thereof", "Apparatus for {t} with {t}",
  ],
  NEWS: [
    "New {t} promises progress on {t}", "Why {t} could reshape {t}",
    "Start-up raises funds to scale {t}", "Government plan backs {t} and {t}",
    "{t}: what the latest results mean",
  ],
};

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Fills {t} {g} {n} {p} slots, fixes "a"/"an" and capitalises the first word. */
export function fillTemplate(ctx: TextContext, template: string): ComposedText {
  const { rng } = ctx;
  const mainTerms: string[] = [];
  const secondaryTerms: string[] = [];
  const pickTerm = (terms: readonly string[]) => {
    // Avoid "a sintering of sintering": redraw a term already in this sentence.
    let term = rng.pick(terms);
    for (let i = 0; i < 5 && [...mainTerms, ...secondaryTerms].includes(term); i++) term = rng.pick(terms);
    return term;
  };
  const filled = template.replace(/\{([tgnp])\}/g, (_, slot: string) => {
    if (slot === "g") return rng.pick(GENERIC_WORDS);
    // Log-uniform between 3 and 1000: counts in abstracts span orders of magnitude.
    if (slot === "n") return String(Math.round(Math.exp(rng.next() * Math.log(1000 / 3)) * 3));
    if (slot === "p") return (rng.int(50, 980) / 10).toFixed(1);
    const { tally } = ctx;
    const borrow = rng.chance(SECONDARY_SHARE) && tally.secondary + 1 <= tally.main * MAX_BORROWED_RATIO;
    tally[borrow ? "secondary" : "main"]++;
    const term = pickTerm(borrow ? ctx.secondary.terms : ctx.main.terms);
    (borrow ? secondaryTerms : mainTerms).push(term);
    return term;
  });
  const text = capitalise(filled.replace(/\b([Aa]) (?=[AEIOaeio])/g, "$1n "));
  return { text, mainTerms, secondaryTerms };
}

function capitalise(text: string): string {
  const first = text.split(" ")[0];
  // Leave "sgRNA", "fNIRS" and their kind alone.
  if (/[A-Z]/.test(first.slice(1))) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function merge(parts: ComposedText[]): ComposedText {
  return {
    text: parts.map((p) => p.text).join(" "),
    mainTerms: parts.flatMap((p) => p.mainTerms),
    secondaryTerms: parts.flatMap((p) => p.secondaryTerms),
  };
}

export function composeTitle(ctx: TextContext, kind: DemoKind): ComposedText {
  return fillTemplate(ctx, ctx.rng.pick(TITLES[kind]));
}

/**
 * 3–6 sentences, 80–150 words: an optional kind-specific opener (patent claim language,
 * news lede), the theme's own sentences in random order, and an optional closer.
 */
export function composeAbstract(ctx: TextContext, kind: DemoKind): ComposedText {
  const { rng } = ctx;
  const frame = (templates: string[]) => (templates.length ? [fillTemplate(ctx, rng.pick(templates))] : []);
  const head = frame(kind === "PATENT" ? PATENT_OPENERS : kind === "NEWS" ? NEWS_OPENERS : []);
  const tail = frame(kind === "PATENT" ? PATENT_CLOSERS : kind === "NEWS" ? NEWS_CLOSERS : []);
  const body: ComposedText[] = [];
  const target = rng.int(ABSTRACT_WORDS.min + 5, ABSTRACT_WORDS.max - 10);
  const words = () => wordCount(merge([...head, ...body, ...tail]).text);
  const sentences = () => head.length + body.length + tail.length;

  for (const template of rng.shuffle(ctx.main.templates)) {
    if (sentences() >= ABSTRACT_SENTENCES.max) break;
    if (words() >= target && sentences() >= ABSTRACT_SENTENCES.min) break;
    let sentence = fillTemplate(ctx, template);
    if (rng.chance(CLAUSE_SHARE)) sentence = withClause(ctx, sentence);
    if (words() + wordCount(sentence.text) <= ABSTRACT_WORDS.max) body.push(sentence);
  }
  // Six short sentences can fall under the minimum: lengthen them until they do not.
  for (let i = 0; words() < ABSTRACT_WORDS.min && i < body.length; i++) body[i] = withClause(ctx, body[i]);
  return merge([...head, ...body, ...tail]);
}

function withClause(ctx: TextContext, sentence: ComposedText): ComposedText {
  const clause = fillTemplate(ctx, ctx.rng.pick(CLAUSES)).text;
  const text = sentence.text.replace(/\.$/, `${clause.charAt(0).toLowerCase()}${clause.slice(1)}.`);
  return { ...sentence, text };
}

/** Every sentence frame shared by all themes (for checking that none leaks a theme's words). */
export const SHARED_TEMPLATES: readonly string[] = [
  ...PATENT_OPENERS, ...PATENT_CLOSERS, ...NEWS_OPENERS, ...NEWS_CLOSERS, ...CLAUSES,
  ...Object.values(TITLES).flat(),
];
