// A study's anonymity towards its admins, kept in study.settings.anonymity. Off (the default), admins
// see participation only; on, they see which expert gave which answer and comment — but only in
// rounds opened after it was switched on, because experts who answered earlier were promised
// anonymity and were told nothing else.
import { z } from "zod";

export const ZAnonymitySettings = z
  .object({
    adminAttribution: z.boolean(),
    /** When attribution was last switched on (ISO 8601); rounds opened before it stay anonymous. */
    attributedSince: z.iso.datetime().nullable(),
  })
  .strict()
  .refine((s) => !s.adminAttribution || s.attributedSince !== null, { message: "Attribution needs the time it was switched on" });
export type AnonymitySettings = z.infer<typeof ZAnonymitySettings>;

export const DEFAULT_ANONYMITY_SETTINGS: AnonymitySettings = { adminAttribution: false, attributedSince: null };

/** The anonymity settings in a study's settings; missing or unreadable settings give the anonymous default. */
export function anonymitySettingsOf(settings: unknown): AnonymitySettings {
  const parsed = ZAnonymitySettings.safeParse((settings as { anonymity?: unknown } | null)?.anonymity);
  return parsed.success ? parsed.data : DEFAULT_ANONYMITY_SETTINGS;
}

export type RoundOpening = { status: string; openedAt: Date | null };

/**
 * Whether the admins may see who answered what in a round: attribution is on and the round opened
 * after it was switched on, or is a draft (it will open after). A round past its draft without an
 * opening time is treated as opened before: anonymous.
 * @example attributionCovers({ adminAttribution: true, attributedSince: "2026-03-01T00:00:00.000Z" }, { status: "CLOSED", openedAt: new Date("2026-02-01") }) // => false
 */
export function attributionCovers(settings: AnonymitySettings, round: RoundOpening): boolean {
  if (!settings.adminAttribution || settings.attributedSince === null) return false;
  if (round.status === "DRAFT") return true;
  return round.openedAt !== null && round.openedAt.getTime() >= Date.parse(settings.attributedSince);
}
