import { companionReason } from '../../core/imports/detect.js';
import type { ExportFormat } from '../../core/imports/formats.js';
import type { PlayReport } from '../../core/model.js';
import type { FilePlay, ImportPlaysResult } from '../../rpc/methods/listens.js';
import { MAX_LINE_BYTES } from '../../rpc/framing.js';
import { ImportReport, type ImportSummary } from './import-report.js';
import { findExportEntries } from './export-entries.js';
import { walkExports } from './walk-exports.js';

/** Where batches of plays go: the daemon's `listens.importPlays`, one transaction each. */
export interface PlayImporter {
  importPlays(plays: FilePlay[], dryRun: boolean): Promise<ImportPlaysResult>;
}

export interface ImportProgress {
  /** Records read so far, plays or not, in every file. */
  readonly records: number;
  readonly filesDone: number;
  /** Records and bytes of the files read to the end (for an estimate of the total). */
  readonly recordsOfFilesDone: number;
  readonly bytesOfFilesDone: number;
  /** The file being read. */
  readonly path: string | null;
}

export interface ImportOptions {
  readonly format?: ExportFormat;
  readonly dryRun: boolean;
  /** Ctrl-C: no new batch is sent; those on their way are answered, then the summary is made. */
  readonly stop: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Plays per batch read from a file (a batch is split further when it would not fit a request). */
  readonly batchSize?: number;
  /** Batches sent before the first is answered: the CLI reads the next while the daemon stores one. */
  readonly inFlight?: number;
}

/**
 * 1,000 plays (≈ 200 kB) per request: with 2,000 each request's plays lived long enough to be
 * promoted in the daemon's heap, and its peak RSS varied between 166 and 244 MB over the same
 * 1,000,000-record import; with 1,000 it stays near 155 MB, at the same speed.
 */
const DEFAULT_BATCH = 1000;
/**
 * Batches on their way at once. The daemon stores up to 10 waiting batches together, in one
 * transaction (group commit), so two groups' worth are on their way: the CLI reads the next
 * group while the daemon stores one.
 */
const DEFAULT_IN_FLIGHT = 10;
/** A request must stay under the socket's line limit; this leaves room for the envelope and for estimates. */
const REQUEST_BUDGET_BYTES = Math.floor(MAX_LINE_BYTES * 0.75);

/**
 * `aime import file`, the CLI's half: reads the exports with the user's own permissions
 * (walkExports) and sends their plays to the daemon in batches, a few on their way at a time,
 * while the daemon — the only writer — stores each batch in one transaction. Importing is
 * idempotent (the same play is stored once), so an import stopped anywhere, by Ctrl-C or by
 * the daemon going away, is finished exactly by running it again.
 */
export async function importExports(paths: readonly string[], importer: PlayImporter, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const report = new ImportReport();
  const inFlight = options.inFlight ?? DEFAULT_IN_FLIGHT;
  const sending: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  let recordsBefore = 0;
  let bytesBefore = 0;
  let filesDone = 0;
  const fileBytes = new Map<string, number>();
  const progress = (path: string | null, recordsRead: number) =>
    options.onProgress?.({ records: recordsBefore + recordsRead, filesDone, recordsOfFilesDone: recordsBefore, bytesOfFilesDone: bytesBefore, path });

  for await (const event of walkExports(paths, { format: options.format, batchSize: options.batchSize ?? DEFAULT_BATCH })) {
    if (event.type === 'file') {
      report.fileStarted(event.path, event.format);
      fileBytes.set(event.path, event.bytes);
      progress(event.path, 0);
    } else if (event.type === 'plays') {
      for (const part of wireBatches(event.plays, event.records)) {
        const path = event.path;
        sending.push(
          importer.importPlays(part.plays, options.dryRun).then(
            (result) => report.batchStored(path, part.records, result),
            (error: unknown) => {
              failure ??= { error };
            },
          ),
        );
        if (sending.length >= inFlight) await sending.shift();
      }
      progress(event.path, event.recordsRead);
    } else if (event.type === 'file-done') {
      report.fileRead(event.path, event.tally);
      recordsBefore += event.tally.records;
      bytesBefore += fileBytes.get(event.path) ?? 0;
      filesDone++;
      progress(null, 0);
    } else if (event.type === 'file-failed') {
      report.fileFailed(event.path, event.format, event.message, event.position);
    } else {
      report.passOver({ path: event.path, reason: event.reason, named: event.named, companion: event.companion });
    }
    // Leaving the loop closes the walk (and the file it holds open).
    if (failure || options.stop.aborted) break;
  }
  await Promise.all(sending);
  if (failure) throw failure.error;
  return report.summary(Date.now() - started, options.dryRun, options.stop.aborted);
}

/**
 * The bytes of every file under the paths that may hold listens (companions such as video
 * history or user.json left out): with the records of the files read so far, an estimate of
 * how many records there are, for the progress bar. Reads names and sizes only.
 */
export async function exportBytes(paths: readonly string[]): Promise<number> {
  let bytes = 0;
  for await (const found of findExportEntries(paths)) {
    if (found.kind === 'entry' && companionReason(found.entry.innerPath, found.entry.inFolder) === null) bytes += found.entry.size;
  }
  return bytes;
}

/**
 * A batch cut so that each request fits the socket's line limit: names are short, so a
 * batch is almost always one request, but a file of 10 kB titles must not make one the
 * daemon refuses. Each play's size is its strings' UTF-8 bytes plus room for the field
 * names and numbers (escapes aside: the budget keeps a quarter of the limit spare).
 */
function* wireBatches(plays: readonly PlayReport[], records: readonly number[]): Generator<{ plays: FilePlay[]; records: number[] }> {
  let start = 0;
  let bytes = 0;
  for (let index = 0; index < plays.length; index++) {
    const play = plays[index] as PlayReport;
    const size = PLAY_FIELDS_BYTES + utf8(play.artist) + utf8(play.title) + utf8(play.album) + utf8(play.albumArtist) + utf8(play.client);
    if (bytes + size > REQUEST_BUDGET_BYTES && index > start) {
      yield { plays: plays.slice(start, index) as FilePlay[], records: records.slice(start, index) };
      start = index;
      bytes = 0;
    }
    bytes += size;
  }
  if (start === 0) yield { plays: plays as FilePlay[], records: [...records] };
  else if (start < plays.length) yield { plays: plays.slice(start) as FilePlay[], records: records.slice(start) };
}

/** Field names, numbers, source and MusicBrainz ids of one play in JSON, at most. */
const PLAY_FIELDS_BYTES = 320;

function utf8(text: string | null | undefined): number {
  return text ? Buffer.byteLength(text) : 0;
}
