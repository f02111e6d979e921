import { RetryLaterError, errorMessage } from '../../core/errors.js';
import type { Clock } from '../../core/ports.js';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitStatus {
  readonly state: CircuitState;
  readonly consecutiveFailures: number;
  /** ISO times; null when it never happened. */
  readonly openedAt: string | null;
  readonly retryAt: string | null;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
}

export interface BreakerOptions {
  /** Failed requests in a row (each already retried) that open the circuit. */
  readonly failures: number;
  /** How long the circuit stays open before one trial request may go. */
  readonly cooldownMs: number;
  readonly clock: Clock;
}

/**
 * Stops asking a server that keeps failing, and asks again later: after `failures` passing
 * failures in a row the circuit opens (calls fail at once); after `cooldownMs` it half-opens
 * and lets one trial through; the trial's success closes it, its failure opens it again.
 * Only RetryLaterError counts: a refused key or an unknown model says the server is up.
 */
export class CircuitBreaker {
  private readonly options: BreakerOptions;
  private state: CircuitState = 'closed';
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private lastError: string | null = null;
  private lastErrorAt: number | null = null;

  constructor(options: BreakerOptions) {
    this.options = options;
  }

  async run<T>(what: string, call: () => Promise<T>): Promise<T> {
    this.admit(what);
    const trial = this.state === 'half-open';
    if (trial) this.trialInFlight = true;
    try {
      const result = await call();
      this.state = 'closed';
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (error) {
      this.lastError = errorMessage(error);
      this.lastErrorAt = this.options.clock.now();
      if (error instanceof RetryLaterError) this.failed(trial);
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  status(): CircuitStatus {
    this.admitTime();
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      state: this.state,
      consecutiveFailures: this.failures,
      openedAt: iso(this.openedAt),
      retryAt: this.state === 'open' && this.openedAt !== null ? iso(this.openedAt + this.options.cooldownMs) : null,
      lastError: this.lastError,
      lastErrorAt: iso(this.lastErrorAt),
    };
  }

  /** Milliseconds until a call may go again (0 when it may go now). */
  waitMs(): number {
    this.admitTime();
    if (this.state === 'closed') return 0;
    if (this.state === 'half-open') return this.trialInFlight ? this.options.cooldownMs : 0;
    return Math.max(0, (this.openedAt ?? 0) + this.options.cooldownMs - this.options.clock.now());
  }

  private admitTime(): void {
    if (this.state === 'open' && this.openedAt !== null && this.options.clock.now() >= this.openedAt + this.options.cooldownMs) {
      this.state = 'half-open';
    }
  }

  private admit(what: string): void {
    this.admitTime();
    if (this.state === 'closed' || (this.state === 'half-open' && !this.trialInFlight)) return;
    const seconds = Math.max(1, Math.ceil(this.waitMs() / 1000));
    throw new RetryLaterError(
      `${what} is unavailable: the circuit is open after ${this.failures} failed requests (last error: ${this.lastError ?? 'unknown'}); next try in ${seconds} s`,
      { retryAfterMs: this.waitMs(), detail: { circuit: this.state } },
    );
  }

  private failed(trial: boolean): void {
    this.failures++;
    if (trial || this.failures >= this.options.failures) {
      this.state = 'open';
      this.openedAt = this.options.clock.now();
    }
  }
}
