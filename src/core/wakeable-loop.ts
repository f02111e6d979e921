/**
 * The one loop of AIME's services (Last.fm tracker, enrichment queue, AI describer, durations):
 * run one step after another until stopped; a step that finds nothing to do sleeps, and
 * `wake()` (new albums arrived) cuts the sleep short. Stopping aborts the signal given to the step and
 * waits for it to return.
 */
export class WakeableLoop {
  private readonly step: (signal: AbortSignal) => Promise<void>;
  private abort?: AbortController;
  private loop?: Promise<void>;
  private wakeUp?: () => void;

  constructor(step: (signal: AbortSignal) => Promise<void>) {
    this.step = step;
  }

  start(signal: AbortSignal): void {
    this.abort = new AbortController();
    const stop = AbortSignal.any([signal, this.abort.signal]);
    this.loop = this.run(stop);
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    this.wakeUp?.();
    await this.loop;
  }

  get running(): boolean {
    return this.loop !== undefined && this.abort?.signal.aborted === false;
  }

  wake(): void {
    this.wakeUp?.();
  }

  /** Waits `ms`, or less when woken or stopped. */
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      signal.addEventListener('abort', done, { once: true });
      this.wakeUp = done;
    });
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) await this.step(signal);
  }
}
