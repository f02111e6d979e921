import type { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { parse as parseWhole } from 'csv-parse/sync';
import { ExportSyntaxError } from './syntax-error.js';

/**
 * RFC 4180 CSV as exports write it: quoted values with commas, quotes ("") and line breaks
 * inside, CRLF or LF, an optional BOM. Strict about quotes and about every row having the
 * same number of columns, so a damaged file is refused rather than misread.
 */
const OPTIONS: Options = { bom: true, skip_empty_lines: true };
const ROWS_PER_CHUNK = 1000;

export function parseCsv(bytes: Buffer): string[][] {
  try {
    return parseWhole(bytes, OPTIONS) as string[][];
  } catch (error) {
    throw csvError(error);
  }
}

/** The rows of a CSV stream, a thousand at a time. */
export async function* csvRowChunks(input: Readable): AsyncGenerator<string[][]> {
  const parser = input.pipe(parse(OPTIONS));
  // A read error of the input (a broken ZIP entry) must end the parse too.
  input.once('error', (error) => parser.destroy(error));
  let rows: string[][] = [];
  try {
    for await (const row of parser) {
      rows.push(row as string[]);
      if (rows.length >= ROWS_PER_CHUNK) {
        yield rows;
        rows = [];
      }
    }
  } catch (error) {
    throw error instanceof ExportSyntaxError || !isCsvError(error) ? error : csvError(error);
  } finally {
    input.destroy();
  }
  if (rows.length) yield rows;
}

function isCsvError(error: unknown): boolean {
  return typeof (error as { code?: unknown }).code === 'string' && String((error as { code: string }).code).startsWith('CSV_');
}

function csvError(error: unknown): ExportSyntaxError {
  const details = error as { lines?: number; bytes?: number; message?: string };
  // csv-parse messages start with the problem ("Invalid Closing Quote: got …"); keep that part.
  const problem = (details.message ?? String(error)).split(':')[0];
  return new ExportSyntaxError(`not valid CSV (${problem})`, details.lines ? { line: details.lines, offset: details.bytes } : undefined, error);
}
