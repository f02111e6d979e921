// Moving-window request limiter: at most `limit` accepted requests in any `windowMs`.
// Rejected requests do not count, so a client that backs off gets served again once the
// oldest accepted request leaves the window (and everything is forgotten after a quiet window).

export interface WindowState {
  readonly allowed: boolean;
  /** Accepted requests in the window, this one included when allowed. */
  readonly used: number;
  readonly remaining: number;
  /** Milliseconds until a slot frees up (0 when one is free now). */
  readonly retryAfterMs: number;
}

export class MovingWindowLimiter {
  #hits: number[] = [];

  constructor(
    public limit: number,
    public windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(): WindowState {
    const now = this.now();
    this.#prune(now);
    if (this.#hits.length >= this.limit) return { ...this.#state(now), allowed: false };
    this.#hits.push(now);
    return { ...this.#state(now), allowed: true };
  }

  peek(): WindowState {
    const now = this.now();
    this.#prune(now);
    return { ...this.#state(now), allowed: this.#hits.length < this.limit };
  }

  reset(): void {
    this.#hits = [];
  }

  #prune(now: number): void {
    const from = now - this.windowMs;
    let drop = 0;
    while (drop < this.#hits.length && this.#hits[drop]! <= from) drop += 1;
    if (drop > 0) this.#hits.splice(0, drop);
  }

  #state(now: number): Omit<WindowState, 'allowed'> {
    const used = this.#hits.length;
    const oldest = this.#hits[0];
    const retryAfterMs = used < this.limit || oldest === undefined ? 0 : Math.max(0, oldest + this.windowMs - now);
    return { used, remaining: Math.max(0, this.limit - used), retryAfterMs };
  }
}
