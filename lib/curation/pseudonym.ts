// Panelists appear to each other in curation under a pseudonym such as "Expert 3F09AC": a keyed hash
// per study, so it stays the same as the panel grows, differs between studies, and cannot be turned
// back into a user id without the server's key.
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

export function studyPseudonym(studyId: string, userId: string): string {
  const key = createHmac("sha256", env().NEXTAUTH_SECRET ?? "foresight-development-key").update(`curation:${studyId}`).digest();
  return `Expert ${createHmac("sha256", key).update(userId).digest("hex").slice(0, 6).toUpperCase()}`;
}
