// Whether a round takes a write now, with the message the person sees when it does not. A closed
// round refuses everything; an open round refuses experts' writes once its deadline has passed.
import { conflict } from "@/lib/errors";
import type { RoundStatus } from "@/lib/generated/prisma/enums";

export type GuardedRound = { status: RoundStatus | string; deadline: Date | null };
type ExpertWrite = "answers" | "comments" | "rankings";

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Why an expert's write is refused at `now`, or null when it is taken. */
export function expertWriteRefusal(round: GuardedRound, what: ExpertWrite, now: Date = new Date()): string | null {
  if (round.status === "CLOSED") return `This round is closed; ${what} are no longer accepted`;
  if (round.status !== "OPEN") return "This round is not open yet";
  if (round.deadline && round.deadline.getTime() <= now.getTime()) {
    return `The deadline of this round passed on ${utc(round.deadline)}; ${what} are no longer accepted`;
  }
  return null;
}

export function assertExpertMayWrite(round: GuardedRound, what: ExpertWrite, now?: Date): void {
  const refusal = expertWriteRefusal(round, what, now);
  if (refusal) throw conflict(refusal);
}

/** Items, the item block and the ranking settings change only while the round is a draft. */
export function assertDraft(round: GuardedRound, what: string): void {
  if (round.status === "CLOSED") throw conflict(`This round is closed and can no longer be changed (${what})`);
  if (round.status !== "DRAFT") throw conflict(`The round is open; ${what} can only be changed before it opens`);
}

/** Anything an admin changes in a round (deadline, moderation) is refused once it is closed. */
export function assertNotClosed(round: GuardedRound, what: string): void {
  if (round.status === "CLOSED") throw conflict(`This round is closed and can no longer be changed (${what})`);
}
