import type { Readable } from 'node:stream';
import type { RecordLayout } from '../../core/imports/formats.js';
import { csvRowChunks, parseCsv } from './csv-rows.js';
import type { ExportEntry } from './export-entries.js';
import { JsonLineSplitter, parseJsonLines } from './json-lines.js';
import { JsonRecordSplitter, parseJsonDocument, type JsonPaths } from './json-records.js';

export type ExportSyntax = 'json' | 'json-lines' | 'csv';

/** Files up to this size are read whole (JSON.parse is several times faster than streaming); bigger ones are streamed, twice. */
export const WHOLE_FILE_BYTES = 64 * 1024 * 1024;

/** The syntax a layout takes, told by the file's first character where it allows two. */
export function exportSyntax(layout: RecordLayout, head: string): ExportSyntax {
  if (layout.csv) return 'csv';
  if (layout.jsonLines && (!layout.json || head.replace(/^\uFEFF/, '').trimStart().startsWith('{'))) return 'json-lines';
  return 'json';
}

/** The records of a whole file held in memory; throws ExportSyntaxError (with its position) for broken syntax. */
export function wholeFileRecords(bytes: Buffer, layout: RecordLayout, syntax: ExportSyntax): readonly unknown[] {
  if (syntax === 'csv') return parseCsv(bytes);
  if (syntax === 'json-lines') return parseJsonLines(bytes);
  return parseJsonDocument(bytes, layout.json ?? [['*']]);
}

/**
 * The records of a file too big to hold, in chunks, once its whole syntax is known to be
 * good: it is streamed through once only to check it (throwing ExportSyntaxError with the
 * position), then the chunks stream it again. So nothing of a broken file is handed out and
 * memory stays at a chunk whatever the file's size.
 */
export async function checkedStreamRecords(entry: ExportEntry, layout: RecordLayout, syntax: ExportSyntax): Promise<AsyncIterable<readonly unknown[]>> {
  for await (const chunk of streamedRecords(await entry.open(), layout, syntax)) void chunk;
  return { [Symbol.asyncIterator]: async function* () { yield* streamedRecords(await entry.open(), layout, syntax); } };
}

function streamedRecords(input: Readable, layout: RecordLayout, syntax: ExportSyntax): AsyncGenerator<readonly unknown[]> {
  if (syntax === 'csv') return csvRowChunks(input);
  if (syntax === 'json-lines') return splitChunks(input, (onRecord) => new JsonLineSplitter(onRecord));
  const paths: JsonPaths = layout.json ?? [['*']];
  return splitChunks(input, (onRecord) => new JsonRecordSplitter(paths, onRecord));
}

interface Splitter {
  write(chunk: Buffer): void;
  end(): void;
}

async function* splitChunks(input: Readable, create: (onRecord: (record: unknown) => void) => Splitter): AsyncGenerator<readonly unknown[]> {
  let records: unknown[] = [];
  const splitter = create((record) => records.push(record));
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      splitter.write(chunk);
      if (records.length) {
        yield records;
        records = [];
      }
    }
    splitter.end();
    if (records.length) yield records;
  } finally {
    input.destroy();
  }
}
