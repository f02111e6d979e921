import type { Clock } from '../../core/ports.js';

export interface RateLimitPolicy {
  /** Requests allowed per window to a caller with a valid token. */
  readonly perToken: number;
  /** Requests allowed per window to a caller without one, counted by address. */
  readonly perAddress: number;
  readonly windowSeconds: number;
}

/**
 * The real server allows 50 requests per token and 30 per address every 10 seconds. AIME
 * serves one household's players on its own network, and a backfill from a relay sends
 * its requests back to back, so it allows more; a runaway client still meets a 429.
 */
export const DEFAULT_RATE_LIMIT: RateLimitPolicy = { perToken: 1000, perAddress: 100, windowSeconds: 10 };

export interface RateLimitState {
  readonly limit: number;
  readonly remaining: number;
  /** Epoch seconds when the window ends. */
  readonly reset: number;
  readonly resetIn: number;
  readonly overLimit: boolean;
}

/**
 * Fixed windows aligned on the epoch (each window ends at a multiple of its length), as the
 * real server counts: a caller's requests in the current window against its limit.
 */
export class RateLimiter {
  private readonly policy: RateLimitPolicy;
  private readonly clock: Clock;
  private readonly counts = new Map<string, number>();
  private windowEnd = 0;

  constructor(policy: RateLimitPolicy, clock: Clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Counts one request from `caller` ("token:3", "address:192.168.1.20"). */
  take(caller: { readonly token: boolean; readonly key: string }): RateLimitState {
    const now = Math.floor(this.clock.now() / 1000);
    const per = this.policy.windowSeconds;
    const reset = Math.floor(now / per) * per + per;
    // A new window: the old counts are over, and dropping them keeps the map small.
    if (reset !== this.windowEnd) {
      this.counts.clear();
      this.windowEnd = reset;
    }
    const current = (this.counts.get(caller.key) ?? 0) + 1;
    this.counts.set(caller.key, current);
    const limit = caller.token ? this.policy.perToken : this.policy.perAddress;
    return { limit, remaining: Math.max(limit - current, 0), reset, resetIn: reset - now, overLimit: current > limit };
  }
}

/** The headers the real server puts on every rate-limited response. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset-In': String(state.resetIn),
    'X-RateLimit-Reset': String(state.reset),
    'Access-Control-Expose-Headers': 'X-RateLimit-Remaining,X-RateLimit-Limit,X-RateLimit-Reset,X-RateLimit-Reset-In',
  };
}
