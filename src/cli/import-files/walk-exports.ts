import { errorMessage } from '../../core/errors.js';
import { companionReason, detectExport, DETECTION_HEAD_BYTES } from '../../core/imports/detect.js';
import { FORMAT_LAYOUTS, type ExportFormat } from '../../core/imports/formats.js';
import { createExportReader } from '../../core/imports/readers.js';
import { PlayBatcher, type FileTally } from '../../core/imports/tally.js';
import type { PlayReport } from '../../core/model.js';
import { findExportEntries, readHead, type ExportEntry } from './export-entries.js';
import { checkedStreamRecords, exportSyntax, WHOLE_FILE_BYTES, wholeFileRecords } from './export-records.js';
import { ExportSyntaxError, type SyntaxPosition } from './syntax-error.js';

export interface WalkOptions {
  /** --format: read every file as this format instead of recognising it. */
  readonly format?: ExportFormat;
  /** Plays per `plays` event. */
  readonly batchSize?: number;
  /** Files up to this size are parsed whole; bigger ones are streamed (twice). */
  readonly wholeFileBytes?: number;
  /** Now, in UTC epoch seconds, for the "in the future" check (tests fix it). */
  readonly now?: () => number;
}

/**
 * What walking the paths finds, file by file, in order. For each export file: `file` once its
 * syntax is known to be good, then its `plays` in batches, then `file-done` with its counts;
 * or `file-failed` (nothing of it was handed out, unless `partial`: the file changed or broke
 * while its records were read a second time). Files that are no export: `passed-over`
 * (`named`: the user named it, rather than it being found in a folder or ZIP).
 */
export type ExportEvent =
  | { readonly type: 'file'; readonly path: string; readonly format: ExportFormat; readonly bytes: number }
  /** `recordsRead`: the file's records read so far, plays or not (for progress); `records`: each play's record number. */
  | { readonly type: 'plays'; readonly path: string; readonly plays: PlayReport[]; readonly records: number[]; readonly recordsRead: number }
  | { readonly type: 'file-done'; readonly path: string; readonly format: ExportFormat; readonly tally: FileTally }
  | { readonly type: 'file-failed'; readonly path: string; readonly format?: ExportFormat; readonly message: string; readonly position?: SyntaxPosition; readonly partial: boolean }
  | { readonly type: 'passed-over'; readonly path: string; readonly reason: string; readonly named: boolean; readonly companion: boolean };

const DEFAULT_BATCH = 2000;

/**
 * Reads listening exports from files, folders and ZIPs (read in place) into batches of plays,
 * with per-file counts — the CLI's side of `aime import file`: it reads with the user's own
 * permissions and sends the batches on. Stopping the iteration early closes what is open.
 */
export async function* walkExports(paths: readonly string[], options: WalkOptions = {}): AsyncGenerator<ExportEvent> {
  for await (const found of findExportEntries(paths)) {
    if (found.kind === 'unreadable') yield { type: 'file-failed', path: found.path, message: found.message, partial: false };
    else yield* readEntry(found.entry, options);
  }
}

async function* readEntry(entry: ExportEntry, options: WalkOptions): AsyncGenerator<ExportEvent> {
  const companion = companionReason(entry.innerPath, entry.inFolder);
  if (companion !== null) {
    yield { type: 'passed-over', path: entry.path, reason: companion, named: !entry.inFolder, companion: true };
    return;
  }
  const wholeFileBytes = options.wholeFileBytes ?? WHOLE_FILE_BYTES;
  // A file that will be parsed whole is read once: detection looks at the start of its bytes.
  let bytes: Buffer | undefined;
  let head: string;
  try {
    if (entry.size <= wholeFileBytes) bytes = await entry.readAll();
    head = (bytes ?? (await readHead(entry, DETECTION_HEAD_BYTES))).toString('utf8', 0, DETECTION_HEAD_BYTES);
  } catch (error) {
    yield { type: 'file-failed', path: entry.path, message: `cannot read: ${errorMessage(error)}`, partial: false };
    return;
  }
  const detection = detectExport(entry.innerPath, head, { explicit: options.format, inFolder: entry.inFolder });
  if (detection.kind === 'other') {
    yield { type: 'passed-over', path: entry.path, reason: detection.reason, named: !entry.inFolder, companion: detection.companion };
    return;
  }
  const format = detection.format;
  const layout = FORMAT_LAYOUTS[format];
  const syntax = exportSyntax(layout, head);
  let chunks: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>;
  try {
    chunks = bytes ? [wholeFileRecords(bytes, layout, syntax)] : await checkedStreamRecords(entry, layout, syntax);
  } catch (error) {
    yield failure(entry, format, error, false);
    return;
  }
  bytes = undefined; // the records are parsed: let the bytes go while they are read
  yield { type: 'file', path: entry.path, format, bytes: entry.size };
  const reader = createExportReader(format);
  const batcher = new PlayBatcher(options.batchSize ?? DEFAULT_BATCH);
  const now = options.now?.() ?? Math.floor(Date.now() / 1000);
  let handedOut = false;
  try {
    for await (const chunk of chunks) {
      for (const element of chunk) {
        reader.read(element, batcher, now);
        if (batcher.full) {
          handedOut = true;
          yield { type: 'plays', path: entry.path, ...batcher.takeBatch(), recordsRead: batcher.recordsRead };
        }
      }
    }
  } catch (error) {
    yield failure(entry, format, error, handedOut);
    return;
  }
  const last = batcher.takeBatch();
  if (last.plays.length) yield { type: 'plays', path: entry.path, ...last, recordsRead: batcher.recordsRead };
  yield { type: 'file-done', path: entry.path, format, tally: batcher.tally() };
}

function failure(entry: ExportEntry, format: ExportFormat, error: unknown, partial: boolean): ExportEvent {
  const position = error instanceof ExportSyntaxError ? error.position : undefined;
  const message = error instanceof ExportSyntaxError ? error.message : `cannot read: ${errorMessage(error)}`;
  return { type: 'file-failed', path: entry.path, format, message, position, partial };
}
