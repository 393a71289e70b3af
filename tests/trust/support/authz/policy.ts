// Who may call what: the five callers of the matrix and the expected outcome per endpoint, written
// with the predicates of lib/auth/permissions.ts. The rules are the product's, stated once here:
// admin manages; planner reads studies, reports and exports; the invited expert answers their own
// round and curates their study's themes; an expert of another study gets nothing of this study;
// anonymous visitors get nothing but sign-in, invitation links and the health check.
import { can, type Viewer } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

export const PERSONAS = ["anonymous", "admin", "planner", "invitedExpert", "otherExpert"] as const;
export type Persona = (typeof PERSONAS)[number];

/** The role each signed-in persona has; `invitedExpert` is on the panel of the study under test, `otherExpert` only on another study's. */
export const PERSONA_ROLE: Record<Exclude<Persona, "anonymous">, Role> = {
  admin: "ADMIN",
  planner: "PLANNER",
  invitedExpert: "EXPERT",
  otherExpert: "EXPERT",
};

export type Policy = { describe: string; allows: (persona: Persona) => boolean };

/** A viewer of the persona's role (the ids do not matter to role predicates). */
const viewerOf = (persona: Persona): Viewer | null =>
  persona === "anonymous" ? null : { id: `persona-${persona}`, email: `${persona}@example.test`, name: persona, role: PERSONA_ROLE[persona] };

/** Allowed to whoever the predicate of lib/auth/permissions.ts admits. */
export function permission(name: keyof typeof can, options: { onlyOwnStudy?: boolean } = {}): Policy {
  const check = can[name] as (v: Viewer) => boolean;
  return {
    describe: `can.${name}${options.onlyOwnStudy ? " (experts: own study only)" : ""}`,
    allows: (persona) => {
      const viewer = viewerOf(persona);
      if (!viewer || !check(viewer)) return false;
      // An expert's rights are about the study whose panel they are on, never another study.
      return !(options.onlyOwnStudy && persona === "otherExpert");
    },
  };
}

export const everyone: Policy = { describe: "everyone, signed in or not", allows: () => true };
export const signedIn: Policy = { describe: "any signed-in user", allows: (p) => p !== "anonymous" };

/** Only the named personas (object-level rules: the author of a proposal, the expert whose profile it is). */
export function only(personas: Persona[], why: string): Policy {
  return { describe: why, allows: (p) => personas.includes(p) };
}

export function anyOf(...policies: Policy[]): Policy {
  return { describe: policies.map((p) => p.describe).join(" or "), allows: (p) => policies.some((policy) => policy.allows(p)) };
}
