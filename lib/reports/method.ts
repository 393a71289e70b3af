// The method section: who was asked (panel size by sector, counted once per expert over the rounds),
// the rounds with their dates and response rates, and the consensus and stability rules that were
// registered before round 1. Counts of people only; nothing here identifies an expert.
import { describeRule, toConsensusRule } from "@/lib/delphi/consensus-rules";
import { STABLE_PERCENT_CHANGE, WILCOXON_ALPHA } from "@/lib/delphi/item-outcome";
import type { InputInvitation, InputRound, ReportInput } from "./report-input";
import type { Method, Outcome, RoundSummary, SectorCount } from "./report-types";
import type { Headline } from "./technologies";

export const SECTORS = ["ACADEMIA", "INDUSTRY", "GOVERNMENT", "OTHER"] as const;

/** Distinct experts invited and responding, overall and per sector. */
export function panelOf(invitations: readonly InputInvitation[]): Method["panel"] {
  const experts = new Map<number, { sector: string; responded: boolean }>();
  for (const i of invitations) {
    const e = experts.get(i.expert) ?? { sector: i.sector, responded: false };
    experts.set(i.expert, { sector: e.sector, responded: e.responded || i.submitted });
  }
  const all = [...experts.values()];
  const bySector: SectorCount[] = SECTORS.map((sector) => {
    const mine = all.filter((e) => e.sector === sector);
    return { sector, invited: mine.length, responded: mine.filter((e) => e.responded).length };
  });
  return { invited: all.length, responded: all.filter((e) => e.responded).length, bySector };
}

export function roundSummary(round: InputRound, invitations: readonly InputInvitation[]): RoundSummary {
  const mine = invitations.filter((i) => i.roundId === round.id);
  const responded = mine.filter((i) => i.submitted).length;
  const outcomes: Partial<Record<Outcome, number>> = {};
  if (round.kind === "RATING" && round.status === "CLOSED") for (const item of round.items) outcomes[item.outcome] = (outcomes[item.outcome] ?? 0) + 1;
  return {
    id: round.id,
    number: round.number,
    kind: round.kind,
    title: round.title,
    status: round.status,
    minN: round.minN,
    openedAt: round.openedAt?.toISOString() ?? null,
    closedAt: round.closedAt?.toISOString() ?? null,
    invited: mine.length,
    responded,
    responseRate: mine.length ? responded / mine.length : null,
    outcomes,
    items: round.items.length,
  };
}

export function buildMethod(input: ReportInput, rounds: readonly InputRound[], headline: Headline | null): Method {
  const ids = new Set(rounds.map((r) => r.id));
  const invitations = input.invitations.filter((i) => ids.has(i.roundId));
  return {
    panel: panelOf(invitations),
    rounds: rounds.map((r) => roundSummary(r, invitations)),
    rules: input.rules.map((r) => describeRule(toConsensusRule(r), rounds.flatMap((round) => round.questions))),
    headlineQuestion: headline && { key: headline.key, label: headline.label, labelZh: headline.labelZh, min: headline.min, max: headline.max },
    quantileMethod: "hyndman-fan-7",
    stablePercentChange: STABLE_PERCENT_CHANGE,
    wilcoxonAlpha: WILCOXON_ALPHA,
    minN: [...new Set(rounds.map((r) => r.minN))].sort((a, b) => a - b),
  };
}
