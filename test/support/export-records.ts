import type { ExportFormat } from '../../src/core/imports/formats.js';
import { createExportReader } from '../../src/core/imports/readers.js';
import { PlayBatcher, type FileTally } from '../../src/core/imports/tally.js';
import type { PlayReport } from '../../src/core/model.js';

/** A fixed "now" for readers' future-date check: 2027-01-15T08:00:00Z. */
export const READ_AT = 1_800_000_000;

/** Runs one file's worth of parsed elements through the format's real reader. */
export function readElements(format: ExportFormat, elements: readonly unknown[], now = READ_AT): { plays: PlayReport[]; tally: FileTally } {
  const reader = createExportReader(format);
  const batcher = new PlayBatcher(Number.MAX_SAFE_INTEGER);
  for (const element of elements) reader.read(element, batcher, now);
  return { plays: batcher.takeBatch().plays, tally: batcher.tally() };
}
