/** The longest wait between two tries: a target down for a day is tried again every 10 minutes. */
export const MAX_RETRY_DELAY_MS = 10 * 60 * 1000;

/**
 * How long to wait after the `failures`-th passing failure in a row (1 for the first): what
 * the target asked for when it said (X-RateLimit-Reset-In, Retry-After), else an
 * exponential backoff from `baseMs` with jitter (half fixed, half random, so many senders
 * restarting together spread out), never more than MAX_RETRY_DELAY_MS.
 */
export function retryDelayMs(failures: number, baseMs: number, askedMs: number | undefined, random: () => number = Math.random): number {
  if (askedMs !== undefined) return Math.min(Math.max(askedMs, 0), MAX_RETRY_DELAY_MS);
  const exponential = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
