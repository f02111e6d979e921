import { AuthError, errorMessage } from '../../core/errors.js';
import type { FetchOutcome } from '../../core/spins/tracklists.js';
import { WakeableLoop } from '../../core/wakeable-loop.js';
import type { Service, ServiceReport } from './registry.js';

export interface TracklistFetcherDeps {
  /** Fetches the next tracklist due (core/spins' step). */
  step(signal: AbortSignal): Promise<FetchOutcome>;
  /** How the collection's tracklists stand (read for `aime status`). */
  progress(): { fetched: number; due: number; waiting: number };
  /** Whether to fetch at all (discogs.tracklists). */
  enabled(): boolean;
  onError(error: unknown, releaseId: number | null): void;
  /** How long to sleep when nothing is due and nobody wakes it. */
  readonly idleMs: number;
  /** How long to pause after a failure that is not the release's own (network down, token refused). */
  readonly pauseMs: number;
}

/**
 * `tracklists`, the background fetch of every owned release's tracklist (for `aime spin`),
 * paced as background work on the shared Discogs pacer. It runs whenever the daemon runs,
 * sleeps when nothing is due, and is woken when copies arrive (an import or `collection
 * add` in the daemon); copies stored by a job worker are found at the next idle check.
 * What is fetched, missing or failed is in rows, so a restart goes on where it stopped.
 */
export class TracklistFetcher implements Service {
  readonly name = 'tracklists';
  private readonly deps: TracklistFetcherDeps;
  private readonly loop = new WakeableLoop((signal) => this.step(signal));
  private fetched = 0;
  private failed = 0;
  private lastRunAt: Date | null = null;
  private lastError: string | null = null;

  constructor(deps: TracklistFetcherDeps) {
    this.deps = deps;
  }

  /** New copies may need a tracklist: look now rather than at the next idle check. */
  copiesAdded(): void {
    this.loop.wake();
  }

  async start(signal: AbortSignal): Promise<void> {
    this.loop.start(signal);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  report(): ServiceReport {
    let progress: Record<string, number> = {};
    try {
      progress = this.deps.progress();
    } catch (error) {
      this.deps.onError(error, null);
    }
    return {
      running: this.loop.running,
      lastRunAt: this.lastRunAt,
      lastError: this.lastError,
      details: { fetchedNow: this.fetched, failedNow: this.failed, ...progress },
    };
  }

  private async step(signal: AbortSignal): Promise<void> {
    if (!this.deps.enabled()) return this.loop.sleep(this.deps.idleMs, signal);
    let outcome: FetchOutcome;
    try {
      outcome = await this.deps.step(signal);
    } catch (error) {
      if (signal.aborted) return;
      this.lastError = error instanceof AuthError ? error.message : `tracklists: ${errorMessage(error)}`;
      this.deps.onError(error, null);
      return this.loop.sleep(this.deps.pauseMs, signal);
    }
    if (outcome.kind === 'idle') return this.loop.sleep(this.deps.idleMs, signal);
    this.lastRunAt = new Date();
    if (outcome.kind === 'fetched') {
      this.fetched++;
      this.lastError = null;
      return;
    }
    if (outcome.kind === 'failed') {
      this.failed++;
      this.lastError = `release ${outcome.releaseId}: ${outcome.error.message}`;
      this.deps.onError(outcome.error, outcome.releaseId);
      // Most failures are passing ones (Discogs down, network gone): pause rather than fail the whole collection in a row.
      if (outcome.error.kind === 'retry-later') return this.loop.sleep(this.deps.pauseMs, signal);
    }
  }
}
