// Consensus rules as data (delphi-methods.md §3.2): a project registers its rules before round 1,
// and each round's ScaleSummary is judged against them; the item outcome follows §3.3.
import type { Band, ScaleSummary } from "./statistics";

export type ConsensusRule =
  | { kind: "IQR"; max: number }
  | { kind: "AGREEMENT"; band: [number, number]; min: number }
  | { kind: "COMET_70_15" }
  | { kind: "CV_BAND"; good: number; fair: number }
  | { kind: "RAND_UCLA" };

export type Verdict = "consensus" | "no_consensus" | "dissent" | "insufficient";
/** Where the median lies: in the agree band, the disagree band, or neither. */
export type MedianPosition = "agree" | "disagree" | "neither";
export type RuleVerdict = {
  rule: ConsensusRule["kind"];
  verdict: Verdict;
  /** The verdict's reason in English (exports, logs). */
  detail: string;
  /** The same reason as a key of the `rounds.verdictDetail` catalogue, for pages in the reader's language. */
  text?: VerdictText;
  /** Absent when there is no median (no answers). Gives a consensus its direction. */
  median?: MedianPosition;
};
export type VerdictText = { key: string; values: Record<string, string | number> };
export type ItemOutcome = "ACCEPTED" | "REJECTED" | "CARRIED_OVER" | "DISSENT";

/** One answer cannot agree with anyone, so every rule reports "insufficient" below two answers. */
export const MIN_ANSWERS_FOR_CONSENSUS = 2;

/** English & Kernan (1976) CV bands, as tabulated by von der Gracht (2012). */
export const ENGLISH_KERNAN_CV: Extract<ConsensusRule, { kind: "CV_BAND" }> = {
  kind: "CV_BAND",
  good: 0.5,
  fair: 0.8,
};

/**
 * COMET 70/15 (Williamson et al. 2017, COMET Handbook v1.0): "in" when ≥ 70 % agree and < 15 %
 * disagree, "out" when ≥ 70 % disagree and < 15 % agree, otherwise "none".
 * @example comet7015(0.8, 0.1) // => "in"
 */
export function comet7015(agreement: number, disagreement: number): "in" | "out" | "none" {
  if (agreement >= 0.7 && disagreement < 0.15) return "in";
  if (disagreement >= 0.7 && agreement < 0.15) return "out";
  return "none";
}

export type RandUclaResult = { ipr: number; ipras: number; randDisagreement: boolean };

// Type 7 percentiles of whole-number ratings are multiples of 0.1, so IPR − IPRAS is a multiple of
// 0.025 and is often exactly 0 (e.g. ratings 1 2 2 3 6 6 6 6 7 7 9 9: IPR = IPRAS = 2.8). Rounding
// would then decide the strict ">" either way; differences below this allowance count as equal.
const RAND_TIE_ALLOWANCE = 1e-9;

/**
 * RAND/UCLA disagreement on a 1–9 scale (Fitch et al. 2001, RAND/UCLA Appropriateness Method
 * User's Manual): IPR = P70 − P30, IPRAS = 2.35 + 1.5·|5 − (P30 + P70)/2|, disagreement if IPR > IPRAS
 * (strictly: an exact tie is no disagreement). Takes type 7 percentiles so callers choose how they
 * are computed (summariseScale uses quantile).
 * @example randUcla(1.4, 8.6).randDisagreement // => true (IPR 7.2 > IPRAS 2.35)
 */
export function randUcla(p30: number, p70: number): RandUclaResult {
  const ipr = p70 - p30;
  const ipras = 2.35 + 1.5 * Math.abs(5 - (p30 + p70) / 2);
  return { ipr, ipras, randDisagreement: ipr - ipras > RAND_TIE_ALLOWANCE };
}

const fmt = (x: number): string => String(Number(x.toFixed(3)));
const pct = (share: number): string => `${Number((100 * share).toFixed(1))} %`;
const inBand = (x: number, [lo, hi]: Band): boolean => x >= lo && x <= hi;

function shareFromDistribution(summary: ScaleSummary, band: Band): number {
  let count = 0;
  for (const [category, c] of Object.entries(summary.distribution)) {
    if (inBand(Number(category), band)) count += c;
  }
  return count / summary.n;
}

type Judged = Pick<RuleVerdict, "verdict" | "detail" | "text">;

/** Every key `text` writes has an entry under rounds.verdictDetail in each catalogue (tests/unit/delphi/consensus.test.ts). */
export const VERDICT_TEXT_KEYS = [
  "iqrWithin", "iqrAbove", "agreementReached", "agreementShort", "cometNone", "cometIn", "cometOut",
  "cvNoMean", "cvGood", "cvFair", "cvPoor", "randScale", "randDisagreement", "randAgreement", "tooFew",
] as const;
const text = (key: (typeof VERDICT_TEXT_KEYS)[number], values: VerdictText["values"]): VerdictText => ({ key, values });

function medianPosition(s: ScaleSummary): MedianPosition | undefined {
  if (s.median === null) return undefined;
  if (inBand(s.median, s.agreeBand)) return "agree";
  return inBand(s.median, s.disagreeBand) ? "disagree" : "neither";
}

