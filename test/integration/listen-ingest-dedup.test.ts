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

describe('one play from two sources (core/listens/same-play.ts)', () => {
  const journalRows = () => db.sqlite.prepare('SELECT l.timestamp, l.source, ar.name AS artist FROM listening_history l JOIN tracks t ON t.id = l.track_id JOIN artists ar ON ar.id = t.artist_id ORDER BY l.timestamp, l.id').all();

  it('a Spotify stream and its Last.fm scrobble within 90 s are one listen, in either order; 91 s apart they are two', async () => {
    await ingest.record([play({ source: 'spotify', timestamp: T })]);
    expect(await ingest.record([play({ source: 'lastfm', timestamp: T + 3 })])).toMatchObject({ imported: 0, skipped: 1 });
    await ingest.record([play({ title: 'Aerodynamic', source: 'lastfm', timestamp: T + 1000 })]);
    expect(await ingest.record([play({ title: 'Aerodynamic', source: 'spotify', timestamp: T + 1000 - 90 })])).toMatchObject({ imported: 0, skipped: 1 });
    expect(await ingest.record([play({ title: 'Voyager', source: 'spotify', timestamp: T + 2000 }), play({ title: 'Voyager', source: 'lastfm', timestamp: T + 2091 })])).toMatchObject({ imported: 2 });
    expect(listens()).toHaveLength(4);
  });

  it('a short song played twice in a row stays two listens when both sources heard both plays', async () => {
    // A 62-second song, back to back: two streams, two scrobbles, each pair 0–2 s apart.
    const song = { artist: 'Minutemen', title: 'Corona', album: 'Double Nickels on the Dime' };
    await ingest.record([play({ ...song, source: 'spotify', timestamp: T }), play({ ...song, source: 'spotify', timestamp: T + 62 })]);
    expect(await ingest.record([play({ ...song, source: 'lastfm', timestamp: T + 1 }), play({ ...song, source: 'lastfm', timestamp: T + 63 })])).toMatchObject({ imported: 0, skipped: 2 });
    expect(listens()).toEqual([
      { timestamp: T, source: 'spotify', zone: null },
      { timestamp: T + 62, source: 'spotify', zone: null },
    ]);
    // Everything read again: still two.
    await ingest.record([play({ ...song, source: 'lastfm', timestamp: T + 1 }), play({ ...song, source: 'spotify', timestamp: T + 62 }), play({ ...song, source: 'lastfm', timestamp: T + 63 })]);
    expect(listens()).toHaveLength(2);
  });

  it('Roon’s "A / B" and Last.fm’s "A" for the same play are one listen; Last.fm’s "C" with the same title is another', async () => {
    await ingest.record([play({ artist: 'Daft Punk / Pharrell Williams', title: 'Get Lucky', album: 'Random Access Memories', source: 'roon', timestamp: T })]);
    expect(await ingest.record([play({ artist: 'Daft Punk', title: 'Get Lucky', album: 'Random Access Memories', source: 'lastfm', timestamp: T + 40 })])).toMatchObject({ imported: 0, skipped: 1 });
    expect(await ingest.record([play({ artist: 'Daughter', title: 'Get Lucky', album: 'If You Leave', source: 'lastfm', timestamp: T + 60 })])).toMatchObject({ imported: 1 });
    expect(journalRows()).toEqual([
      { timestamp: T, source: 'roon', artist: 'Daft Punk / Pharrell Williams' },
      { timestamp: T + 60, source: 'lastfm', artist: 'Daughter' },
    ]);
  });

  it('history dedupe applies the same rule to listens stored before it: credits, windows, one to one', async () => {
    const raw = db.sqlite.prepare(`INSERT INTO listening_history (track_id, timestamp, source, loved, created_at) VALUES (?, ?, ?, 0, 0)`);
    await ingest.record([
      play({ artist: 'Daft Punk / Pharrell Williams', title: 'Get Lucky', source: 'roon', timestamp: T }),
      play({ artist: 'Nubya Garcia', title: 'Source', source: 'spotify', timestamp: T + 5000 }),
    ]);
    // Copies an older version stored beside them: Last.fm's "A" 40 s after Roon's "A / B"; a
    // scrobble 80 s after the stream (one listen) and another 200 s after it (a replay).
    await ingest.record([play({ artist: 'Daft Punk', title: 'Placeholder', source: 'lastfm', timestamp: T - 10_000 })]);
    const trackOf = (artist: string, title: string) => {
      const found = db.sqlite.prepare('SELECT t.id FROM tracks t JOIN artists ar ON ar.id = t.artist_id WHERE ar.name = ? AND t.title = ?').pluck().get(artist, title) as number | undefined;
      if (found !== undefined) return found;
      const artistId = db.sqlite.prepare('SELECT id FROM artists WHERE name = ?').pluck().get(artist) as number;
      return db.sqlite.prepare(`INSERT INTO tracks (artist_id, title, title_key, identity_key, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0) RETURNING id`).pluck().get(artistId, title, title.toLowerCase(), `${artistId}:0:${title.toLowerCase()}`) as number;
    };
    raw.run(trackOf('Daft Punk', 'Get Lucky'), T + 40, 'lastfm');
    raw.run(trackOf('Nubya Garcia', 'Source'), T + 5080, 'lastfm');
    raw.run(trackOf('Nubya Garcia', 'Source'), T + 5200, 'lastfm');
    expect(dedupeListens(new SqliteListenJournal(db), false)).toMatchObject({ duplicates: 2, removed: 2 });
    expect(journalRows()).toEqual([
      { timestamp: T - 10_000, source: 'lastfm', artist: 'Daft Punk' },
      { timestamp: T, source: 'roon', artist: 'Daft Punk / Pharrell Williams' },
      { timestamp: T + 5000, source: 'spotify', artist: 'Nubya Garcia' },
      { timestamp: T + 5200, source: 'lastfm', artist: 'Nubya Garcia' },
    ]);
  });
});

