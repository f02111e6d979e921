import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpResponse, Pacer } from '../http.js';
import { rateLimitResetMs } from './failures.js';

/**
 * ListenBrainz's rate limits, kept from our side: at least `minIntervalMs` between two
 * requests (its documentation asks for no more than one call a second), and once a reply
 * says the window is used up (X-RateLimit-Remaining 0, or a 429), nothing until
 * X-RateLimit-Reset-In has passed.
 */
export class ListenbrainzPacer implements Pacer {
  private readonly minIntervalMs: () => number;
  private nextAt = 0;
  private blockedUntil = 0;

  constructor(minIntervalMs: () => number) {
    this.minIntervalMs = minIntervalMs;
  }

  async wait(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextAt, this.blockedUntil);
    this.nextAt = at + this.minIntervalMs();
    if (at > now) await sleep(at - now, undefined, { signal });
  }

  observe(response: HttpResponse): void {
    const remaining = Number(response.headers['x-ratelimit-remaining']);
    const resetMs = rateLimitResetMs(response.headers);
    if (resetMs === undefined) return;
    if (response.status === 429 || (response.headers['x-ratelimit-remaining'] !== undefined && remaining <= 0)) {
      this.blockedUntil = Math.max(this.blockedUntil, Date.now() + resetMs);
    }
  }

  /** When the next request may go (ms since the epoch; 0 or past: now). */
  get readyAt(): number {
    return Math.max(this.nextAt, this.blockedUntil);
  }
}