function judge(rule: ConsensusRule, s: ScaleSummary): Judged {
  switch (rule.kind) {
    case "IQR": {
      const iqr = s.iqr as number;
      return iqr <= rule.max
        ? { verdict: "consensus", detail: `IQR ${fmt(iqr)} ≤ ${rule.max}`, text: text("iqrWithin", { iqr: fmt(iqr), max: rule.max }) }
        : { verdict: "no_consensus", detail: `IQR ${fmt(iqr)} > ${rule.max}`, text: text("iqrAbove", { iqr: fmt(iqr), max: rule.max }) };
    }
    case "AGREEMENT": {
      const share = shareFromDistribution(s, rule.band);
      const where = `${pct(share)} in ${rule.band[0]}–${rule.band[1]}`;
      const values = { share: pct(share), low: rule.band[0], high: rule.band[1], min: pct(rule.min) };
      return share >= rule.min
        ? { verdict: "consensus", detail: `${where} ≥ ${pct(rule.min)}`, text: text("agreementReached", values) }
        : { verdict: "no_consensus", detail: `${where} < ${pct(rule.min)}`, text: text("agreementShort", values) };
    }
    case "COMET_70_15": {
      const shares = `${pct(s.agreement as number)} agree, ${pct(s.disagreement as number)} disagree`;
      const values = { agree: pct(s.agreement as number), disagree: pct(s.disagreement as number) };
      if (s.comet7015 === "none") return { verdict: "no_consensus", detail: `no consensus: ${shares}`, text: text("cometNone", values) };
      return { verdict: "consensus", detail: `consensus ${s.comet7015}: ${shares}`, text: text(s.comet7015 === "in" ? "cometIn" : "cometOut", values) };
    }
    case "CV_BAND": {
      if (s.cv === null || s.cv < 0) return { verdict: "insufficient", detail: "CV needs a positive mean", text: text("cvNoMean", {}) };
      const cv = `CV ${fmt(s.cv)}`;
      const values = { cv: fmt(s.cv), good: rule.good, fair: rule.fair };
      if (s.cv <= rule.good) return { verdict: "consensus", detail: `${cv} ≤ ${rule.good}: good consensus`, text: text("cvGood", values) };
      if (s.cv <= rule.fair) {
        return { verdict: "no_consensus", detail: `${cv} ≤ ${rule.fair}: less than satisfactory`, text: text("cvFair", values) };
      }
      return { verdict: "no_consensus", detail: `${cv} > ${rule.fair}: poor`, text: text("cvPoor", values) };
    }
    case "RAND_UCLA": {
      if (s.randDisagreement == null) {
        return { verdict: "insufficient", detail: "RAND/UCLA applies to 1–9 scales only", text: text("randScale", {}) };
      }
      const sign = s.randDisagreement ? ">" : "≤";
      const cmp = `IPR ${fmt(s.ipr as number)} ${sign} IPRAS ${fmt(s.ipras as number)}`;
      const values = { ipr: fmt(s.ipr as number), ipras: fmt(s.ipras as number) };
      return s.randDisagreement
        ? { verdict: "dissent", detail: `${cmp}: disagreement`, text: text("randDisagreement", values) }
        : { verdict: "consensus", detail: `${cmp}: no disagreement`, text: text("randAgreement", values) };
    }
  }
}

/** Judges one item-round summary against one registered rule, noting where the median lies. */
export function evaluateRule(rule: ConsensusRule, summary: ScaleSummary): RuleVerdict {
  const median = medianPosition(summary);
  const where = median === undefined ? {} : { median };
  if (summary.n < MIN_ANSWERS_FOR_CONSENSUS) {
    const detail = `n = ${summary.n}; consensus needs at least ${MIN_ANSWERS_FOR_CONSENSUS} answers`;
    return { rule: rule.kind, verdict: "insufficient", detail, text: text("tooFew", { n: summary.n, min: MIN_ANSWERS_FOR_CONSENSUS }), ...where };
  }
  return { rule: rule.kind, ...judge(rule, summary), ...where };
}

/** Judges a summary against every registered rule, in order. */
export function evaluateRules(rules: readonly ConsensusRule[], summary: ScaleSummary): RuleVerdict[] {
  return rules.map((rule) => evaluateRule(rule, summary));
}

export type DecideItemOutcomeInput = {
  /** Every registered rule's verdict for the item (for all of its questions, if several). */
  verdicts: readonly RuleVerdict[];
  /** From the stability measures (e.g. percentChange < 0.15, Wilcoxon p > 0.05). */
  stable: boolean;
};

/**
 * The per-item decision after a round (delphi-methods.md §3.3; Welphi's approve / reject / carry over):
 * - consensus means every registered rule says "consensus" (several indices together, as Birko et al.
 *   2015 advise; "insufficient" or "dissent" from any rule means no consensus);
 * - consensus with every verdict's median in the agree band → ACCEPTED ("consensus in");
 * - consensus with every verdict's median in the disagree band → REJECTED ("consensus out");
 * - otherwise, including a consensus on a middle value that neither accepts nor rejects:
 *   not stable → CARRIED_OVER to the next round, stable → closed as DISSENT.
 */
export function decideItemOutcome({ verdicts, stable }: DecideItemOutcomeInput): ItemOutcome {
  const consensus = verdicts.length > 0 && verdicts.every((v) => v.verdict === "consensus");
  if (consensus && verdicts.every((v) => v.median === "agree")) return "ACCEPTED";
  if (consensus && verdicts.every((v) => v.median === "disagree")) return "REJECTED";
  return stable ? "DISSENT" : "CARRIED_OVER";
}
