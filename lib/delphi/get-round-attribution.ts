// Whether a round's answers and comments are attributed to their experts for the study's admins
// (anonymity-settings.ts): `study` says the study has attribution on, `round` that it covers this round.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { anonymitySettingsOf, attributionCovers } from "@/lib/delphi/anonymity-settings";

export type RoundAttribution = { study: boolean; round: boolean };

export async function getRoundAttribution(roundId: string): Promise<RoundAttribution> {
  const round = await db().round.findUnique({ where: { id: roundId }, select: { status: true, openedAt: true, study: { select: { settings: true } } } });
  if (!round) throw notFound("round");
  const settings = anonymitySettingsOf(round.study.settings);
  return { study: settings.adminAttribution, round: attributionCovers(settings, round) };
}
