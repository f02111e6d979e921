import type { Service, ServiceReport } from './services.js';

/**
 * A service slot whose implementation is not part of this build yet: it can be asked to
 * start (the wish is persisted and restored like any other) and reports why it cannot run.
 */
export class PlannedService implements Service {
  readonly name: string;
  private readonly reason: string;

  constructor(name: string, reason: string) {
    this.name = name;
    this.reason = reason;
  }

  missingConfiguration(): string {
    return this.reason;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  report(): ServiceReport {
    return { running: false, lastError: this.reason };
  }
}
