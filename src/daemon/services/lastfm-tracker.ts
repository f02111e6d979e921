import { errorMessage } from '../../core/errors.js';
import type { ListenIngest } from '../../core/listens/ingest.js';
import type { ListenJournal, ScrobbleSource } from '../../core/listens/ports.js';
import { pollScrobbles, type PollResult } from '../../core/listens/tracker.js';
import type { Clock, SyncStateRepository } from '../../core/ports.js';
import { WakeableLoop } from '../../core/wakeable-loop.js';
import type { Logger } from '../../log.js';
import type { Service, ServiceReport } from './registry.js';

export interface LastfmTrackerDeps {
  /** Why Last.fm cannot be polled with the configuration as it is now, if it cannot. */
  readonly missingConfiguration: () => string | undefined;
  readonly source: () => ScrobbleSource;
  readonly pollSeconds: () => number;
  readonly ingest: ListenIngest;
  readonly journal: ListenJournal;
  readonly state: SyncStateRepository;
  readonly clock: Clock;
  readonly log: Logger;
  /** Told how each poll went (the daemon's metrics count them). */
  readonly onPoll?: (result: 'ok' | 'error') => void;
}

/**
 * The `lastfm-tracker` service: a poll at start, then one every lastfm.pollSeconds (read
 * again each time). A failed poll is logged and shown in the status; the next one catches
 * up, because each poll reads everything since the stored cursor.
 */
export class LastfmTracker implements Service {
  readonly name = 'lastfm-tracker';
  private readonly deps: LastfmTrackerDeps;
  private readonly loop = new WakeableLoop((signal) => this.step(signal));
  private lastPollAt: Date | null = null;
  private nextPollAt: Date | null = null;
  private lastError: string | null = null;
  private lastPoll: PollResult | null = null;

  constructor(deps: LastfmTrackerDeps) {
    this.deps = deps;
  }

  missingConfiguration(): string | undefined {
    return this.deps.missingConfiguration();
  }

  async start(signal: AbortSignal): Promise<void> {
    this.loop.start(signal);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.nextPollAt = null;
  }

  report(): ServiceReport {
    return {
      running: this.loop.running,
      lastRunAt: this.lastPollAt,
      lastError: this.lastError,
      details: {
        lastPollAt: this.lastPollAt?.toISOString() ?? null,
        nextPollAt: this.nextPollAt?.toISOString() ?? null,
        pollSeconds: this.deps.pollSeconds(),
        lastSeen: this.lastPoll?.lastSeen ?? null,
        lastPoll: this.lastPoll && { imported: this.lastPoll.imported, skipped: this.lastPoll.skipped, failed: this.lastPoll.failed, pages: this.lastPoll.pages },
      },
    };
  }

  /** One poll, then the wait until the next (pollSeconds is read again each time). */
  private async step(signal: AbortSignal): Promise<void> {
    await this.poll(signal);
    if (signal.aborted) return;
    const waitMs = this.deps.pollSeconds() * 1000;
    this.nextPollAt = new Date(Date.now() + waitMs);
    await this.loop.sleep(waitMs, signal);
  }

  private async poll(signal: AbortSignal): Promise<void> {
    const { deps } = this;
    try {
      const result = await pollScrobbles({ source: deps.source(), ingest: deps.ingest, journal: deps.journal, state: deps.state, clock: deps.clock, signal });
      this.lastPoll = result;
      this.lastError = null;
      if (result.imported) deps.log.info({ imported: result.imported, lastSeen: result.lastSeen }, 'new scrobbles recorded');
      deps.onPoll?.('ok');
    } catch (error) {
      if (signal.aborted) return;
      this.lastError = errorMessage(error);
      deps.onPoll?.('error');
      deps.log.warn({ err: error }, 'Last.fm poll failed; the next poll catches up');
    } finally {
      this.lastPollAt = new Date(deps.clock.now());
    }
  }
}
