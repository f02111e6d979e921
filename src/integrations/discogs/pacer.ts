import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpResponse, Pacer } from '../http.js';

/**
 * Throttles locally from Discogs' `X-Discogs-Ratelimit-*` headers, so the moving window is
 * never overrun: it remembers when its own requests went out, counts the hits the server
 * reports beyond those (another run, another tool) as made just now, and when the window
 * is full waits until enough hits have left it. One slot is kept spare because the server
 * stamps a hit on arrival, a little after we stamp it on sending.
 */
export class DiscogsPacer implements Pacer {
  private readonly windowMs: number;
  private readonly reserve: number;
  private sent: number[] = [];
  private foreign: { count: number; at: number } = { count: 0, at: 0 };
  private limit?: number;

  constructor(windowMs: number, reserve = 1) {
    this.windowMs = windowMs;
    this.reserve = reserve;
  }

  async wait(signal?: AbortSignal): Promise<void> {
    await this.waitLeaving(this.reserve, signal);
  }

  /**
   * The same window seen by work nobody waits for (background tracklists): it leaves a sixth
   * of the limit free, so an import or a `spin` asking at the same moment goes at once
   * instead of queueing behind a whole window of background requests.
   */
  background(): Pacer {
    return {
      wait: (signal) => this.waitLeaving(Math.max(this.reserve + 1, Math.ceil((this.limit ?? 0) / 6)), signal),
      observe: (response) => this.observe(response),
    };
  }

  private async waitLeaving(spare: number, signal?: AbortSignal): Promise<void> {
    for (let delay = this.delay(Date.now(), spare); delay > 0; delay = this.delay(Date.now(), spare)) {
      await sleep(delay, undefined, { signal });
    }
    this.sent.push(Date.now());
  }

  observe(response: HttpResponse): void {
    const limit = Number(response.headers['x-discogs-ratelimit']);
    const remaining = Number(response.headers['x-discogs-ratelimit-remaining']);
    if (!Number.isFinite(limit) || !Number.isFinite(remaining) || limit <= 0) return;
    const now = Date.now();
    this.limit = limit;
    this.prune(now);
    const used = response.status === 429 ? limit : limit - remaining;
    this.foreign = { count: Math.max(0, used - this.sent.length), at: now };
  }

  /** Milliseconds to wait before the next request may go (0: now), keeping `spare` slots of the window free. */
  delay(now: number, spare = this.reserve): number {
    if (this.limit === undefined) return 0;
    this.prune(now);
    const hits = [...this.sent];
    if (this.foreign.at + this.windowMs > now) hits.push(...Array<number>(this.foreign.count).fill(this.foreign.at));
    hits.sort((a, b) => a - b);
    const allowed = Math.max(1, this.limit - spare);
    if (hits.length < allowed) return 0;
    const freeing = hits[hits.length - allowed] ?? now;
    return Math.max(1, freeing + this.windowMs - now);
  }

  private prune(now: number): void {
    const from = now - this.windowMs;
    if (this.sent.length && (this.sent[0] ?? now) <= from) this.sent = this.sent.filter((at) => at > from);
  }
}
