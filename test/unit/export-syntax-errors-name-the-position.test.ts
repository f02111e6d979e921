// Broken JSON, JSON lines and CSV: refused whole, with the line/column/byte where they broke,
// the same whether the file is parsed at once or streamed in chunks of any size.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRowChunks, parseCsv } from '../../src/cli/import-files/csv-rows.js';
import { JsonLineSplitter, parseJsonLines } from '../../src/cli/import-files/json-lines.js';
import { JsonRecordSplitter, parseJsonDocument, type JsonPaths } from '../../src/cli/import-files/json-records.js';
import { ExportSyntaxError } from '../../src/cli/import-files/syntax-error.js';

const ROOT: JsonPaths = [['*']];

function streamed(text: string, chunkSize: number, paths: JsonPaths = ROOT): unknown[] {
  const records: unknown[] = [];
  const splitter = new JsonRecordSplitter(paths, (record) => records.push(record));
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += chunkSize) splitter.write(bytes.subarray(at, at + chunkSize));
  splitter.end();
  return records;
}

function failure(run: () => unknown): ExportSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExportSyntaxError) return error;
    throw error;
  }
  throw new Error('expected an ExportSyntaxError');
}

describe('JSON documents', () => {
  const good = '\uFEFF[\n  {"artist": "Sigur Rós", "n": 1},\n  {"artist": "Múm", "n": 2}\n]\n';

  it('gives the same records whole and streamed in chunks of any size, BOM included', () => {
    const whole = parseJsonDocument(Buffer.from(good), ROOT);
    expect(whole).toEqual([{ artist: 'Sigur Rós', n: 1 }, { artist: 'Múm', n: 2 }]);
    for (const size of [1, 2, 7, 4096]) expect(streamed(good, size)).toEqual(whole);
  });

  it('selects records below a key (Maloja) from either of two names', () => {
    const maloja = '{"maloja": {"export_time": 1}, "scrobbles": [{"time": 1}, {"time": 2}]}';
    const api = '{"status": "ok", "list": [{"time": 3}]}';
    const paths: JsonPaths = [['scrobbles', '*'], ['list', '*']];
    expect(parseJsonDocument(Buffer.from(maloja), paths)).toEqual([{ time: 1 }, { time: 2 }]);
    expect(parseJsonDocument(Buffer.from(api), paths)).toEqual([{ time: 3 }]);
    expect(streamed(maloja, 5, paths)).toEqual([{ time: 1 }, { time: 2 }]);
  });

  it('selects a few hundred thousand records below a key in one piece', () => {
    const scrobbles = Array.from({ length: 300_000 }, (_, time) => ({ time }));
    const records = parseJsonDocument(Buffer.from(JSON.stringify({ maloja: {}, scrobbles })), [['scrobbles', '*'], ['list', '*']]);
    expect(records).toHaveLength(300_000);
    expect(records[299_999]).toEqual({ time: 299_999 });
  });

  it('names line, column and byte of a broken token, whole (Node 20 names none) and streamed', () => {
    const broken = '[\n  {"a": 1},\n  {"a": tru}\n]';
    const whole = failure(() => parseJsonDocument(Buffer.from(broken), ROOT));
    expect(whole.message).toBe('not valid JSON at line 3, column 12 (byte 25)');
    expect(whole.position).toEqual({ line: 3, column: 12, offset: 25 });
    for (const size of [1, 3, 1000]) expect(failure(() => streamed(broken, size)).position).toEqual({ line: 3, column: 12, offset: 25 });
  });

  it('names the token where the structure broke (a missing comma)', () => {
    const broken = '[\n  {"a": 1}\n  {"a": 2}\n]';
    expect(failure(() => parseJsonDocument(Buffer.from(broken), ROOT)).position).toEqual({ line: 3, column: 3, offset: 15 });
    expect(failure(() => streamed(broken, 4)).position).toEqual({ line: 3, column: 3, offset: 15 });
  });

  it('counts columns after multi-byte characters in bytes, as the byte offset does', () => {
    expect(failure(() => parseJsonDocument(Buffer.from('[{"a": "é"} x]'), ROOT)).position).toEqual({ line: 1, column: 14, offset: 13 });
  });

  it('says where a truncated file ends', () => {
    const truncated = '[\n  {"a": 1},\n  {"a": ';
    const error = failure(() => parseJsonDocument(Buffer.from(truncated), ROOT));
    expect(error.message).toBe('not valid JSON: the file ends in the middle of the document at line 3, column 9 (byte 22)');
    expect(failure(() => streamed(truncated, 5)).position).toEqual({ line: 3, column: 9, offset: 22 });
  });

  it('refuses an empty file and a document of the wrong shape', () => {
    expect(failure(() => parseJsonDocument(Buffer.from(''), ROOT)).message).toBe('not valid JSON: the file is empty');
    expect(failure(() => parseJsonDocument(Buffer.from('  \n'), ROOT)).message).toBe('not valid JSON: the file is empty');
    expect(failure(() => parseJsonDocument(Buffer.from('{"a": 1}'), ROOT)).message).toBe('not the expected JSON: the file should be an array ([…])');
    expect(failure(() => streamed('{"a": 1}', 2)).message).toBe('not the expected JSON: the file should be an array ([…])');
    expect(failure(() => parseJsonDocument(Buffer.from('[]'), [['scrobbles', '*']])).message).toBe('not the expected JSON: the file should be an object ({…})');
  });

  it('refuses what follows the document', () => {
    expect(failure(() => parseJsonDocument(Buffer.from('[1]\n]'), ROOT)).position).toEqual({ line: 2, column: 1, offset: 4 });
  });
});

