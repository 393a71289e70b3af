// Login throttling (OWASP ASVS 5 V6.3): after repeated failures an account refuses sign-in for a
// while, whatever the password, so guessing is slow; a source address that fails across many
// accounts is slowed too. Account failures are audit rows, so the limit holds across web servers;
// the per-address count lives in this process (a second line of defence, not the only one).
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_ACCOUNT_FAILURES = 5;
export const MAX_ADDRESS_FAILURES = 50;

/** The account as the audit log names it: a hash, so a mistyped address (or a password typed into the e-mail field) is not logged. */
function accountKey(email: string): string {
  return `email:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32)}`;
}

const addressFailures = new Map<string, number[]>();

function recentAddressFailures(address: string, now: number): number[] {
  const recent = (addressFailures.get(address) ?? []).filter((at) => now - at < LOGIN_WINDOW_MS);
  if (recent.length > 0) addressFailures.set(address, recent);
  else addressFailures.delete(address);
  return recent;
}

/** The refusals, in English; the sign-in form shows them as login.throttledNetwork / throttledAccount. */
export const THROTTLED = {
  network: "Too many failed sign-ins from this network; try again in 15 minutes.",
  account: "Too many failed sign-ins for this account; try again in 15 minutes.",
} as const;

/** Why sign-in is refused before the password is even checked, or null when it may proceed. */
export async function loginRefusal(email: string, address: string | null, now = Date.now()): Promise<string | null> {
  if (address && recentAddressFailures(address, now).length >= MAX_ADDRESS_FAILURES) {
    return THROTTLED.network;
  }
  const failures = await db().auditLog.count({
    where: { entity: "login", entityId: accountKey(email), action: "user.login_failed", at: { gte: new Date(now - LOGIN_WINDOW_MS) } },
  });
  return failures >= MAX_ACCOUNT_FAILURES ? THROTTLED.account : null;
}

export async function recordLoginFailure(email: string, address: string | null, now = Date.now()): Promise<void> {
  if (address) addressFailures.set(address, [...recentAddressFailures(address, now), now]);
  await recordAudit({ actorId: null, action: "user.login_failed", entity: "login", entityId: accountKey(email), data: { address } });
}