describe('what plays know besides the listen', () => {
  const track = (title: string) => db.sqlite.prepare('SELECT duration_seconds AS duration, musicbrainz_id AS mbid FROM tracks WHERE title = ?').get(title);

  it('a file’s duration fills a track that has none and never replaces one; time played is no duration', async () => {
    await ingest.record([play({ title: 'Around the World', source: 'spotify', playedSeconds: 95 })]);
    expect(track('Around the World')).toEqual({ duration: null, mbid: null });
    await ingest.record([play({ title: 'Around the World', source: 'listenbrainz', durationSeconds: 429, timestamp: T + 5000 })]);
    expect(track('Around the World')).toEqual({ duration: 429, mbid: null });
    await ingest.record([play({ title: 'Around the World', source: 'maloja', durationSeconds: 240, timestamp: T + 9000 })]);
    expect(track('Around the World')).toMatchObject({ duration: 429 });
  });

  it('keeps MusicBrainz ids: recording on the track, artist on a one-artist credit, release beside the album', async () => {
    const recording = '08e8f55b-f1a4-46b8-b2d1-fab4c592165c';
    const artist = '056e4f3e-d505-4dad-8ec1-d04f521cbb56';
    const release = 'e9e78802-0bf8-4ca3-9655-1d943d2d2fa0';
    await ingest.record([
      play({ source: 'listenbrainz', mbid: recording, artistMbid: artist, albumMbid: release }),
      play({ artist: 'Daft Punk feat. Romanthony', title: 'One More Time', source: 'listenbrainz', artistMbid: artist, timestamp: T + 400 }),
    ]);
    expect(track('Digital Love')).toMatchObject({ mbid: recording });
    expect(db.sqlite.prepare('SELECT name, musicbrainz_id AS mbid FROM artists ORDER BY id').all()).toEqual([
      { name: 'Daft Punk', mbid: artist },
      { name: 'Daft Punk feat. Romanthony', mbid: null },
    ]);
    expect(db.sqlite.prepare('SELECT musicbrainz_release_id AS release, musicbrainz_id AS releaseGroup FROM albums').get()).toEqual({ release, releaseGroup: null });
  });
});

