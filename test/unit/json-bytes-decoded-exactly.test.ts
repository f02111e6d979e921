// The fast way JSON export files are decoded (latin1 text, then UTF-8 strings) must give
// exactly what JSON.parse of the UTF-8 text gives, whatever the bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUtf8Json } from '../../src/cli/import-files/json-records.js';
import { REAL_FIXTURES } from '../support/shared-fixtures.js';

const plain = (bytes: Buffer): unknown => JSON.parse(bytes.toString('utf8'));

describe('decoding JSON bytes', () => {
  it('equals JSON.parse of the UTF-8 text for every real JSON fixture', () => {
    const files = ['koito', join('listenbrainz-server', 'import'), join('listenbrainz-server', 'submit'), 'jammus-lastfm-to-sqlite', 'navidrome']
      .flatMap((folder) => readdirSync(join(REAL_FIXTURES, folder)).filter((name) => name.endsWith('.json')).map((name) => join(REAL_FIXTURES, folder, name)));
    expect(files.length).toBeGreaterThan(20);
    let compared = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      let expected: unknown;
      try {
        expected = plain(bytes);
      } catch {
        continue; // not strict JSON (NaN): no document to compare
      }
      expect(parseUtf8Json(bytes), file).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('decodes two-, three- and four-byte characters in values and keys, nested', () => {
    const bytes = Buffer.from(JSON.stringify([{ artist: 'Sigur Rós', 'clé': ['坂本龍一', { emoji: '🎸 and 🎹', plain: 'ascii' }], n: 1.5, none: null }]));
    expect(parseUtf8Json(bytes)).toEqual(plain(bytes));
  });

  it('makes the same replacement characters as a whole-file decode of invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('["a'), Buffer.from([0xc3]), Buffer.from('b", "'), Buffer.from([0xff, 0xfe]), Buffer.from('", "'), Buffer.from([0xe6, 0x97]), Buffer.from('"]')]);
    expect(parseUtf8Json(bytes)).toEqual(plain(bytes));
  });

  it('takes the plain way when \\u escapes could write non-ASCII characters themselves', () => {
    const bytes = Buffer.from('["caf\\u00e9", "café", "\\u00c3\\u00a9"]');
    expect(parseUtf8Json(bytes)).toEqual(['café', 'café', 'Ã©']);
  });

  it('keeps a "__proto__" key as data and leaves prototypes alone', () => {
    const bytes = Buffer.from('{"__proto__": {"polluted": "oui, très"}, "name": "Björk"}');
    const parsed = parseUtf8Json(bytes) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual({ polluted: 'oui, très' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const withString = parseUtf8Json(Buffer.from('[{"__proto__": "très"}]')) as Record<string, unknown>[];
    expect(Object.getOwnPropertyDescriptor(withString[0], '__proto__')?.value).toBe('très');
  });

  it('skips a byte-order mark when told where the document starts', () => {
    expect(parseUtf8Json(Buffer.from('\uFEFF["é"]'), 3)).toEqual(['é']);
  });
});
