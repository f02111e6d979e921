import type { Logger } from '../log.js';

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
type StopSignal = (typeof STOP_SIGNALS)[number];

/** How long stopping may take before the daemon exits anyway (systemd's own limit is longer). */
const SHUTDOWN_DEADLINE_MS = 4500;

interface Step {
  readonly name: string;
  readonly close: () => unknown;
}

/**
 * One start and one stop for the daemon. Every part that holds something (lock, database,
 * socket, services) registers how to let it go as soon as it holds it; the parts are let go
 * in reverse order both at shutdown and when start-up fails half-way, so a daemon that does
 * not reach "ready" leaves nothing behind (socket, lock) and exits non-zero.
 *
 * SIGTERM and SIGINT are listened to for the whole life of the process, never removed:
 * libraries may install their own hooks that re-raise the signal once they are done
 * (conf → atomically → when-exit does, after the first `aime config set`), and a signal
 * that finds no listener kills the process by default, in the middle of the shutdown.
 *
 * SIGHUP (`systemctl kill -s HUP`, or the terminal of a daemon started by hand closing) stops
 * nothing: there is nothing to reload — the configuration is read on every use and the logs
 * go to stdout — so it is logged and the daemon goes on.
 */
export class DaemonLifecycle {
  private readonly steps: Step[] = [];
  private log?: Logger;
  private received?: StopSignal;
  private readonly stopRequested: Promise<StopSignal>;

  constructor() {
    let request: (signal: StopSignal) => void = () => undefined;
    this.stopRequested = new Promise((resolve) => (request = resolve));
    const onSignal = (signal: StopSignal) => {
      if (this.received) {
        this.log?.debug({ signal }, 'stop signal received again; already stopping');
        return;
      }
      this.received = signal;
      this.armDeadline();
      request(signal);
    };
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
    process.on('SIGHUP', () => this.log?.info({ signal: 'SIGHUP' }, 'SIGHUP: nothing to reload (the configuration is read on every use); still running'));
  }

  /** Where shutdown reports go, once the logger exists. */
  useLogger(log: Logger): void {
    this.log = log;
  }

  /** Registers how to let go of something just acquired; runs at stop, in reverse order. */
  onStop(name: string, close: () => unknown): void {
    this.steps.push({ name, close });
  }

  /** Runs the start-up; if it fails, lets go of whatever it had acquired before failing. */
  async start<T>(startUp: () => Promise<T>): Promise<T> {
    try {
      return await startUp();
    } catch (error) {
      await this.release();
      this.log?.flush();
      throw error;
    }
  }

  /** Waits for SIGTERM/SIGINT, then stops everything in reverse order. Resolves with the exit code. */
  async runUntilStopped(): Promise<number> {
    const signal = await this.stopRequested;
    this.log?.info({ signal }, 'stopping');
    const clean = await this.release();
    this.log?.info('stopped');
    this.log?.flush();
    return clean ? 0 : 1;
  }

  /** Lets go of every registered part, newest first; one failing part does not keep the others held. */
  private async release(): Promise<boolean> {
    let clean = true;
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.close();
      } catch (error) {
        clean = false;
        this.log?.error({ err: error, part: step.name }, 'could not stop cleanly');
      }
    }
    return clean;
  }

  /** A stuck part must not keep systemd waiting: exit 1 once the deadline passes. */
  private armDeadline(): void {
    const deadline = setTimeout(() => {
      const message = `shutdown took longer than ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting anyway`;
      if (this.log) this.log.error(message);
      else process.stderr.write(`aime: ${message}\n`);
      this.log?.flush();
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
  }
}
