// One limiter per API (per host for feeds), shared by every collection in this process, so two
// jobs on one worker together stay inside an API's published rate. Time comes from a Clock, so
// tests run the limits on a fake clock instead of waiting.

export type Clock = {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** Minimum spacing between request starts; reservations are taken synchronously, so callers queue fairly. */
export class RateLimiter {
  private nextAt = 0;
  private lastAt = 0;

  constructor(private intervalMs: number) {}

  get interval(): number {
    return this.intervalMs;
  }

  async acquire(clock: Clock, signal?: AbortSignal): Promise<void> {
    const now = clock.now();
    const at = Math.max(now, this.nextAt);
    this.lastAt = at;
    this.nextAt = at + this.intervalMs;
    if (at > now) await clock.sleep(at - now, signal);
  }

  /** Nobody starts a request before `time` (a 429's Retry-After applies to every caller). */
  holdUntil(time: number): void {
    this.nextAt = Math.max(this.nextAt, time);
  }

  /** Slows down (never speeds up past the configured floor) when the API announces its limit. */
  slowTo(intervalMs: number, floorMs: number): void {
    this.intervalMs = Math.max(floorMs, intervalMs);
    this.nextAt = Math.max(this.nextAt, this.lastAt + this.intervalMs);
  }
}

const limiters = new Map<string, RateLimiter>();

export function rateLimiter(key: string, intervalMs: number): RateLimiter {
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(intervalMs);
    limiters.set(key, limiter);
  }
  return limiter;
}

/** Forget all limiters (tests, which each start a fresh clock). */
export function resetRateLimiters(): void {
  limiters.clear();
}

/**
 * Milliseconds to wait from a Retry-After header (delta-seconds or an HTTP date), or null.
 * @example retryAfterMs("120", 0) // => 120000
 */
export function retryAfterMs(header: string | undefined, now: number): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * The spacing Crossref asks for with X-Rate-Limit-Limit (requests) per X-Rate-Limit-Interval ("1s").
 * @example announcedIntervalMs("50", "1s") // => 20
 */
export function announcedIntervalMs(limit: string | undefined, interval: string | undefined): number | null {
  const requests = Number(limit);
  const match = interval?.trim().match(/^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/);
  if (!Number.isFinite(requests) || requests <= 0 || !match) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? "s") as "ms" | "s" | "m" | "h"];
  return Math.ceil((Number(match[1]) * unit) / requests);
}
