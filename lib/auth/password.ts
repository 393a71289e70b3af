// Passwords: argon2id with the OWASP ASVS 5 parameters (m = 19 MiB, t = 2, p = 1).
import { hash, verify } from "@node-rs/argon2";

/** `Algorithm.Argon2id`; the package exports a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A precomputed hash verified for unknown e-mails, so the response time does not reveal who exists. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$6pe38+ycTZae8ar3QIldig$ujXSOHhkG8M88OLCOlkzQVGcaOvJQ6df0pBjtsNXDWg";

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters`;
  return null;
}
