import { errorMessage } from '../../core/errors.js';
import type { AlbumEvents } from '../../core/ports.js';
import { WakeableLoop } from '../../core/wakeable-loop.js';
import type { Service, ServiceReport } from './registry.js';

export interface EnrichmentQueueDeps {
  /** Enriches one album with the providers that can run now (core/enrichment's step). */
  enrich(albumId: number, signal: AbortSignal): Promise<unknown>;
  /** Albums with work due now (never asked, or retry time reached). */
  due(limit: number): Promise<number[]>;
  onError(albumId: number | null, error: unknown): void;
  /** How long to sleep when nothing is due and nobody wakes the queue. */
  readonly idleMs: number;
}

/**
 * `enrichment`, the daemon's background enrichment: woken when albums appear (a tracker or an
 * import calls albumsCreated and goes on at once), it works through them one by one, then
 * through whatever retry times have come, and sleeps when nothing is due. The retry times
 * are rows, so a restart does not ask again what failed a minute ago.
 */
export class EnrichmentQueue implements Service, AlbumEvents {
  readonly name = 'enrichment';
  private readonly deps: EnrichmentQueueDeps;
  private readonly waiting = new Set<number>();
  private readonly loop = new WakeableLoop((signal) => this.step(signal));
  private enriched = 0;
  private lastRunAt: Date | null = null;
  private lastError: string | null = null;

  constructor(deps: EnrichmentQueueDeps) {
    this.deps = deps;
  }

  albumsCreated(albumIds: readonly number[]): void {
    for (const id of albumIds) this.waiting.add(id);
    this.loop.wake();
  }

  async start(signal: AbortSignal): Promise<void> {
    this.loop.start(signal);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  report(): ServiceReport {
    return { running: this.loop.running, lastRunAt: this.lastRunAt, lastError: this.lastError, details: { enriched: this.enriched, waiting: this.waiting.size } };
  }

  private async step(signal: AbortSignal): Promise<void> {
    const next = await this.nextAlbum();
    if (next === undefined) return this.loop.sleep(this.deps.idleMs, signal);
    this.lastRunAt = new Date();
    try {
      await this.deps.enrich(next, signal);
      this.enriched++;
    } catch (error) {
      if (signal.aborted) return;
      this.lastError = `album ${next}: ${errorMessage(error)}`;
      this.deps.onError(next, error);
      // A storage failure would make the same album due again at once: pause instead of spinning.
      await this.loop.sleep(this.deps.idleMs, signal);
    }
  }

  /** The albums just announced first, then the ones whose retry time has come. */
  private async nextAlbum(): Promise<number | undefined> {
    const [first] = this.waiting;
    if (first !== undefined) {
      this.waiting.delete(first);
      return first;
    }
    try {
      const [due] = await this.deps.due(1);
      return due;
    } catch (error) {
      this.deps.onError(null, error);
      return undefined;
    }
  }
}
