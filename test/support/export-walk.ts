import { walkExports, type ExportEvent, type WalkOptions } from '../../src/cli/import-files/walk-exports.js';
import type { ExportFormat } from '../../src/core/imports/formats.js';
import type { FileTally } from '../../src/core/imports/tally.js';
import type { PlayReport } from '../../src/core/model.js';
import { READ_AT } from './export-records.js';

export interface WalkedFile {
  readonly format: ExportFormat;
  readonly plays: PlayReport[];
  tally?: FileTally;
}

export interface Walked {
  /** Export files by reported path, in the order met. */
  readonly files: Map<string, WalkedFile>;
  readonly failed: Extract<ExportEvent, { type: 'file-failed' }>[];
  readonly passedOver: Extract<ExportEvent, { type: 'passed-over' }>[];
  readonly events: ExportEvent['type'][];
}

/** Walks the paths with the real walker and gathers what it found, checking the event order. */
export async function walk(paths: readonly string[], options: WalkOptions = {}): Promise<Walked> {
  const walked: Walked = { files: new Map(), failed: [], passedOver: [], events: [] };
  for await (const event of walkExports(paths, { now: () => READ_AT, ...options })) {
    walked.events.push(event.type);
    if (event.type === 'file') walked.files.set(event.path, { format: event.format, plays: [] });
    else if (event.type === 'plays') required(walked, event.path).plays.push(...event.plays);
    else if (event.type === 'file-done') required(walked, event.path).tally = event.tally;
    else if (event.type === 'file-failed') walked.failed.push(event);
    else walked.passedOver.push(event);
  }
  return walked;
}

function required(walked: Walked, path: string): WalkedFile {
  const file = walked.files.get(path);
  if (!file) throw new Error(`plays of ${path} arrived before its 'file' event`);
  return file;
}

/** The one export file whose path ends with `suffix`. */
export function fileEnding(walked: Walked, suffix: string): WalkedFile & { tally: FileTally } {
  const matches = [...walked.files].filter(([path]) => path.endsWith(suffix));
  if (matches.length !== 1) throw new Error(`expected one file ending ${suffix}, found ${matches.length}`);
  const file = (matches[0] as [string, WalkedFile])[1];
  if (!file.tally) throw new Error(`${suffix} never finished`);
  return file as WalkedFile & { tally: FileTally };
}
