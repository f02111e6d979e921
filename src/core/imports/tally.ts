import type { PlayReport } from '../model.js';
import type { RecordSink, SkipReason } from './records.js';

/** Failures listed per file in reports; the rest are only counted. */
export const REPORTED_FAILURES = 20;

export interface RecordFailure {
  /** 1-based number of the record in its file. */
  readonly record: number;
  readonly reason: string;
}

/** What one file held, record by record. */
export interface FileTally {
  readonly records: number;
  readonly plays: number;
  readonly skipped: number;
  readonly skippedBy: Readonly<Partial<Record<SkipReason, number>>>;
  readonly failed: number;
  /** The first REPORTED_FAILURES failures, in file order. */
  readonly failures: readonly RecordFailure[];
}

/**
 * Counts what a file's records turned out to be and gathers its plays into batches of
 * `batchSize`, so a caller can hand them on while the file is still being read.
 */
export class PlayBatcher implements RecordSink {
  private readonly batchSize: number;
  private batch: PlayReport[] = [];
  /** The record number of each play of the batch, for failures the daemon reports by index. */
  private batchRecords: number[] = [];
  private records = 0;
  private plays = 0;
  private skipped = 0;
  private readonly skippedBy: Partial<Record<SkipReason, number>> = {};
  private failed = 0;
  private readonly failures: RecordFailure[] = [];

  constructor(batchSize: number) {
    this.batchSize = batchSize;
  }

  play(play: PlayReport): void {
    this.records++;
    this.plays++;
    this.batch.push(play);
    this.batchRecords.push(this.records);
  }

  skip(reason: SkipReason): void {
    this.records++;
    this.skipped++;
    this.skippedBy[reason] = (this.skippedBy[reason] ?? 0) + 1;
  }

  fail(reason: string): void {
    this.records++;
    this.failed++;
    if (this.failures.length < REPORTED_FAILURES) this.failures.push({ record: this.records, reason });
  }

  /** Records read so far (for progress while a file is read). */
  get recordsRead(): number {
    return this.records;
  }

  /** True once a full batch is waiting. */
  get full(): boolean {
    return this.batch.length >= this.batchSize;
  }

  /** The plays gathered since the last call (possibly none), with the record number of each. */
  takeBatch(): { plays: PlayReport[]; records: number[] } {
    const taken = { plays: this.batch, records: this.batchRecords };
    this.batch = [];
    this.batchRecords = [];
    return taken;
  }

  tally(): FileTally {
    return { records: this.records, plays: this.plays, skipped: this.skipped, skippedBy: { ...this.skippedBy }, failed: this.failed, failures: [...this.failures] };
  }
}
