// A study's curation rule, kept in study.settings.curation: whether a majority of the panel's votes
// accepts a proposal without the admin, and what counts as a majority.
import { z } from "zod";

export const ZCurationSettings = z
  .object({
    /** null: only the admin accepts. */
    autoAccept: z
      .object({
        /** Votes by panelists other than the proposer needed before the share is judged. */
        minVotes: z.number().int().min(1).max(1000),
        /** Share of those votes that must support the proposal, 0.5 … 1. */
        minShare: z.number().min(0.5).max(1),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type CurationSettings = z.infer<typeof ZCurationSettings>;

export const DEFAULT_CURATION_SETTINGS: CurationSettings = { autoAccept: null };

export function curationSettingsOf(settings: unknown): CurationSettings {
  const parsed = ZCurationSettings.safeParse((settings as { curation?: unknown } | null)?.curation);
  return parsed.success ? parsed.data : DEFAULT_CURATION_SETTINGS;
}

export type VoteTally = { support: number; oppose: number };

/**
 * @example majorityReached({ support: 2, oppose: 1 }, { minVotes: 3, minShare: 0.6 }) // => true (2/3 ≥ 0.6)
 */
export function majorityReached(tally: VoteTally, rule: CurationSettings["autoAccept"]): boolean {
  if (!rule) return false;
  const votes = tally.support + tally.oppose;
  // The tolerance lets a share entered as 66.67 % accept two votes of three.
  return votes >= rule.minVotes && tally.support / votes >= rule.minShare - 1e-4;
}
