// Whether a round takes a write now, with the message the person sees when it does not. A closed
// round refuses everything; an open round refuses experts' writes once its deadline has passed.
import { AppError, conflict, phrase, type KeysUnder } from "@/lib/errors";
import type { RoundStatus } from "@/lib/generated/prisma/enums";

export type GuardedRound = { status: RoundStatus | string; deadline: Date | null };
type ExpertWrite = "answers" | "comments" | "rankings";
/** What an admin tries to change, as the refusal names it (errors.round.parts.*). */
export type RoundPart = KeysUnder<"round.parts.">;

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function expertWriteError(round: GuardedRound, what: ExpertWrite, now: Date): AppError | null {
  const writes = () => phrase(`round.writes.${what}`);
  if (round.status === "CLOSED") return conflict("round.closedToExperts", { what: writes() });
  if (round.status !== "OPEN") return conflict("round.notOpenYet");
  if (round.deadline && round.deadline.getTime() <= now.getTime()) return conflict("round.deadlinePassed", { deadline: utc(round.deadline), what: writes() });
  return null;
}

/** Why an expert's write is refused at `now` (in English), or null when it is taken. */
export function expertWriteRefusal(round: GuardedRound, what: ExpertWrite, now: Date = new Date()): string | null {
  return expertWriteError(round, what, now)?.message ?? null;
}

export function assertExpertMayWrite(round: GuardedRound, what: ExpertWrite, now: Date = new Date()): void {
  const refusal = expertWriteError(round, what, now);
  if (refusal) throw refusal;
}

/** Items, the item block and the ranking settings change only while the round is a draft. */
export function assertDraft(round: GuardedRound, what: RoundPart): void {
  assertNotClosed(round, what);
  if (round.status !== "DRAFT") throw conflict("round.openNoChange", { what: phrase(`round.parts.${what}`) });
}

/** Anything an admin changes in a round (deadline, moderation) is refused once it is closed. */
export function assertNotClosed(round: GuardedRound, what: RoundPart): void {
  if (round.status === "CLOSED") throw conflict("round.closedNoChange", { what: phrase(`round.parts.${what}`) });
}