describe('a dry run', () => {
  it('counts what would be stored and what is a duplicate, then leaves the database as it was', async () => {
    await ingest.record([play({ source: 'lastfm', timestamp: T })]);
    const before = db.sqlite.prepare('SELECT (SELECT COUNT(*) FROM listening_history) AS listens, (SELECT COUNT(*) FROM albums) AS albums, (SELECT COUNT(*) FROM tracks) AS tracks').get();
    announced = [];
    const outcome = await ingest.recordBatch(
      [play({ source: 'spotify', timestamp: T + 20 }), play({ source: 'spotify', title: 'Veridis Quo', album: 'Discovery', timestamp: T + 400 }), play({ source: 'spotify', artist: '???', timestamp: T + 800 })],
      { dryRun: true },
    );
    expect(outcome).toEqual({ imported: 1, duplicates: 1, stations: 0, failures: [{ index: 2, reason: 'artist "???" has no letters or digits to match' }], newAlbumIds: [] });
    expect(db.sqlite.prepare('SELECT (SELECT COUNT(*) FROM listening_history) AS listens, (SELECT COUNT(*) FROM albums) AS albums, (SELECT COUNT(*) FROM tracks) AS tracks').get()).toEqual(before);
    expect(db.sqlite.prepare('SELECT merged_source FROM listening_history').pluck().get()).toBeNull();
    expect(announced).toEqual([]);
    // The catalogue cache forgot the rolled-back rows: storing for real works.
    expect(await ingest.record([play({ source: 'spotify', title: 'Veridis Quo', album: 'Discovery', timestamp: T + 400 })])).toMatchObject({ imported: 1 });
  });
});

describe('several requests stored together (group commit)', () => {
  it('gives each its own outcome, rolls a dry-run request back alone, and sees earlier requests of the group', async () => {
    const commits = () => db.sqlite.prepare('SELECT COUNT(*) FROM listening_history').pluck().get() as number;
    const outcomes = await ingest.recordBatches([
      { reports: [play({ source: 'spotify', timestamp: T }), play({ source: 'spotify', title: 'Veridis Quo', timestamp: T + 400 })] },
      // A dry run in the middle: would store its new play, stores nothing.
      { reports: [play({ source: 'spotify', title: 'Aerodynamic', album: 'Discovery', timestamp: T + 800 }), play({ source: 'spotify', timestamp: T })], dryRun: true },
      // The Last.fm scrobble of the first request's stream is its copy, in the same transaction.
      { reports: [play({ source: 'lastfm', timestamp: T + 30 }), play({ source: 'lastfm', artist: '', timestamp: T + 900 }), play({ source: 'lastfm', title: 'Superheroes', album: 'Discovery', timestamp: T + 1200 })] },
    ]);
    expect(outcomes.map(({ imported, duplicates, failures }) => ({ imported, duplicates, failed: failures.length }))).toEqual([
      { imported: 2, duplicates: 0, failed: 0 },
      { imported: 1, duplicates: 1, failed: 0 },
      { imported: 1, duplicates: 1, failed: 1 },
    ]);
    expect(commits()).toBe(3);
    expect(db.sqlite.prepare("SELECT COUNT(*) FROM tracks WHERE title = 'Aerodynamic'").pluck().get()).toBe(0);
    // The albums created by the stored requests are announced once, after the group; none of the dry run's.
    expect(announced.flat().length).toBe(db.sqlite.prepare('SELECT COUNT(*) FROM albums').pluck().get());
  });
});
