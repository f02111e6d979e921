import { describeAlbum, nextAlbumToDescribe } from '../../core/ai/describer.js';
import type { AiDeps, DescriptionAttempts } from '../../core/ai/ports.js';
import { errorMessage } from '../../core/errors.js';
import type { AlbumEvents, Clock } from '../../core/ports.js';
import { WakeableLoop } from '../../core/wakeable-loop.js';
import type { Service } from './registry.js';

export interface AlbumDescriberDeps {
  /** Read for every album: the configured language may change while the daemon runs. */
  readonly ai: () => AiDeps;
  readonly clock: Clock;
  readonly attempts: DescriptionAttempts;
  /** Why AI texts cannot be written now (read on every album: configuring needs no restart). */
  readonly missingConfiguration: () => string | undefined;
  /** How long the AI asks us to wait before the next call (an open circuit), in ms. */
  readonly aiWaitMs: () => number;
  /** Pause between two albums, so the background never crowds the user's own requests. */
  readonly paceMs: number;
  /** How often to look for retries that came due when nothing wakes the describer. */
  readonly idleMs: number;
  readonly onError?: (albumId: number, error: unknown) => void;
}

/**
 * `ai-describer`: gives new albums a description in the background (core/ai/describer.ts
 * holds the steps), one at a time, paced, never while the AI's circuit is open. It runs
 * whenever the daemon runs and idles while AI is not configured.
 */
export class AlbumDescriber implements Service, AlbumEvents {
  readonly name = 'ai-describer';
  private readonly deps: AlbumDescriberDeps;
  private readonly loop = new WakeableLoop((signal) => this.step(signal));
  private described = 0;
  private failed = 0;
  private lastRunAt: Date | null = null;
  private lastError: string | null = null;

  constructor(deps: AlbumDescriberDeps) {
    this.deps = deps;
  }

  albumsCreated(albumIds: readonly number[]): void {
    if (albumIds.length === 0 || this.deps.missingConfiguration()) return;
    this.deps.attempts.enqueue(albumIds, this.nowSeconds()).then(
      () => this.loop.wake(),
      (error: unknown) => (this.lastError = `could not queue albums: ${errorMessage(error)}`),
    );
  }

  async start(signal: AbortSignal): Promise<void> {
    this.loop.start(signal);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Albums still to describe, for `aime ai status`. */
  waiting(): Promise<number> {
    return this.deps.attempts.waiting();
  }

  report() {
    return {
      running: this.loop.running,
      lastRunAt: this.lastRunAt,
      lastError: this.lastError,
      details: { described: this.described, failed: this.failed },
    };
  }

  private async step(signal: AbortSignal): Promise<void> {
    try {
      await this.next(signal);
    } catch (error) {
      this.lastError = errorMessage(error);
      await this.loop.sleep(this.deps.idleMs, signal);
    }
  }

  private async next(signal: AbortSignal): Promise<void> {
    const wait = this.deps.missingConfiguration() ? this.deps.idleMs : this.deps.aiWaitMs();
    if (wait > 0) return this.loop.sleep(wait, signal);
    const albumId = await nextAlbumToDescribe(this.deps.attempts, this.nowSeconds());
    if (albumId === undefined) return this.loop.sleep(this.deps.idleMs, signal);
    this.lastRunAt = new Date(this.deps.clock.now());
    const outcome = await describeAlbum({ ai: this.deps.ai(), attempts: this.deps.attempts }, albumId, signal);
    if (outcome.status === 'described') this.described++;
    if (outcome.status === 'failed') {
      this.failed++;
      this.lastError = `album ${albumId}: ${errorMessage(outcome.error)}`;
      this.deps.onError?.(albumId, outcome.error);
    }
    if (outcome.status !== 'stopped') await this.loop.sleep(this.deps.paceMs, signal);
  }

  private nowSeconds(): number {
    return Math.floor(this.deps.clock.now() / 1000);
  }
}
