// The admin's view of a round: items, who is invited and whether they answered (participation, not
// attribution: answers are never listed per expert here).
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

export async function getAdminRound(roundId: string) {
  const round = await db().round.findUnique({
    where: { id: roundId },
    include: {
      study: { select: { id: true, name: true } },
      items: { orderBy: { position: "asc" }, select: { id: true, title: true, outcome: true, evidence: true, _count: { select: { comments: true } } } },
      questions: { orderBy: { position: "asc" }, select: { key: true, label: true } },
      invitations: {
        orderBy: { createdAt: "asc" },
        select: { id: true, status: true, sentAt: true, submittedAt: true, user: { select: { email: true, name: true, profile: { select: { sector: true } } } } },
      },
    },
  });
  if (!round) throw notFound("Round");
  return round;
}
