// API tokens over a real SQLite file: shown once at creation, stored only as a digest (the file
// never holds the token), listed, removed by id or name, checked in constant time.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, UserError } from '../../src/core/errors.js';
import { ApiTokens } from '../../src/core/listenbrainz/tokens.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteApiTokens } from '../../src/db/repositories/api-tokens.js';

let dir: string;
let db: Database;
const clock = { at: 1_790_000_000_000, now() { return this.at; } };
let tokens: ApiTokens;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-tokens-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  tokens = new ApiTokens(new SqliteApiTokens(db), clock);
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ApiTokens', () => {
  it('creates 64-hex-digit tokens that verify, and keeps only their digests in the database file', async () => {
    const { token, record } = tokens.create('Navidrome');
    const second = tokens.create();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(second.token).not.toBe(token);
    expect(record).toEqual({ id: 1, name: 'Navidrome', createdAt: 1_790_000_000, lastUsedAt: null });
    expect(second.record.name).toBe('token-2');
    expect(tokens.verify(token)?.name).toBe('Navidrome');
    expect(tokens.verify(second.token)?.name).toBe('token-2');
    expect(tokens.verify(token.slice(0, 63))).toBeUndefined();
    expect(tokens.verify('')).toBeUndefined();
    await db.close();
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      expect(bytes, file).not.toContain(token);
      expect(bytes, file).not.toContain(second.token);
    }
    db = await openDatabase({ path: join(dir, 'aime.db') });
  });

  it('lists tokens without them, notes when each was last used (at most once a minute)', () => {
    const { token } = tokens.create('Pano Scrobbler');
    clock.at += 5_000;
    tokens.verify(token);
    expect(tokens.list()).toEqual([{ id: 1, name: 'Pano Scrobbler', createdAt: 1_790_000_000, lastUsedAt: 1_790_000_005 }]);
    clock.at += 30_000;
    tokens.verify(token);
    expect(tokens.list()[0]!.lastUsedAt).toBe(1_790_000_005);
    clock.at += 30_000;
    tokens.verify(token);
    expect(tokens.list()[0]!.lastUsedAt).toBe(1_790_000_065);
  });

  it('removes by id or by name, after which the token no longer verifies', () => {
    const navidrome = tokens.create('Navidrome');
    const jellyfin = tokens.create('Jellyfin');
    expect(tokens.remove('1').name).toBe('Navidrome');
    expect(tokens.remove('Jellyfin').id).toBe(2);
    expect(tokens.verify(navidrome.token)).toBeUndefined();
    expect(tokens.verify(jellyfin.token)).toBeUndefined();
    expect(() => tokens.remove('Jellyfin')).toThrow(NotFoundError);
  });

  it('refuses a name already taken, an empty name and a name too long', () => {
    tokens.create('Navidrome');
    expect(() => tokens.create(' Navidrome ')).toThrow(UserError);
    expect(() => tokens.create('  ')).toThrow(UserError);
    expect(() => tokens.create('x'.repeat(65))).toThrow(UserError);
    expect(tokens.list()).toHaveLength(1);
  });
});
