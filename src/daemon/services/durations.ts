import { addFillReport, DurationScan, emptyFillReport, type FillReport } from '../../core/durations/fill.js';
import type { DurationCounts } from '../../core/durations/ports.js';
import { errorMessage } from '../../core/errors.js';
import type { AlbumEvents, ListenEvents } from '../../core/ports.js';
import { WakeableLoop } from '../../core/wakeable-loop.js';
import type { Service, ServiceReport } from './registry.js';

export interface DurationWorkerDeps {
  /** One step of core/durations with the catalogues as configured now; undefined when nothing is due. */
  step(scan: DurationScan, signal: AbortSignal): Promise<FillReport | undefined>;
  counts(): DurationCounts;
  /** The earliest retry time to come (epoch seconds), if any. */
  nextRetryAt(): number | null;
  onError(error: unknown): void;
  /** Longest sleep when nothing is due and nobody wakes the worker. */
  readonly idleMs: number;
  /** Pause after a step whose every lookup failed (a catalogue down or rate-limiting). */
  readonly failurePauseMs: number;
}

/** What a run on demand did, and what is left. */
export interface DurationRun {
  readonly report: FillReport;
  readonly before: DurationCounts;
  readonly after: DurationCounts;
  readonly durationMs: number;
}

/**
 * `durations`, the worker that gives every track a length (essential: it runs whenever the
 * daemon runs). Woken when listens are stored or albums appear, it takes one step after
 * another (core/durations' fillNextDurations) until nothing is due, then sleeps until the
 * next retry time or the next wake. `aime enrich --durations` runs the same steps through
 * fillNow(); steps never overlap (one lock), and the loop stands aside while such a run
 * goes, so a lookup is never made twice and the run's counts are its own.
 */
export class DurationWorker implements Service, AlbumEvents, ListenEvents {
  readonly name = 'durations';
  private readonly deps: DurationWorkerDeps;
  private readonly loop = new WakeableLoop((signal) => this.step(signal));
  private readonly scan = new DurationScan();
  private readonly done = emptyFillReport();
  private lock: Promise<unknown> = Promise.resolve();
  private runsOnDemand = 0;
  /** Set by a wake: the step that finds nothing due looks again instead of sleeping. */
  private nudged = false;
  /** The last step found work (or one is under way): durations are being filled. */
  private working = false;
  private lastRunAt: Date | null = null;
  private lastError: string | null = null;

  constructor(deps: DurationWorkerDeps) {
    this.deps = deps;
  }

  albumsCreated(): void {
    this.wake();
  }

  listensRecorded(): void {
    this.wake();
  }

  async start(signal: AbortSignal): Promise<void> {
    this.loop.start(signal);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Whether durations are being filled now (work was found, or a run on demand goes). */
  filling(): boolean {
    return this.working || this.runsOnDemand > 0;
  }

  report(): ServiceReport {
    const { filled } = this.done;
    return {
      running: this.loop.running,
      lastRunAt: this.lastRunAt,
      lastError: this.lastError,
      details: {
        filling: this.filling(),
        filled: filled['lastfm-album'] + filled['lastfm-track'] + filled.musicbrainz,
        filledBy: { ...filled },
        lookups: this.done.lookups,
        failed: this.done.failed,
      },
    };
  }

  /**
   * Runs steps now until nothing is due (what failed waits for its retry time), telling
   * `progress` how many of the tracks without a duration at the start are done with.
   */
  async fillNow(signal: AbortSignal, progress: (done: number, total: number) => void): Promise<DurationRun> {
    const started = Date.now();
    this.runsOnDemand++;
    try {
      const before = this.deps.counts();
      const report = emptyFillReport();
      progress(0, before.tracksWithoutDuration);
      while (!signal.aborted) {
        const step = await this.exclusive(() => this.deps.step(this.scan, signal));
        if (!step) break;
        addFillReport(report, step);
        addFillReport(this.done, step);
        this.lastRunAt = new Date();
        progress(Math.min(report.settled, before.tracksWithoutDuration), before.tracksWithoutDuration);
      }
      return { report, before, after: this.deps.counts(), durationMs: Date.now() - started };
    } finally {
      this.runsOnDemand--;
      this.wake();
    }
  }

  private wake(): void {
    this.nudged = true;
    this.loop.wake();
  }

  /** Steps one after another, never two at once. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.lock.then(work);
    this.lock = turn.catch(() => undefined);
    return turn;
  }

  private async step(signal: AbortSignal): Promise<void> {
    // A run on demand goes: it wakes the loop when it ends.
    if (this.runsOnDemand > 0) return this.loop.sleep(this.deps.idleMs, signal);
    this.nudged = false;
    let report: FillReport | undefined;
    // Until the step says otherwise, count it as work: a look that finds nothing takes microseconds.
    this.working = true;
    try {
      report = await this.exclusive(() => this.deps.step(this.scan, signal));
    } catch (error) {
      if (signal.aborted) return;
      this.working = false;
      this.lastError = errorMessage(error);
      this.deps.onError(error);
      return this.loop.sleep(this.deps.idleMs, signal);
    }
    if (!report) {
      this.working = false;
      if (this.nudged) return;
      return this.loop.sleep(this.untilNextRetry(), signal);
    }
    this.lastRunAt = new Date();
    addFillReport(this.done, report);
    if (report.lastError) this.lastError = report.lastError;
    if (report.failed > 0 && report.failed === report.albumsAsked + report.tracksAsked) await this.loop.sleep(this.deps.failurePauseMs, signal);
  }

  private untilNextRetry(): number {
    try {
      const next = this.deps.nextRetryAt();
      if (next === null) return this.deps.idleMs;
      return Math.max(1000, Math.min(this.deps.idleMs, next * 1000 - Date.now()));
    } catch (error) {
      this.deps.onError(error);
      return this.deps.idleMs;
    }
  }
}
