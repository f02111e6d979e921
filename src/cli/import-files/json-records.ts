import { isAscii } from 'node:buffer';
import { JSONParser, TokenType } from '@streamparser/json';
import { ExportSyntaxError, LineCounter } from './syntax-error.js';

/** Paths to the records of a JSON document, as in core's RecordLayout (`*` = each element). */
export type JsonPaths = readonly (readonly string[])[];

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function bomLength(bytes: Uint8Array): number {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2] ? 3 : 0;
}

/**
 * The records of a whole JSON document held in memory. JSON.parse is several times faster
 * than any streaming parser, so files that fit are read this way; when it refuses a file, the
 * streaming parser runs over the same bytes only to say where the syntax broke.
 */
export function parseJsonDocument(bytes: Buffer, paths: JsonPaths): unknown[] {
  const skip = bomLength(bytes);
  if (bytes.length === skip) throw new ExportSyntaxError('not valid JSON: the file is empty');
  let document: unknown;
  try {
    document = parseUtf8Json(bytes, skip);
  } catch (error) {
    locateJsonError(bytes, paths);
    throw new ExportSyntaxError(`not valid JSON (${(error as Error).message})`, undefined, error);
  }
  return selectRecords(document, paths);
}

function selectRecords(document: unknown, paths: JsonPaths): unknown[] {
  const wantsArray = rootIsArray(paths);
  if (Array.isArray(document) !== wantsArray || typeof document !== 'object' || document === null) throw shapeError(wantsArray);
  if (paths.length === 1 && paths[0]?.length === 1) return document as unknown[];
  const found: unknown[] = [];
  for (const path of paths) {
    let values: unknown[] = [document];
    for (const step of path) {
      const next: unknown[] = [];
      for (const value of values) {
        if (step === '*' && Array.isArray(value)) for (const element of value as unknown[]) next.push(element);
        else if (step !== '*' && typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, step)) next.push((value as Record<string, unknown>)[step]);
      }
      values = next;
    }
    for (const value of values) found.push(value);
  }
  return found;
}

const BACKSLASH_U = Buffer.from('\\u', 'latin1');

/**
 * JSON.parse of UTF-8 bytes, at up to twice the speed: V8 turns UTF-8 holding any non-ASCII
 * byte into a two-byte string, several times slower than copying bytes one to one (latin1),
 * and decoding was most of the time spent on a Spotify file. Quotes, brackets and escapes are
 * ASCII and UTF-8 never uses an ASCII byte inside a multi-byte character, so JSON.parse over
 * the latin1 text builds the same document with each string holding its UTF-8 bytes as
 * characters; those with a byte >= 0x80 are then decoded as UTF-8 (invalid sequences become
 * U+FFFD exactly as a whole-file decode would make them). A `\u` escape could write such
 * characters itself, so a file with any `\u` in it is decoded as UTF-8 first.
 */
export function parseUtf8Json(bytes: Buffer, start = 0): unknown {
  const body = start ? bytes.subarray(start) : bytes;
  if (isAscii(body)) return JSON.parse(body.toString('latin1'));
  if (body.indexOf(BACKSLASH_U) !== -1) return JSON.parse(body.toString('utf8'));
  return utf8Strings(JSON.parse(body.toString('latin1')));
}

function utf8Strings(value: unknown): unknown {
  if (typeof value === 'string') return hasHighBytes(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = utf8Strings(value[index]);
    return value;
  }
  const object = value as Record<string, unknown>;
  let renamed: string[] | undefined;
  for (const key in object) {
    const field = object[key];
    if (typeof field === 'string' ? hasHighBytes(field) : typeof field === 'object' && field !== null) {
      const fixed = utf8Strings(field);
      // An own "__proto__" key (JSON.parse makes it plain data) shadows the prototype's setter.
      if (fixed !== field) object[key] = fixed;
    }
    if (hasHighBytes(key)) (renamed ??= []).push(key);
  }
  // Renamed after the loop: a key added while for…in runs might be visited (and decoded) twice.
  for (const key of renamed ?? []) {
    const field = object[key];
    delete object[key];
    object[Buffer.from(key, 'latin1').toString('utf8')] = field;
  }
  return object;
}

/** A regular expression scans a one-byte string about twice as fast as a charCodeAt loop. */
const HIGH_BYTE = /[^\x00-\x7f]/;

function hasHighBytes(text: string): boolean {
  return HIGH_BYTE.test(text);
}

function rootIsArray(paths: JsonPaths): boolean {
  return paths[0]?.[0] === '*';
}

function shapeError(wantsArray: boolean): ExportSyntaxError {
  return new ExportSyntaxError(wantsArray ? 'not the expected JSON: the file should be an array ([…])' : 'not the expected JSON: the file should be an object ({…})');
}

/** Throws the positioned syntax error the streaming parser finds in `bytes`, if it finds one. */
function locateJsonError(bytes: Buffer, paths: JsonPaths): void {
  const splitter = new JsonRecordSplitter(paths, () => undefined);
  splitter.write(bytes);
  splitter.end();
}

const POSITION_IN_MESSAGE = /absolute position "(\d+)"/;

/**
 * Records of a JSON document that arrives in chunks (a file too big to hold), handed to
 * `onRecord` as each one completes; memory stays at one record. Syntax errors carry the line,
 * column and byte where the document broke.
 */
export class JsonRecordSplitter {
  private readonly parser: JSONParser;
  private readonly lines = new LineCounter();
  private readonly wantsArray: boolean;
  private lastTokenOffset = 0;
  private tokens = 0;
  private bytes = 0;

  constructor(paths: JsonPaths, onRecord: (record: unknown) => void) {
    this.wantsArray = rootIsArray(paths);
    this.parser = new JSONParser({ paths: paths.map((path) => ['$', ...path].join('.')), keepStack: false });
    this.parser.onValue = ({ value }) => onRecord(value);
    this.parser.onToken = ({ token, offset }) => {
      if (this.tokens++ === 0 && (token === TokenType.LEFT_BRACKET) !== this.wantsArray) throw shapeError(this.wantsArray);
      this.lastTokenOffset = offset;
    };
  }

  write(chunk: Uint8Array): void {
    try {
      this.parser.write(chunk);
    } catch (error) {
      throw this.positioned(error, chunk);
    }
    this.lines.passed(chunk);
    this.bytes += chunk.length;
  }

  end(): void {
    if (this.tokens === 0) throw new ExportSyntaxError('not valid JSON: the file is empty');
    try {
      // The parser ends by itself once the root value is complete.
      if (!this.parser.isEnded) this.parser.end();
    } catch (error) {
      throw new ExportSyntaxError('not valid JSON: the file ends in the middle of the document', this.lines.position(this.bytes), error);
    }
  }

  private positioned(error: unknown, chunk: Uint8Array): Error {
    if (error instanceof ExportSyntaxError) return error;
    const message = error instanceof Error ? error.message : String(error);
    // The tokenizer names the byte it stopped at; the token parser stops at the last token.
    const named = POSITION_IN_MESSAGE.exec(message);
    const offset = named ? Number(named[1]) : this.lastTokenOffset;
    return new ExportSyntaxError('not valid JSON', this.lines.position(offset, chunk), error);
  }
}
