import { setImmediate as turn } from 'node:timers/promises';
import { AuthError, RetryLaterError, errorMessage } from '../../core/errors.js';
import { forwardStep, type ForwardStepOutcome } from '../../core/forwarding/forward-step.js';
import type { ForwardOutbox, ListenTarget } from '../../core/forwarding/ports.js';
import { retryDelayMs } from '../../core/forwarding/retry-delay.js';
import type { Clock } from '../../core/ports.js';
import { WakeableLoop } from '../../core/wakeable-loop.js';
import type { Logger } from '../../log.js';
import type { Service, ServiceReport } from './registry.js';

/** A halted sender looks again this often even if nobody wakes it (a token fixed in config.json by hand, then a restart, wakes it anyway). */
const HALTED_NAP_MS = 60 * 60 * 1000;

export interface ForwardServiceDeps {
  readonly outbox: ForwardOutbox;
  /** The target as configured now; undefined while forward.listenbrainz.token is unset. */
  readonly target: () => ListenTarget | undefined;
  readonly missingConfiguration: () => string | undefined;
  readonly runsByDefault: () => boolean;
  /** First backoff delay (http.retryBaseMs), doubled on every failure in a row. */
  readonly retryBaseMs: () => number;
  /** How long an empty queue waits before looking for new listens again. */
  readonly idleMs: number;
  readonly version: string;
  readonly clock: Clock;
  readonly log: Logger;
}

/** What the sender is doing now, for `aime forward status`. */
export interface ForwardLive {
  readonly running: boolean;
  /** Why it stopped sending until the configuration changes (a refused token), if it did. */
  readonly halted: string | null;
  readonly nextAttemptAt: Date | null;
  readonly failuresInARow: number;
}

/**
 * The `forward` service: a loop over core's forwardStep. An empty queue sleeps `idleMs`; a
 * passing failure (429, 5xx, network) waits — what the target asked for, or a growing
 * backoff — and tries again, for as long as it takes; a refused token stops the sending
 * (one request, not a retry storm) until the configuration changes or `aime forward retry`.
 */
export class ForwardService implements Service {
  readonly name = 'forward';
  private readonly deps: ForwardServiceDeps;
  private readonly loop = new WakeableLoop((signal) => this.step(signal));
  private halted: string | null = null;
  private failures = 0;
  private nextAttemptAt: Date | null = null;
  private lastRunAt: Date | null = null;
  private lastError: string | null = null;

  constructor(deps: ForwardServiceDeps) {
    this.deps = deps;
  }

  missingConfiguration(): string | undefined {
    return this.deps.missingConfiguration();
  }

  runsByDefault(): boolean {
    return this.deps.runsByDefault();
  }

  async start(signal: AbortSignal): Promise<void> {
    this.loop.start(signal);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.nextAttemptAt = null;
  }

  /** Try now: after a configuration change, or when asked. A halted sender starts again. */
  retryNow(): void {
    this.halted = null;
    this.failures = 0;
    this.loop.wake();
  }

  live(): ForwardLive {
    return { running: this.loop.running, halted: this.halted, nextAttemptAt: this.nextAttemptAt, failuresInARow: this.failures };
  }

  report(): ServiceReport {
    const counts = this.deps.outbox.counts();
    return {
      running: this.loop.running,
      lastRunAt: this.lastRunAt,
      lastError: this.halted ?? this.lastError,
      details: {
        queued: counts.queued,
        sent: counts.sent,
        parked: counts.parked,
        lastSentAt: counts.lastSentAt === null ? null : new Date(counts.lastSentAt * 1000).toISOString(),
        nextRunAt: this.nextAttemptAt?.toISOString() ?? null,
        halted: this.halted !== null,
      },
    };
  }

  private async step(signal: AbortSignal): Promise<void> {
    const { deps } = this;
    const target = deps.target();
    if (!target) {
      this.lastError = deps.missingConfiguration() ?? null;
      await this.loop.sleep(deps.idleMs, signal);
      return;
    }
    if (this.halted) {
      await this.loop.sleep(HALTED_NAP_MS, signal);
      return;
    }
    this.nextAttemptAt = null;
    let outcome: ForwardStepOutcome;
    try {
      outcome = await forwardStep({ outbox: deps.outbox, target, now: () => Math.floor(deps.clock.now() / 1000), version: deps.version, signal });
    } catch (error) {
      if (signal.aborted) return;
      await this.failed(error, signal);
      return;
    }
    this.failures = 0;
    this.lastError = null;
    if (outcome.requests) this.lastRunAt = new Date(deps.clock.now());
    if (outcome.sent || outcome.parked) deps.log.info({ sent: outcome.sent, parked: outcome.parked, requests: outcome.requests }, 'listens forwarded');
    // A busy queue goes on at once, yet lets the daemon's other work in between rounds.
    if (outcome.idle) await this.loop.sleep(deps.idleMs, signal);
    else await turn();
  }

  private async failed(error: unknown, signal: AbortSignal): Promise<void> {
    const { deps } = this;
    const message = errorMessage(error);
    this.lastError = message;
    this.lastRunAt = new Date(deps.clock.now());
    deps.outbox.noteError(message, Math.floor(deps.clock.now() / 1000));
    if (error instanceof AuthError) {
      this.halted = message;
      deps.log.error({ err: message }, 'forwarding stopped: the target refused the token; it starts again when forward.listenbrainz.token changes (or aime forward retry)');
      return;
    }
    this.failures++;
    const asked = error instanceof RetryLaterError ? error.retryAfterMs : undefined;
    const waitMs = retryDelayMs(this.failures, deps.retryBaseMs(), asked);
    this.nextAttemptAt = new Date(deps.clock.now() + waitMs);
    deps.log.warn({ err: message, failuresInARow: this.failures, waitMs }, 'forwarding failed; the queue is kept and tried again');
    await this.loop.sleep(waitMs, signal);
  }
}
