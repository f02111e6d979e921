// The Last.fm import, core + real SQLite + the local Last.fm stand-in: exact, idempotent,
// resilient to faults, and right about albums and radio stations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteListenStore } from '../../src/db/repositories/listens.js';
import { SqliteSyncState } from '../../src/db/repositories/sync-state.js';
import { ListenIngest } from '../../src/core/listens/ingest.js';
import { importLastfmHistory, IMPORT_CHECKPOINT_KEY, type ImportRequest } from '../../src/core/listens/import-history.js';
import { LastfmClient } from '../../src/integrations/lastfm/client.js';
import { HttpClient } from '../../src/integrations/http.js';
import { nameKey } from '../../src/core/names.js';
import { systemClock } from '../../src/core/ports.js';
import { silentLogger } from '../../src/log.js';
import { startFakeLastfm, type FakeLastfm, type Scrobble } from '../fakes/lastfm/index.js';

let dir: string;
let db: Database;
let fake: FakeLastfm | undefined;
let http: HttpClient;
let created: number[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-import-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  http = new HttpClient({ userAgent: 'aime-test', log: silentLogger(), timeoutMs: 2000, retries: 6, retryBaseMs: 5 });
  created = [];
});

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await http.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

function importer(stations: string[] = []) {
  const ingest = new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: (ids) => created.push(...ids) }, radioStations: () => stations });
  const source = new LastfmClient(http, { apiUrl: fake!.url, apiKey: fake!.apiKey, username: fake!.user });
  return { ingest, run: (request: ImportRequest = {}) => importLastfmHistory({ source, ingest, state: new SqliteSyncState(db), clock: systemClock }, request) };
}

function storedPlays(): string[] {
  const rows = db.sqlite
    .prepare(`SELECT ar.name AS artist, t.title, al.title AS album, l.timestamp FROM listening_history l JOIN tracks t ON t.id = l.track_id
              JOIN artists ar ON ar.id = t.artist_id LEFT JOIN albums al ON al.id = t.album_id`)
    .all() as { artist: string; title: string; album: string | null; timestamp: number }[];
  return rows.map((r) => `${nameKey(r.artist)}|${nameKey(r.album ?? '')}|${nameKey(r.title)}|${r.timestamp}`).sort();
}

function expectedPlays(scrobbles: readonly Scrobble[]): string[] {
  return scrobbles.map((s) => `${nameKey(s.artist)}|${nameKey(s.album)}|${nameKey(s.title)}|${s.timestamp}`).sort();
}

