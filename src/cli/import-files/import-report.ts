import type { ExportFormat } from '../../core/imports/formats.js';
import { REPORTED_FAILURES, type FileTally, type RecordFailure } from '../../core/imports/tally.js';
import type { ImportPlaysResult } from '../../rpc/methods/listens.js';
import type { SyntaxPosition } from './syntax-error.js';

/** Plays of configured radio stations, counted among a file's skipped records. */
export const STATION_SKIP = 'radio station';

/** One file of `aime import file --json` (public shape: fields are added, never renamed). */
export interface FileReport {
  path: string;
  format: ExportFormat | null;
  records: number;
  imported: number;
  /** Records the rules leave out (podcasts, short streams…), counted by reason in skippedByReason. */
  skipped: number;
  skippedByReason: Record<string, number>;
  /** Stored already, or another source's copy of a stored listen. */
  duplicates: number;
  failed: number;
  /** The first 20 failed records, in file order. */
  errors: RecordFailure[];
  /** Why the file could not be read (broken syntax, unreadable); its other counts are what was stored before. */
  error?: string;
  position?: SyntaxPosition;
}

/** A path that holds no listens: named by the user (a mistake, exit 2) or found in a folder or ZIP. */
export interface PassedOver {
  path: string;
  reason: string;
  named: boolean;
  companion: boolean;
}

export interface ImportSummary {
  imported: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  duplicates: number;
  failed: number;
  records: number;
  durationMs: number;
  dryRun: boolean;
  /** True when Ctrl-C stopped the import before every file was read. */
  stopped: boolean;
  files: FileReport[];
  passedOver: PassedOver[];
}

/** Gathers what each file held and what the daemon did with its plays, batch by batch. */
export class ImportReport {
  private readonly files = new Map<string, FileReport>();
  private readonly passedOver: PassedOver[] = [];

  fileStarted(path: string, format: ExportFormat): void {
    this.files.set(path, { path, format, records: 0, imported: 0, skipped: 0, skippedByReason: {}, duplicates: 0, failed: 0, errors: [] });
  }

  /** What the reader found in the whole file (records, skips and failures by the rules). */
  fileRead(path: string, tally: FileTally): void {
    const file = this.file(path);
    file.records = tally.records;
    file.skipped += tally.skipped;
    for (const [reason, count] of Object.entries(tally.skippedBy)) addTo(file.skippedByReason, reason, count ?? 0);
    file.failed += tally.failed;
    addErrors(file, tally.failures);
  }

  /** What the daemon did with one batch; `records` numbers each play of the batch in its file. */
  batchStored(path: string, records: readonly number[], result: ImportPlaysResult): void {
    const file = this.file(path);
    file.imported += result.imported;
    file.duplicates += result.duplicates;
    if (result.stations) {
      file.skipped += result.stations;
      addTo(file.skippedByReason, STATION_SKIP, result.stations);
    }
    file.failed += result.failures.length;
    addErrors(file, result.failures.map((failure) => ({ record: records[failure.index] ?? 0, reason: failure.reason })));
  }

  fileFailed(path: string, format: ExportFormat | undefined, message: string, position?: SyntaxPosition): void {
    const file = this.files.get(path) ?? { path, format: format ?? null, records: 0, imported: 0, skipped: 0, skippedByReason: {}, duplicates: 0, failed: 0, errors: [] };
    file.error = message;
    if (position) file.position = position;
    this.files.set(path, file);
  }

  passOver(entry: PassedOver): void {
    this.passedOver.push(entry);
  }

  summary(durationMs: number, dryRun: boolean, stopped: boolean): ImportSummary {
    const files = [...this.files.values()];
    const skippedByReason: Record<string, number> = {};
    for (const file of files) for (const [reason, count] of Object.entries(file.skippedByReason)) addTo(skippedByReason, reason, count);
    const sum = (field: 'imported' | 'skipped' | 'duplicates' | 'failed' | 'records') => files.reduce((total, file) => total + file[field], 0);
    return {
      imported: sum('imported'),
      skipped: sum('skipped'),
      skippedByReason,
      duplicates: sum('duplicates'),
      failed: sum('failed'),
      records: sum('records'),
      durationMs,
      dryRun,
      stopped,
      files,
      passedOver: [...this.passedOver],
    };
  }

  private file(path: string): FileReport {
    const file = this.files.get(path);
    if (!file) throw new Error(`no file started for ${path}`);
    return file;
  }
}

function addTo(counts: Record<string, number>, reason: string, count: number): void {
  counts[reason] = (counts[reason] ?? 0) + count;
}

/** Keeps the first REPORTED_FAILURES failures in record order, whichever side found them. */
function addErrors(file: FileReport, failures: readonly RecordFailure[]): void {
  if (failures.length === 0) return;
  file.errors = [...file.errors, ...failures].sort((a, b) => a.record - b.record).slice(0, REPORTED_FAILURES);
}
