import { bomLength } from './json-records.js';
import { ExportSyntaxError } from './syntax-error.js';

/**
 * JSON lines (one record per line, blank lines allowed), whole or in chunks. A line that is
 * not JSON makes the whole file invalid, named by its line number.
 */
export class JsonLineSplitter {
  private readonly onRecord: (record: unknown) => void;
  private pending: Buffer | null = null;
  private line = 0;
  private offset = 0;
  private started = false;

  constructor(onRecord: (record: unknown) => void) {
    this.onRecord = onRecord;
  }

  write(chunk: Buffer): void {
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    if (!this.started && data.length > 0) {
      this.started = true;
      this.offset = bomLength(data);
      data = data.subarray(this.offset);
    }
    let start = 0;
    for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
      this.parseLine(data, start, end);
      start = end + 1;
    }
    this.pending = start < data.length ? Buffer.from(data.subarray(start)) : null;
  }

  end(): void {
    if (this.pending) this.parseLine(this.pending, 0, this.pending.length);
    this.pending = null;
  }

  private parseLine(data: Buffer, start: number, end: number): void {
    this.line++;
    const lineOffset = this.offset;
    this.offset += end - start + 1;
    const text = data.toString('utf8', start, end).trim();
    if (text === '') return;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      throw new ExportSyntaxError('not valid JSON lines: this line is not JSON', { line: this.line, offset: lineOffset }, error);
    }
    this.onRecord(record);
  }
}

/** The records of a whole JSON-lines file held in memory. */
export function parseJsonLines(bytes: Buffer): unknown[] {
  const records: unknown[] = [];
  const splitter = new JsonLineSplitter((record) => records.push(record));
  splitter.write(bytes);
  splitter.end();
  return records;
}
