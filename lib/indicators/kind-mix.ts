// Document-kind mix: where a theme sits on the science → technology → market path (Watts & Porter
// 1997, "Innovation forecasting", TFSC 56: 25–47: papers first, then patents, then news).
import type { Member } from "./document";

export const PHASES = ["science", "technology", "market", "policy", "other"] as const;
export type Phase = (typeof PHASES)[number];

const PHASE_OF_KIND: Record<string, Phase> = {
  PAPER: "science",
  CONFERENCE_PAPER: "science",
  PROJECT: "science",
  PATENT: "technology",
  NEWS: "market",
  POLICY: "policy",
};

export const phaseOf = (kind: string): Phase => PHASE_OF_KIND[kind] ?? "other";

export type PhaseShares = Record<Phase, number>;

export type KindMix = {
  /** Weighted share of the theme's volume per phase (sums to 1). */
  shares: PhaseShares;
  /** The phase with the largest share. */
  dominant: Phase;
  /**
   * The phase that leads: the largest share relative to the corpus's share of that phase (the
   * phase's RCA). A paper-heavy corpus makes "science" dominant in almost every theme, so the raw
   * share says little; a theme whose patents or news outweigh the corpus's has moved along the path.
   * Equals `dominant` when no corpus shares are given.
   */
  leading: Phase;
  /** shares ÷ corpus shares, null for a phase the corpus lacks. */
  relative: Record<Phase, number | null>;
  /** Volume-weighted mean publication year per phase (null when the phase is absent): which came first. */
  meanYear: Record<Phase, number | null>;
};

const zeros = (): PhaseShares => ({ science: 0, technology: 0, market: 0, policy: 0, other: 0 });

/** The corpus's phase shares with every document weighing 1. */
export function corpusPhaseShares(documents: Iterable<{ kind: string }>): PhaseShares {
  const totals = zeros();
  let n = 0;
  for (const d of documents) {
    totals[phaseOf(d.kind)]++;
    n++;
  }
  for (const p of PHASES) totals[p] = n > 0 ? totals[p] / n : 0;
  return totals;
}

function argmax(values: Record<Phase, number | null>): Phase {
  let best: Phase = PHASES[0];
  for (const p of PHASES) if ((values[p] ?? -Infinity) > (values[best] ?? -Infinity)) best = p;
  return best;
}

/**
 * The theme's phase shares, the dominant and the leading phase, and when each phase was active.
 * @example kindMix([{ document: { kind: "PATENT", year: 2020 … }, weight: 1 }], { science: 0.9, technology: 0.1 … })
 * // => shares.technology 1, dominant "technology", leading "technology", relative.technology 10
 * @returns null when the members have no weight
 */
export function kindMix(members: readonly Member[], corpus?: PhaseShares): KindMix | null {
  const totals = zeros();
  const yearSums = zeros();
  const yearWeights = zeros();
  let total = 0;
  for (const { document, weight } of members) {
    const phase = phaseOf(document.kind);
    totals[phase] += weight;
    total += weight;
    if (document.year !== null) {
      yearSums[phase] += weight * document.year;
      yearWeights[phase] += weight;
    }
  }
  if (!(total > 0)) return null;
  const shares = zeros();
  const relative = {} as Record<Phase, number | null>;
  const meanYear = {} as Record<Phase, number | null>;
  for (const p of PHASES) {
    shares[p] = totals[p] / total;
    relative[p] = corpus && corpus[p] > 0 ? shares[p] / corpus[p] : null;
    meanYear[p] = yearWeights[p] > 0 ? yearSums[p] / yearWeights[p] : null;
  }
  const dominant = argmax(shares);
  return { shares, dominant, leading: corpus ? argmax(relative) : dominant, relative, meanYear };
}
