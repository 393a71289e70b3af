// A study's anonymity setting for its admins' settings form, with the rounds that keep it from being
// switched on (update-anonymity-settings.ts).
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { anonymitySettingsOf, type AnonymitySettings } from "@/lib/delphi/anonymity-settings";

export async function getStudyAnonymity(studyId: string): Promise<{ settings: AnonymitySettings; openRounds: number[] }> {
  const study = await db().study.findUnique({ where: { id: studyId }, select: { settings: true, rounds: { where: { status: "OPEN" }, orderBy: { number: "asc" }, select: { number: true } } } });
  if (!study) throw notFound("study");
  return { settings: anonymitySettingsOf(study.settings), openRounds: study.rounds.map((r) => r.number) };
}
