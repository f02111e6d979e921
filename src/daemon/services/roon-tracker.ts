import type { Logger } from '../../log.js';
import { errorMessage } from '../../core/errors.js';
import type { Clock } from '../../core/ports.js';
import type { PlayReport } from '../../core/model.js';
import { PlayTracker } from '../../core/roon/play-tracker.js';
import type { PlayRecorder } from '../../core/roon/ports.js';
import type { ZoneChange, ZoneFeed } from '../../integrations/roon/zone-feed.js';
import type { Service, ServiceReport } from './registry.js';

export interface RoonTrackerDeps {
  readonly feed: ZoneFeed;
  /** Starts the Roon connection (through the registry, so the wish is remembered). */
  readonly ensureConnection: () => Promise<void>;
  readonly recorder: PlayRecorder;
  readonly radioStations: () => readonly string[];
  readonly clock: Clock;
  readonly log: Logger;
}

/**
 * `roon-tracker`: turns zone events into listens (core/roon/play-tracker.ts decides what a
 * play is; the listens ingest stores it once and merges it with its Last.fm scrobble).
 */
export class RoonTrackerService implements Service {
  readonly name = 'roon-tracker';
  private readonly deps: RoonTrackerDeps;
  private tracker?: PlayTracker;
  private running = false;
  private recorded = 0;
  private lastRecordedAt: Date | null = null;
  private lastError: string | null = null;
  private lastPlay: string | null = null;
  private writes: Promise<void> = Promise.resolve();
  private readonly onChange = (change: ZoneChange) => this.observe(change);

  constructor(deps: RoonTrackerDeps) {
    this.deps = deps;
  }

  async start(signal: AbortSignal): Promise<void> {
    this.tracker = new PlayTracker({ clock: this.deps.clock, radioStations: this.deps.radioStations });
    signal.addEventListener('abort', () => void this.stop(), { once: true });
    await this.deps.ensureConnection();
    this.deps.feed.on('change', this.onChange);
    this.running = true;
    for (const zone of this.deps.feed.zones) this.tracker.observe(zone);
  }

  async stop(): Promise<void> {
    this.deps.feed.off('change', this.onChange);
    this.running = false;
    await this.writes;
  }

  report(): ServiceReport {
    return {
      running: this.running,
      lastRunAt: this.lastRecordedAt,
      lastError: this.lastError,
      details: { recorded: this.recorded, lastPlay: this.lastPlay },
    };
  }

  private observe(change: ZoneChange): void {
    const tracker = this.tracker;
    if (!tracker) return;
    for (const id of change.removed) tracker.forget(id);
    const plays = change.changed.map((zone) => tracker.observe(zone)).filter((play): play is PlayReport => play !== undefined);
    if (plays.length === 0) return;
    // One write at a time, in order; a failure is reported and the tracker goes on.
    this.writes = this.writes.then(() => this.record(plays));
  }

  private async record(plays: PlayReport[]): Promise<void> {
    try {
      const summary = await this.deps.recorder.record(plays);
      this.recorded += summary.imported;
      this.lastRecordedAt = new Date(this.deps.clock.now());
      this.lastPlay = plays.map((p) => `${p.artist} — ${p.title}`).join(', ');
      this.lastError = null;
      this.deps.log.info({ plays: this.lastPlay, zone: plays[0]?.zone, ...summary, newAlbumIds: undefined }, 'Roon play recorded');
    } catch (error) {
      this.lastError = errorMessage(error);
      this.deps.log.error({ err: error }, 'could not record a Roon play');
    }
  }
}
