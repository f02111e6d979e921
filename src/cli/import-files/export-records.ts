import type { Readable } from 'node:stream';
import type { RecordLayout } from '../../core/imports/formats.js';
import { csvRowChunks, parseCsv } from './csv-rows.js';
import type { ExportEntry } from './export-entries.js';
import { JsonLineSplitter, parseJsonLines } from './json-lines.js';
import { JsonRecordSplitter, parseJsonDocument, type JsonPaths } from './json-records.js';

export type ExportSyntax = 'json' | 'json-lines' | 'csv';

/** Files up to this size are read whole (fast); bigger ones are streamed, twice. */
export const WHOLE_FILE_BYTES = 64 * 1024 * 1024;

/** The syntax a layout takes, told by the file's first character where it allows two. */
export function exportSyntax(layout: RecordLayout, head: string): ExportSyntax {
  if (layout.csv) return 'csv';
  if (layout.jsonLines && (!layout.json || head.replace(/^\uFEFF/, '').trimStart().startsWith('{'))) return 'json-lines';
  return 'json';
}

/**
 * The records of an entry, in chunks, once its whole syntax is known to be good: a file that
 * fits is parsed whole before the first chunk; a bigger one is streamed through once only to
 * check it, then streamed again for its records. So a broken file throws (ExportSyntaxError,
 * with its position) before anything of it is handed out, and memory stays bounded by
 * `wholeFileBytes` whatever the file's size.
 */
export async function validatedRecords(entry: ExportEntry, layout: RecordLayout, syntax: ExportSyntax, wholeFileBytes = WHOLE_FILE_BYTES): Promise<AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>> {
  if (entry.size <= wholeFileBytes) {
    const bytes = await entry.readAll();
    if (syntax === 'csv') return [parseCsv(bytes)];
    if (syntax === 'json-lines') return [parseJsonLines(bytes)];
    return [parseJsonDocument(bytes, layout.json ?? [['*']])];
  }
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