describe('JSON lines', () => {
  it('reads one record per line with blank lines, CRLF and a BOM, whole or in chunks', () => {
    const text = '\uFEFF{"n": 1}\r\n\r\n{"n": 2, "s": "Björk"}\n{"n": 3}';
    expect(parseJsonLines(Buffer.from(text))).toEqual([{ n: 1 }, { n: 2, s: 'Björk' }, { n: 3 }]);
    const records: unknown[] = [];
    const splitter = new JsonLineSplitter((record) => records.push(record));
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; at += 3) splitter.write(bytes.subarray(at, at + 3));
    splitter.end();
    expect(records).toEqual([{ n: 1 }, { n: 2, s: 'Björk' }, { n: 3 }]);
  });

  it('names the line that is not JSON and its byte offset', () => {
    const error = failure(() => parseJsonLines(Buffer.from('{"n": 1}\n{"n": 2}\n{"n": NaN}\n{"n": 4}\n')));
    expect(error.message).toBe('not valid JSON lines: this line is not JSON at line 3 (byte 18)');
  });
});

describe('CSV', () => {
  it('reads quotes, commas and quotes inside values, line breaks inside quotes, unicode, BOM and CRLF', () => {
    const text = '\uFEFFartist,track\r\n"Crosby, Stills & Nash","Suite: Judy Blue Eyes"\r\n"The ""Band""","Multi\nline"\r\n坂本龍一,Merry Christmas Mr. Lawrence\r\n';
    expect(parseCsv(Buffer.from(text))).toEqual([
      ['artist', 'track'],
      ['Crosby, Stills & Nash', 'Suite: Judy Blue Eyes'],
      ['The "Band"', 'Multi\nline'],
      ['坂本龍一', 'Merry Christmas Mr. Lawrence'],
    ]);
  });

  it('names the line (and the byte its record starts at) of a broken quote or of a row with a different number of columns', () => {
    expect(failure(() => parseCsv(Buffer.from('a,b\n"x"y,z\n'))).message).toBe('not valid CSV (Invalid Closing Quote) at line 2 (byte 4)');
    expect(failure(() => parseCsv(Buffer.from('a,b\nc,d\ne,f,g\n'))).position?.line).toBe(3);
    expect(failure(() => parseCsv(Buffer.from('a,b\n"c,d\n'))).message).toMatch(/^not valid CSV \(Quote Not Closed\) at line 2/);
  });

  it('streams the same rows, and the same errors, from chunks', async () => {
    const rows: string[][] = [];
    for await (const chunk of csvRowChunks(Readable.from([Buffer.from('\uFEFFa,"b,'), Buffer.from(' c"\r\nd,e\r\n')]))) rows.push(...chunk);
    expect(rows).toEqual([['a', 'b, c'], ['d', 'e']]);
    const consume = async (): Promise<void> => {
      for await (const chunk of csvRowChunks(Readable.from([Buffer.from('a,b\nc,d\n'), Buffer.from('"e"f,g\n')]))) void chunk;
    };
    await expect(consume()).rejects.toMatchObject({ message: 'not valid CSV (Invalid Closing Quote) at line 3 (byte 8)' });
  });
});
