// Splitting a theme by the experts' seed words. Documents that contain one part's seed words more
// (by weight) than any other part's are anchored to that part; the remaining documents go where a
// multinomial naive-Bayes model of the parts, re-estimated until nothing moves (hard EM), puts them.
// Deterministic: no random numbers are drawn.
import type { SplitCorpus } from "@/lib/curation/split-corpus";

const BETA = 0.1;
const MAX_ROUNDS = 50;

/** Occurrences of a seed (one or more tokens, consecutive) in a document's tokens. */
function occurrences(tokens: readonly string[], seed: readonly string[]): number {
  if (seed.length === 0) return 0;
  let n = 0;
  for (let i = 0; i + seed.length <= tokens.length; i++) {
    let j = 0;
    while (j < seed.length && tokens[i + j] === seed[j]) j++;
    if (j === seed.length) n++;
  }
  return n;
}

/**
 * Score of each document for each part: Σ over the part's seeds of occurrences × ln(1 + N / df), so a
 * seed found in few of the theme's documents says more than one found in most.
 * @example seedScores([["fuel", "cell"], ["battery"]], [[["fuel", "cell"]], [["battery"]]]) // => [[ln 3, 0], [0, ln 3]]
 */
export function seedScores(tokens: readonly (readonly string[])[], seeds: readonly (readonly (readonly string[])[])[]): number[][] {
  const n = tokens.length;
  const counts = seeds.map((part) => part.map((seed) => tokens.map((doc) => occurrences(doc, seed))));
  const weights = counts.map((part) => part.map((perDoc) => Math.log(1 + n / Math.max(1, perDoc.filter((c) => c > 0).length))));
  return tokens.map((_, d) => seeds.map((part, p) => part.reduce((sum, _seed, s) => sum + counts[p][s][d] * weights[p][s], 0)));
}

/** The part with the single highest positive score, or -1 when no seed occurs or parts tie. */
function anchorOf(scores: readonly number[]): number {
  let best = -1;
  let tie = false;
  scores.forEach((s, p) => {
    if (s <= 0) return;
    if (best < 0 || s > scores[best]) {
      best = p;
      tie = false;
    } else if (s === scores[best]) tie = true;
  });
  return tie ? -1 : best;
}

export type SeededAssignment = { assignment: number[]; anchored: boolean[]; rounds: number };

/**
 * Part of every document. `seeds[p]` lists part p's seed words, each already tokenised.
 * @throws RangeError when a part's seeds occur in no document (the part would start empty)
 */
export function seededAssignment(corpus: SplitCorpus, seeds: readonly (readonly (readonly string[])[])[]): SeededAssignment {
  const parts = seeds.length;
  const scores = seedScores(corpus.tokens, seeds);
  const anchors = scores.map(anchorOf);
  for (let p = 0; p < parts; p++) {
    if (!anchors.includes(p)) throw new RangeError(`no document of the theme contains the seed words of part ${p + 1} more than another part's`);
  }
  let assignment = anchors.slice();
  const v = corpus.vocab.length;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const counts = Array.from({ length: parts }, () => new Float64Array(v));
    const totals = new Float64Array(parts);
    const docsIn = new Float64Array(parts);
    corpus.docs.forEach((doc, d) => {
      const p = assignment[d];
      if (p < 0) return;
      docsIn[p]++;
      for (const w of doc) counts[p][w]++;
      totals[p] += doc.length;
    });
    const assigned = docsIn.reduce((a, b) => a + b, 0);
    const logPrior = Array.from(docsIn, (n) => Math.log((n + 1) / (assigned + parts)));
    const logPhi = counts.map((row, p) => Array.from(row, (c) => Math.log((c + BETA) / (totals[p] + v * BETA))));
    const next = corpus.docs.map((doc, d) => {
      if (anchors[d] >= 0) return anchors[d];
      let best = 0;
      let bestScore = -Infinity;
      for (let p = 0; p < parts; p++) {
        let score = logPrior[p];
        for (const w of doc) score += logPhi[p][w];
        if (score > bestScore) [best, bestScore] = [p, score];
      }
      return best;
    });
    const moved = next.some((p, d) => p !== assignment[d]);
    assignment = next;
    if (!moved) return { assignment, anchored: anchors.map((a) => a >= 0), rounds: round };
  }
  return { assignment, anchored: anchors.map((a) => a >= 0), rounds: MAX_ROUNDS };
}
