/**
 * The per-key rate limit: a fixed one-minute window counted in the memory of this instance
 * (docs/open311.md says why not in the store). The clock is passed in.
 */

const WINDOW_MS = 60_000;
/** Past this many tracked keys, windows that have ended are dropped. */
const SWEEP_AT = 10_000;

export type RateLimiter = {
  /** Counts one call of a key; answers whether it is within the limit, and else the seconds until the window ends. */
  hit(key: string, limitPerMinute: number): { allowed: true } | { allowed: false; retryAfterSeconds: number };
};

/** A limiter over a clock in milliseconds. */
export const createRateLimiter = (nowMs: () => number): RateLimiter => {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, limit) {
      const now = nowMs();
      const start = now - (now % WINDOW_MS);
      if (windows.size > SWEEP_AT) for (const [k, w] of windows) if (w.start < start) windows.delete(k);
      const w = windows.get(key);
      const current = w && w.start === start ? w : { start, count: 0 };
      current.count += 1;
      windows.set(key, current);
      return current.count <= limit ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.ceil((start + WINDOW_MS - now) / 1000) };
    },
  };
};
