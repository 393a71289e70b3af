// Re-fitting one theme's documents into parts, for an accepted split. Without seed words: a small
// LDA (k = parts) on the documents where the theme is substantial, the others placed by inference.
// With seed words: seeded-assignment.ts. Either way every document goes to exactly one part, so the
// parts partition the theme's documents, and the same input and seed give the same parts.
import { tokenise } from "@/lib/text/tokenise";
import { trainLda, type LdaModel } from "@/lib/topics/lda";
import { MEMBERSHIP_THRESHOLD } from "@/lib/scans/describe-themes";
import { partTerms, splitCorpus, type SplitCorpus } from "@/lib/curation/split-corpus";
import { seededAssignment } from "@/lib/curation/seeded-assignment";
import type { DocumentWeight, TermWeight } from "@/lib/curation/theme-draft";

export type SplitInput = DocumentWeight & { text: string };
export type SplitOptions = {
  parts: number;
  seed: number;
  /** Seed words per part (all parts or none); a seed may be a phrase ("fuel cell"). */
  seedWords?: readonly (readonly string[])[];
  iterations?: number;
};
export type SplitResult = {
  method: "lda" | "seed-words";
  parts: { documents: DocumentWeight[]; topTerms: TermWeight[] }[];
};

export const splitDefaults = { iterations: 300 } as const;

export function splitDocuments(documents: readonly SplitInput[], options: SplitOptions): SplitResult {
  const { parts } = options;
  if (!Number.isInteger(parts) || parts < 2) throw new RangeError("a split needs at least two parts");
  if (documents.length < parts) throw new RangeError(`the theme has ${documents.length} documents, fewer than the ${parts} parts asked for`);
  const corpus = splitCorpus(documents.map((d) => d.text));
  const seeded = options.seedWords?.some((words) => words.length > 0);
  let assignment: number[];
  if (seeded) {
    if (options.seedWords!.length !== parts) throw new RangeError("give seed words for every part or for none");
    const seeds = options.seedWords!.map((words) => words.map((w) => tokenise(w, { language: "auto" })).filter((t) => t.length > 0));
    assignment = seededAssignment(corpus, seeds).assignment;
  } else {
    assignment = ldaAssignment(corpus, documents, options);
  }
  const terms = partTerms(corpus, assignment, parts);
  return {
    method: seeded ? "seed-words" : "lda",
    parts: terms.map((topTerms, p) => ({
      topTerms,
      documents: documents.flatMap((d, i) => (assignment[i] === p ? [{ documentId: d.documentId, weight: d.weight }] : [])),
    })),
  };
}

/** Runs the generator to the end: the model. */
function fit(corpus: SplitCorpus, docs: Int32Array[], options: SplitOptions): LdaModel {
  const run = trainLda({ vocab: corpus.vocab, docs }, { k: options.parts, seed: options.seed, iterations: options.iterations ?? splitDefaults.iterations });
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

const argmax = (values: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
};

/**
 * The model is fitted on the documents that belong to the theme (θ ≥ the membership threshold), whose
 * text is mostly about it; documents where it is a minor share are placed by `infer`. With too few
 * members every document is fitted.
 */
function ldaAssignment(corpus: SplitCorpus, documents: readonly SplitInput[], options: SplitOptions): number[] {
  const members = documents.flatMap((d, i) => (d.weight >= MEMBERSHIP_THRESHOLD ? [i] : []));
  const fitted = members.length >= Math.max(2 * options.parts, 4) ? members : documents.map((_, i) => i);
  const model = fit(corpus, fitted.map((i) => corpus.docs[i]), options);
  const thetas: Float64Array[] = new Array(documents.length);
  fitted.forEach((i, d) => (thetas[i] = model.documentTopics(d)));
  documents.forEach((_, i) => (thetas[i] ??= model.infer(corpus.docs[i], { seed: options.seed })));
  return nonEmpty(thetas.map(argmax), thetas, options.parts);
}

/**
 * Every part gets at least one document: an empty part takes the document with the highest share of
 * it from a part that has more than one.
 */
export function nonEmpty(assignment: number[], thetas: readonly ArrayLike<number>[], parts: number): number[] {
  const result = assignment.slice();
  for (let p = 0; p < parts; p++) {
    if (result.includes(p)) continue;
    const sizes = new Array(parts).fill(0);
    for (const q of result) sizes[q]++;
    let best = -1;
    result.forEach((q, i) => {
      if (sizes[q] > 1 && (best < 0 || thetas[i][p] > thetas[best][p])) best = i;
    });
    result[best] = p;
  }
  return result;
}
