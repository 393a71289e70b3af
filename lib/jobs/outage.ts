// A job that meets an unreachable database waits for it instead of spending its attempts: BullMQ's
// retries (3, from 5 s, exponential) are over in ~15 s, and a job whose last attempt fails while the
// database is still down cannot even mark its row failed — the row would stay RUNNING with nothing
// left to finish it. Waiting keeps the job, and its row, until the database answers again.
import { db } from "@/lib/db";

/** Connection-level failures: the server is gone, restarting or refusing, not the query wrong. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down, in recovery)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "P1001", // Prisma: can't reach database server
  "P1002", // Prisma: database server timed out
  "P1017", // Prisma: server closed the connection
  "P2024", // Prisma: timed out fetching a connection from the pool
]);

const UNAVAILABLE_MESSAGE =
  /Connection terminated|Client has encountered a connection error|connection (?:is )?closed|Can't reach database server|terminating connection|the database system is (?:starting up|shutting down|in recovery mode)|\b(?:ECONNREFUSED|ECONNRESET|EPIPE)\b|Code: `(?:57P0[123]|08\d{3})`/i;

/** True when `error` (or an error it wraps) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, message, errors } = e as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true; // AggregateError (IPv4 + IPv6 refused)
  }
  return false;
}

export type WaitOptions = { timeoutMs: number; intervalMs?: number; ping?: () => Promise<unknown> };

/** Resolves true once the database answers, false if it has not answered within `timeoutMs`. */
export async function waitForDatabase({ timeoutMs, intervalMs = 2_000, ping = () => db().$queryRaw`SELECT 1` }: WaitOptions): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await ping();
      return true;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
    }
    if (Date.now() + intervalMs > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
