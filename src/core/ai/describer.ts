/**
 * Gives new albums a description in the background: albums reported by the AlbumEvents port
 * are queued as rows (provider 'ai-description' in enrichment_attempts, so the queue
 * survives a restart), then described one at a time, paced, never while the AI's circuit is
 * open. A failure is recorded with a growing retry delay; after five the album is left alone.
 */
import { NotFoundError, errorMessage } from '../errors.js';
import type { AlbumEvents, Clock } from '../ports.js';
import { WakeableLoop } from '../wakeable-loop.js';
import { writeAlbumText } from './album-texts.js';
import type { AiDeps, DescriptionAttempts } from './ports.js';

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

const MAX_ATTEMPTS = 5;
/** 10 minutes, then ×4 each time (40 min, 2 h 40…), at most a day: an outage passes, a bad album stops costing. */
const FIRST_RETRY_S = 600;
const LONGEST_RETRY_S = 86_400;

export class AlbumDescriber implements AlbumEvents {
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

  /** Runs on its own: it waits (idle) while AI is not configured. */
  missingConfiguration(): undefined {
    return undefined;
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
    const [albumId] = await this.deps.attempts.due(this.nowSeconds(), 1);
    if (albumId === undefined) return this.loop.sleep(this.deps.idleMs, signal);
    await this.describe(albumId, signal);
    await this.loop.sleep(this.deps.paceMs, signal);
  }

  private async describe(albumId: number, signal: AbortSignal): Promise<void> {
    this.lastRunAt = new Date(this.deps.clock.now());
    try {
      await writeAlbumText(this.deps.ai(), { album: albumId, kind: 'description', signal });
      await this.deps.attempts.recordSuccess(albumId, this.nowSeconds());
      this.described++;
    } catch (error) {
      if (signal.aborted) return;
      const now = this.nowSeconds();
      const gone = error instanceof NotFoundError;
      await this.deps.attempts.recordFailure(albumId, errorMessage(error), now, (attempts) =>
        gone || attempts >= MAX_ATTEMPTS ? null : now + Math.min(LONGEST_RETRY_S, FIRST_RETRY_S * 4 ** (attempts - 1)),
      );
      this.failed++;
      this.lastError = `album ${albumId}: ${errorMessage(error)}`;
      this.deps.onError?.(albumId, error);
    }
  }

  private nowSeconds(): number {
    return Math.floor(this.deps.clock.now() / 1000);
  }
}
