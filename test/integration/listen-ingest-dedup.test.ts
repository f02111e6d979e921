// ListenIngest over a real SQLite file: the dedup rules of SPEC §3 and the shape of what it creates.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListenIngest } from '../../src/core/listens/ingest.js';
import { dedupeListens } from '../../src/core/listens/journal.js';
import type { PlayReport } from '../../src/core/model.js';
import { trackIdentity } from '../../src/core/names.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteListenJournal } from '../../src/db/repositories/listen-journal.js';
import { SqliteListenStore } from '../../src/db/repositories/listens.js';

let dir: string;
let db: Database;
let ingest: ListenIngest;
let announced: number[][];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-ingest-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  announced = [];
  ingest = new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: (ids) => announced.push([...ids]) }, radioStations: () => ['Radio Swiss Jazz'] });
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const T = 1_750_000_000;
const play = (overrides: Partial<PlayReport>): PlayReport => ({ artist: 'Daft Punk', title: 'Digital Love', album: 'Discovery', timestamp: T, source: 'lastfm', ...overrides });
const listens = () => db.sqlite.prepare('SELECT timestamp, source, zone FROM listening_history ORDER BY timestamp, id').all();

describe('ListenIngest', () => {
  it('stores the same play once and keeps genuine replays, even seconds apart', async () => {
    expect(await ingest.record([play({}), play({}), play({ timestamp: T + 5 }), play({ timestamp: T + 240 })])).toMatchObject({ imported: 3, skipped: 1, failed: 0 });
    expect(await ingest.record([play({ title: 'digital love', artist: 'DAFT PUNK' })])).toMatchObject({ imported: 0, skipped: 1 });
    expect(listens()).toHaveLength(3);
  });

  it('treats a Roon play and its Last.fm scrobble within 10 minutes as one listen, either order', async () => {
    await ingest.record([play({ source: 'roon', zone: 'Salon', album: 'Discovery (Remastered)', timestamp: T })]);
    expect(await ingest.record([play({ source: 'lastfm', timestamp: T + 35 })])).toMatchObject({ imported: 0, skipped: 1 });
    expect(await ingest.record([play({ source: 'lastfm', timestamp: T + 601 })])).toMatchObject({ imported: 1 });
    expect(await ingest.record([play({ source: 'roon', timestamp: T + 1500, title: 'Aerodynamic' }), play({ source: 'lastfm', timestamp: T + 1490, title: 'Aerodynamic' })])).toMatchObject({ imported: 1, skipped: 1 });
    expect(listens()).toEqual([
      { timestamp: T, source: 'roon', zone: 'Salon' },
      { timestamp: T + 601, source: 'lastfm', zone: null },
      { timestamp: T + 1500, source: 'roon', zone: null },
    ]);
  });

  it('pairs one Roon play with one scrobble: a second scrobble nearby is a replay, and re-reading either copy adds nothing', async () => {
    await ingest.record([play({ source: 'roon', zone: 'Salon', timestamp: T })]);
    expect(await ingest.record([play({ source: 'lastfm', timestamp: T + 20 }), play({ source: 'lastfm', timestamp: T + 300 })])).toMatchObject({ imported: 1, skipped: 1 });
    // The import read again, and the Roon play recorded again: nothing changes.
    expect(await ingest.record([play({ source: 'lastfm', timestamp: T + 20 }), play({ source: 'lastfm', timestamp: T + 300 })])).toMatchObject({ imported: 0, skipped: 2 });
    expect(await ingest.record([play({ source: 'roon', zone: 'Salon', timestamp: T })])).toMatchObject({ imported: 0, skipped: 1 });
    expect(listens()).toEqual([
      { timestamp: T, source: 'roon', zone: 'Salon' },
      { timestamp: T + 300, source: 'lastfm', zone: null },
    ]);
    // The other order: the scrobbles first, then Roon's two plays of the replay.
    await ingest.record([play({ title: 'Veridis Quo', timestamp: T + 5000 }), play({ title: 'Veridis Quo', timestamp: T + 5400 })]);
    expect(await ingest.record([play({ title: 'Veridis Quo', source: 'roon', timestamp: T + 4990 }), play({ title: 'Veridis Quo', source: 'roon', timestamp: T + 5390 })])).toMatchObject({ imported: 0, skipped: 2 });
    expect(await ingest.record([play({ title: 'Veridis Quo', source: 'roon', timestamp: T + 5800 })])).toMatchObject({ imported: 1 });
  });

  it('stores a scrobble read again with another album spelling once (Last.fm corrected or edited its album)', async () => {
    await ingest.record([play({ album: 'Discovery' })]);
    expect(await ingest.record([play({ album: 'Discovery (Remastered 2020)' })])).toMatchObject({ imported: 0, skipped: 1 });
    expect(await ingest.record([play({ album: null })])).toMatchObject({ imported: 0, skipped: 1 });
    expect(listens()).toHaveLength(1);
    // The same track on two albums at two times is two listens.
    expect(await ingest.record([play({ album: 'Alive 2007', timestamp: T + 400 })])).toMatchObject({ imported: 1 });
  });

  it('waits for another writer instead of failing the play (a job worker writing the same file)', async () => {
    await ingest.record([play({ timestamp: T - 3600 })]);
    // Another connection takes the write lock, changes a row and commits 300 ms later.
    const holder = spawn(process.execPath, ['-e', `
      const db = require('better-sqlite3')(process.argv[1]);
      db.pragma('busy_timeout = 5000');
      db.prepare('BEGIN IMMEDIATE').run();
      db.prepare("UPDATE artists SET updated_at = updated_at + 1").run();
      process.stdout.write('locked\\n');
      const until = Date.now() + 300; while (Date.now() < until);
      db.prepare('COMMIT').run();
    `, join(dir, 'aime.db')], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const done = new Promise<void>((resolve) => holder.once('exit', () => resolve()));
    expect(await ingest.record([play({ source: 'roon', title: 'Aerodynamic', timestamp: T })])).toMatchObject({ imported: 1 });
    await done;
  });

  it('skips radio stations and counts plays it cannot store as failed', async () => {
    const summary = await ingest.record([
      play({ artist: 'Radio Swiss Jazz', title: 'Blue in Green' }),
      play({ artist: 'Miles Davis', title: 'Radio Swiss Jazz - So What', timestamp: T + 1 }),
      play({ artist: '', timestamp: T + 2 }),
      play({ timestamp: Number.NaN }),
    ]);
    expect(summary).toEqual({ imported: 0, skipped: 2, failed: 2, newAlbumIds: [] });
  });

  it('identifies albums by title and album artist, announces new ones once, keys tracks like trackIdentity()', async () => {
    await ingest.record([
      play({ album: 'Greatest Hits', artist: 'Queen', title: 'Bohemian Rhapsody' }),
      play({ album: 'Greatest Hits', artist: 'ABBA', title: 'Waterloo', timestamp: T + 300 }),
      play({ album: 'Now 42', albumArtist: 'Various Artists', artist: 'ABBA', title: 'Waterloo', timestamp: T + 600 }),
    ]);
    await ingest.record([play({ album: 'greatest hits', artist: 'queen', title: 'We Will Rock You', timestamp: T + 900 })]);
    const albums = db.sqlite.prepare('SELECT id, title, artist_name AS artist FROM albums ORDER BY id').all() as { id: number; title: string; artist: string }[];
    expect(albums.map(({ title, artist }) => [title, artist])).toEqual([['Greatest Hits', 'Queen'], ['Greatest Hits', 'ABBA'], ['Now 42', 'Various Artists']]);
    expect(announced).toEqual([albums.map((album) => album.id)]);
    const track = db.sqlite.prepare(`SELECT artist_id AS artistId, album_id AS albumId, title, identity_key AS identity FROM tracks WHERE title = 'Bohemian Rhapsody'`).get() as { artistId: number; albumId: number; title: string; identity: string };
    expect(track.identity).toBe(trackIdentity(track.artistId, track.albumId, track.title));
  });

  it('recovers when a cached album was deleted behind its back', async () => {
    await ingest.record([play({})]);
    db.sqlite.prepare('DELETE FROM albums').run();
    expect(await ingest.record([play({ timestamp: T + 900 })])).toMatchObject({ imported: 1 });
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM albums').pluck().get()).toBe(1);
  });

  it('history dedupe merges copies stored by older versions, keeping the first and its love', async () => {
    await ingest.record([play({ timestamp: T }), play({ timestamp: T + 3000, title: 'One More Time' })]);
    const copy = db.sqlite.prepare(`INSERT INTO listening_history (track_id, timestamp, source, loved, created_at) SELECT track_id, timestamp + ?, ?, 1, 0 FROM listening_history WHERE timestamp = ?`);
    copy.run(30, 'roon', T);
    copy.run(400, 'lastfm', T + 3000); // same source, a replay: kept
    const journal = new SqliteListenJournal(db);
    expect(dedupeListens(journal, true)).toMatchObject({ duplicates: 1, removed: 0 });
    expect(dedupeListens(journal, false)).toMatchObject({ duplicates: 1, removed: 1 });
    expect(listens()).toHaveLength(3);
    expect(db.sqlite.prepare('SELECT loved FROM listening_history WHERE timestamp = ?').pluck().get(T)).toBe(1);
  });

  it('history dedupe pairs copies one to one: a Roon play stored with two nearby scrobbles keeps the replay', async () => {
    await ingest.record([play({ source: 'roon', timestamp: T })]);
    const raw = db.sqlite.prepare(`INSERT INTO listening_history (track_id, timestamp, source, loved, created_at) SELECT track_id, ?, 'lastfm', 0, 0 FROM listening_history WHERE timestamp = ?`);
    raw.run(T + 20, T); // its scrobble, stored by an older version
    raw.run(T + 300, T); // a real replay
    const journal = new SqliteListenJournal(db);
    expect(dedupeListens(journal, false)).toMatchObject({ duplicates: 1, removed: 1 });
    expect(listens()).toEqual([
      { timestamp: T, source: 'roon', zone: null },
      { timestamp: T + 300, source: 'lastfm', zone: null },
    ]);
    // The scrobble merged away, imported again, stays merged.
    expect(await ingest.record([play({ source: 'lastfm', timestamp: T + 20 })])).toMatchObject({ imported: 0, skipped: 1 });
  });
});
