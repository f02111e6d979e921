import type { IngestSummary, PlayReport } from '../../core/model.js';

interface Waiting {
  readonly plays: readonly PlayReport[];
  resolve(): void;
  reject(error: unknown): void;
}

/** Plays stored in one transaction at most: a group never holds the writer for long. */
const MAX_PLAYS_PER_GROUP = 5000;

/**
 * Group commit for submissions: the plays of every request that finished arriving while the
 * previous group was being written are stored together, in one ingest call (one transaction),
 * instead of one transaction per request. Under many concurrent clients this is what keeps
 * the listener near the speed of ingest itself; a lone request waits one event-loop turn.
 * Each request was checked whole before it joins a group, so a refused request still stores
 * nothing; a group that fails to store fails every request in it (all safe to resend: the
 * same play is stored once).
 */
export class SubmissionBatcher {
  private readonly ingest: { record(plays: readonly PlayReport[]): Promise<IngestSummary> };
  private readonly waiting: Waiting[] = [];
  private scheduled = false;

  constructor(ingest: { record(plays: readonly PlayReport[]): Promise<IngestSummary> }) {
    this.ingest = ingest;
  }

  record(plays: readonly PlayReport[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ plays, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O of this loop turn: requests that completed together are written together.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const group: Waiting[] = [];
    let size = 0;
    while (this.waiting.length && (group.length === 0 || size + this.waiting[0]!.plays.length <= MAX_PLAYS_PER_GROUP)) {
      const next = this.waiting.shift()!;
      group.push(next);
      size += next.plays.length;
    }
    try {
      await this.ingest.record(group.flatMap((waiting) => waiting.plays));
      for (const waiting of group) waiting.resolve();
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    } finally {
      this.scheduled = false;
      if (this.waiting.length) this.schedule();
    }
  }
}