describe('aime import lastfm (core)', () => {
  it('imports a 20,000-scrobble history exactly, and a second import adds nothing', async () => {
    fake = await startFakeLastfm({ generate: { count: 20_000, seed: 7 } });
    const { run } = importer();
    const first = await run();
    expect(first).toMatchObject({ imported: 20_000, skipped: 0, failed: 0, pages: 100, accountPlaycount: 20_000 });
    expect(storedPlays()).toEqual(expectedPlays(fake.scrobbles()));
    expect(created.length).toBe((db.sqlite.prepare('SELECT COUNT(*) FROM albums').pluck().get() as number));
    const lovedKeys = new Set(fake.scrobbles().filter((s) => fake!.scrobbles().length && s.loved).map((s) => `${nameKey(s.artist)}|${nameKey(s.title)}`));
    const lovedListens = fake.scrobbles().filter((s) => lovedKeys.has(`${nameKey(s.artist)}|${nameKey(s.title)}`)).length;
    expect(lovedListens).toBeGreaterThan(0);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM listening_history WHERE loved = 1').pluck().get()).toBe(lovedListens);

    const second = await run();
    expect(second).toMatchObject({ imported: 0, skipped: 20_000, failed: 0 });
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM listening_history').pluck().get()).toBe(20_000);
    expect(await new SqliteSyncState(db).get(IMPORT_CHECKPOINT_KEY)).toBeUndefined();
  });

  it('stays exact when 5% of requests fail (500, 429/29, 8 in a 200, dropped, garbage, stall)', async () => {
    fake = await startFakeLastfm({ generate: { count: 10_000, seed: 3 } });
    const kinds = ['http500', 'rateLimit', 'operationFailed', 'temporaryError', 'drop', 'reset', 'garbage', 'stall'] as const;
    fake.faults.set({ probability: 0.05, kinds, seed: 5 });
    const summary = await importer().run();
    expect(fake.faults.injected.length).toBeGreaterThan(2);
    expect(summary).toMatchObject({ imported: 10_000, failed: 0 });
    expect(storedPlays()).toEqual(expectedPlays(fake.scrobbles()));
  });

  it('keeps two "Greatest Hits" by different artists apart, and gives album-less plays no album', async () => {
    const at = 1_700_000_000;
    fake = await startFakeLastfm({
      scrobbles: [
        { artist: 'The Velvet Foxes', album: 'Greatest Hits', title: 'Intro', timestamp: at },
        { artist: 'Ana Costa', album: 'Greatest Hits', title: 'Intro', timestamp: at + 300 },
        { artist: 'Velvet Foxes', album: 'greatest hits', title: 'Intro', timestamp: at + 600 },
        { artist: 'Ana Costa', album: '', title: 'Rain (Single Version)', timestamp: at + 900 },
        { artist: 'Ana Costa', album: '', title: 'Rain (Single Version)', timestamp: at + 1100 },
      ],
    });
    const summary = await importer().run();
    expect(summary.imported).toBe(5);
    const albums = db.sqlite.prepare('SELECT title_key AS title, artist_key AS artist FROM albums ORDER BY artist_key').all();
    // "Velvet Foxes" and "greatest hits" are other spellings of the first album, not a third one.
    expect(albums).toEqual([{ title: 'greatest hits', artist: 'ana costa' }, { title: 'greatest hits', artist: 'velvet foxes' }]);
    expect(db.sqlite.prepare("SELECT COUNT(*) FROM albums WHERE title = ''").pluck().get()).toBe(0);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM tracks WHERE album_id IS NULL').pluck().get()).toBe(1);
  });

  it('never records a configured radio station', async () => {
    const at = 1_700_000_000;
    fake = await startFakeLastfm({
      scrobbles: [
        { artist: 'RTS La Première', album: '', title: 'Le journal de 8h', timestamp: at },
        { artist: 'Radio Swiss Jazz', album: 'Radio Swiss Jazz - Live', title: 'Blue in Green', timestamp: at + 300 },
        { artist: 'Ana Costa', album: 'Summer', title: 'Rain', timestamp: at + 600 },
      ],
    });
    const summary = await importer(['RTS La Premiere', 'Radio Swiss Jazz']).run();
    expect(summary).toMatchObject({ imported: 1, skipped: 2 });
    expect(db.sqlite.prepare('SELECT name FROM artists').pluck().all()).toEqual(['Ana Costa']);
  });

  it('reads album.getInfo (covers, tracks) and answers null for an album Last.fm does not know', async () => {
    fake = await startFakeLastfm({ scrobbles: [{ artist: 'Ana Costa', album: 'Summer', title: 'Rain', timestamp: 1_700_000_000, durationSec: 201 }] });
    const client = new LastfmClient(http, { apiUrl: fake.url, apiKey: fake.apiKey, username: fake.user });
    const info = await client.albumInfo('Ana Costa', 'Summer');
    expect(info).toMatchObject({ artist: 'Ana Costa', title: 'Summer', tracks: [{ title: 'Rain', durationSeconds: 201, position: 1 }] });
    expect(info?.coverUrl).toMatch(/^https:\/\/.*300x300/);
    expect(await client.albumInfo('Ana Costa', 'Winter')).toBeNull();
  });

  it('imports only the newest --limit scrobbles, or a --from/--to window', async () => {
    const at = 1_700_000_000;
    fake = await startFakeLastfm({ scrobbles: Array.from({ length: 1000 }, (_, i) => ({ artist: `Artist ${i % 9}`, album: 'A', title: `Song ${i}`, timestamp: at + i * 600 })) });
    const { run } = importer();
    expect(await run({ limit: 250 })).toMatchObject({ imported: 250, pages: 2 });
    expect(db.sqlite.prepare('SELECT MIN(timestamp) FROM listening_history').pluck().get()).toBe(at + 750 * 600);
    expect(await run({ from: at + 100 * 600, to: at + 300 * 600 })).toMatchObject({ imported: 200, skipped: 0 });
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM listening_history WHERE timestamp < ?').pluck().get(at + 300 * 600)).toBe(200);
    await expect(run({ from: at, to: at })).rejects.toThrow(/--from must be before --to/);
  });
});
