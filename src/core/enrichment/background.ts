import type { AlbumEvents } from '../ports.js';

export interface EnrichmentQueueDeps {
  /** Enriches one album with the due providers. */
  enrich(albumId: number, signal: AbortSignal): Promise<unknown>;
  /** Albums with work due now (never asked, or retry time reached). */
  due(limit: number): Promise<number[]>;
  onError(albumId: number | null, error: unknown): void;
  /** How long to sleep when nothing is due and nobody wakes the queue. */
  readonly idleMs: number;
}

/**
 * Background enrichment in the daemon: woken when albums appear (a tracker or an import
 * calls albumsCreated and goes on at once), it works through them one by one, then
 * through whatever retry times have come, and sleeps when nothing is due. The retry times
 * are rows, so a restart does not ask again what failed a minute ago.
 */
export class EnrichmentQueue implements AlbumEvents {
  private readonly deps: EnrichmentQueueDeps;
  private readonly waiting = new Set<number>();
  private wake?: () => void;
  private abort?: AbortController;
  private loop?: Promise<void>;

  constructor(deps: EnrichmentQueueDeps) {
    this.deps = deps;
  }

  albumsCreated(albumIds: readonly number[]): void {
    for (const id of albumIds) this.waiting.add(id);
    this.wake?.();
  }

  async start(signal: AbortSignal): Promise<void> {
    this.abort = new AbortController();
    const stop = AbortSignal.any([signal, this.abort.signal]);
    this.loop = this.run(stop);
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    this.wake?.();
    await this.loop;
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const next = await this.nextAlbum();
      if (next === undefined) {
        await this.sleep(signal);
        continue;
      }
      try {
        await this.deps.enrich(next, signal);
      } catch (error) {
        if (signal.aborted) break;
        this.deps.onError(next, error);
        // A storage failure would make the same album due again at once: pause instead of spinning.
        await this.sleep(signal);
      }
    }
  }

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

  private sleep(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.deps.idleMs);
      timer.unref();
      signal.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
  }
}
