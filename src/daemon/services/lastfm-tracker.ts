import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../../core/errors.js';
import type { ListenIngest } from '../../core/listens/ingest.js';
import type { ListenJournal, ScrobbleSource } from '../../core/listens/ports.js';
import { pollScrobbles, type PollResult } from '../../core/listens/tracker.js';
import type { Clock, SyncStateRepository } from '../../core/ports.js';
import type { Logger } from '../../log.js';
import type { Service, ServiceReport } from '../services.js';

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
}

/**
 * The `lastfm-tracker` service: a poll at start, then one every lastfm.pollSeconds (read
 * again each time). A failed poll is logged and shown in the status; the next one catches
 * up, because each poll reads everything since the stored cursor.
 */
export class LastfmTracker implements Service {
  readonly name = 'lastfm-tracker';
  private readonly deps: LastfmTrackerDeps;
  private abort?: AbortController;
  private loop?: Promise<void>;
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
    this.abort = new AbortController();
    const stopped = AbortSignal.any([signal, this.abort.signal]);
    this.loop = this.run(stopped);
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = undefined;
    this.nextPollAt = null;
  }

  report(): ServiceReport {
    return {
      running: this.loop !== undefined,
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

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.poll(signal);
      const waitMs = this.deps.pollSeconds() * 1000;
      this.nextPollAt = new Date(Date.now() + waitMs);
      try {
        await sleep(waitMs, undefined, { signal });
      } catch {
        return;
      }
    }
  }

  private async poll(signal: AbortSignal): Promise<void> {
    const { deps } = this;
    try {
      const result = await pollScrobbles({ source: deps.source(), ingest: deps.ingest, journal: deps.journal, state: deps.state, clock: deps.clock, signal });
      this.lastPoll = result;
      this.lastError = null;
      if (result.imported) deps.log.info({ imported: result.imported, lastSeen: result.lastSeen }, 'new scrobbles recorded');
    } catch (error) {
      if (signal.aborted) return;
      this.lastError = errorMessage(error);
      deps.log.warn({ err: error }, 'Last.fm poll failed; the next poll catches up');
    } finally {
      this.lastPollAt = new Date(deps.clock.now());
    }
  }
}
