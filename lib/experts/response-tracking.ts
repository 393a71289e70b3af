// Response tracking for the admin, per round and per sector: how many experts were invited, opened
// their invitation, were reminded and submitted. Counts only; never who answered what.
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import type { Sector } from "@/lib/generated/prisma/enums";

export type ResponseCounts = { invited: number; opened: number; reminded: number; submitted: number };
export type TrackedInvitation = { sector: Sector; opened: boolean; reminded: boolean; submitted: boolean };

const SECTORS: Sector[] = ["ACADEMIA", "INDUSTRY", "GOVERNMENT", "OTHER"];

/**
 * @example tallyResponses([{ sector: "INDUSTRY", opened: true, reminded: false, submitted: true }]).total
 * // => { invited: 1, opened: 1, reminded: 0, submitted: 1 }
 */
export function tallyResponses(invitations: readonly TrackedInvitation[]) {
  const empty = (): ResponseCounts => ({ invited: 0, opened: 0, reminded: 0, submitted: 0 });
  const total = empty();
  const bySector = Object.fromEntries(SECTORS.map((s) => [s, empty()])) as Record<Sector, ResponseCounts>;
  for (const i of invitations) {
    for (const counts of [total, bySector[i.sector]]) {
      counts.invited++;
      if (i.opened) counts.opened++;
      if (i.reminded) counts.reminded++;
      if (i.submitted) counts.submitted++;
    }
  }
  return { total, bySector };
}

/**
 * "Opened" means the expert used the invitation link or has saved an answer in the round (an expert
 * invited again signs in with their password and never needs the new link).
 */
export async function getResponseTracking(viewer: Viewer, studyId: string) {
  if (!can.manageExperts(viewer)) throw forbidden();
  const rounds = await db().round.findMany({
    where: { studyId },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      deadline: true,
      invitations: { where: { status: { not: "REVOKED" } }, select: { userId: true, acceptedAt: true, remindedAt: true, submittedAt: true, user: { select: { profile: { select: { sector: true } } } } } },
    },
  });
  const answered = await db().answer.groupBy({ by: ["roundId", "expertId"], where: { round: { studyId } } });
  const started = new Set(answered.map((a) => `${a.roundId}:${a.expertId}`));
  return rounds.map(({ invitations, ...round }) => ({
    ...round,
    ...tallyResponses(
      invitations.map((i) => ({
        sector: i.user.profile?.sector ?? "OTHER",
        opened: i.acceptedAt !== null || i.submittedAt !== null || started.has(`${round.id}:${i.userId}`),
        reminded: i.remindedAt !== null,
        submitted: i.submittedAt !== null,
      })),
    ),
  }));
}
