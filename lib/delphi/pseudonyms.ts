// Comment authors appear to experts as "Expert N". The mapping is a keyed hash per round, so labels
// are stable within a round, differ between rounds, and cannot be linked to a user id without the key.
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

export function pseudonyms(roundId: string, authorIds: readonly string[]): Map<string, string> {
  const key = createHmac("sha256", env().NEXTAUTH_SECRET ?? "foresight-development-key").update(`round:${roundId}`).digest();
  const unique = [...new Set(authorIds)];
  const ranked = unique
    .map((id) => ({ id, h: createHmac("sha256", key).update(id).digest("hex") }))
    .sort((a, b) => (a.h < b.h ? -1 : 1));
  return new Map(ranked.map((r, i) => [r.id, `Expert ${i + 1}`]));
}
