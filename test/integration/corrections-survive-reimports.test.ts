// `history rm|edit` over a real SQLite file, through the one ListenIngest every source uses:
// what a re-import of a real export file, a Last.fm re-read or another source's copy does
// to a deleted or edited listen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { editListen, removeListens } from '../../src/core/corrections/history.js';
import { NotFoundError, UserError } from '../../src/core/errors.js';
import { ListenIngest } from '../../src/core/listens/ingest.js';
import type { PlayReport } from '../../src/core/model.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteListenCorrections } from '../../src/db/repositories/listen-corrections.js';
import { SqliteListenStore } from '../../src/db/repositories/listens.js';
import { fileEnding, walk } from '../support/export-walk.js';
import { realFixture } from '../support/shared-fixtures.js';

let dir: string;
let db: Database;
let ingest: ListenIngest;
let corrections: SqliteListenCorrections;
let announced: number[];
let malojaPlays: PlayReport[];

const ZONE = { timeZone: 'Europe/Zurich', now: 1_800_000_000 };
const T = 1_750_000_000;
const play = (overrides: Partial<PlayReport>): PlayReport => ({ artist: 'Daft Punk', title: 'Digital Love', album: 'Discovery', timestamp: T, source: 'lastfm', ...overrides });
const edit = (id: number, change: Parameters<typeof editListen>[2]) => editListen({ corrections, albumEvents: { albumsCreated: (ids) => announced.push(...ids) } }, id, change, ZONE);

interface Row {
  id: number;
  timestamp: number;
  artist: string;
  title: string;
  album: string | null;
  source: string;
}
const rows = (): Row[] =>
  db.sqlite
    .prepare(`SELECT l.id, l.timestamp, ar.name AS artist, t.title, al.title AS album, l.source FROM listening_history l JOIN tracks t ON t.id = l.track_id
      JOIN artists ar ON ar.id = t.artist_id LEFT JOIN albums al ON al.id = t.album_id ORDER BY l.timestamp, l.id`)
    .all() as Row[];
const idAt = (timestamp: number): number => rows().find((row) => row.timestamp === timestamp)!.id;

beforeAll(async () => {
  // Koito's Maloja export: 38 real scrobbles (facts in ../shared/fixtures/real/README.md).
  malojaPlays = fileEnding(await walk([realFixture('koito')]), 'maloja_import_test.json').plays;
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-corrections-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  ingest = new ListenIngest({ store: new SqliteListenStore(db), albumEvents: { albumsCreated: () => undefined }, radioStations: () => [] });
  corrections = new SqliteListenCorrections(db);
  announced = [];
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a re-import of the same export file', () => {
  it('does not bring deleted listens back', async () => {
    expect(await ingest.record(malojaPlays)).toMatchObject({ imported: 38, skipped: 0 });
    const [first, second] = rows();
    const result = removeListens(corrections, [first!.id, second!.id, first!.id], ZONE.timeZone);
    expect(result.count).toBe(2);
    expect(result.removed.map((listen) => [listen.id, listen.artist, listen.title, listen.source])).toEqual([
      [first!.id, first!.artist, first!.title, 'maloja'],
      [second!.id, second!.artist, second!.title, 'maloja'],
    ]);
    expect(await ingest.record(malojaPlays)).toMatchObject({ imported: 0, skipped: 38 });
    expect(rows()).toHaveLength(36);
    expect(rows().map((row) => row.id)).not.toContain(first!.id);
  });

  it('keeps an edited listen edited and single', async () => {
    await ingest.record(malojaPlays);
    const target = rows()[5]!;
    const edited = edit(target.id, { artist: 'Kanade Ishihara', title: 'Ibuki (corrected)', album: 'Magnify Tokyo (Deluxe)' });
    expect(edited.before).toMatchObject({ artist: target.artist, title: target.title, album: target.album });
    expect(edited.after).toMatchObject({ id: target.id, artist: 'Kanade Ishihara', title: 'Ibuki (corrected)', album: 'Magnify Tokyo (Deluxe)', timestamp: target.timestamp });
    expect(announced).toHaveLength(1);
    expect(await ingest.record(malojaPlays)).toMatchObject({ imported: 0, skipped: 38 });
    expect(rows()).toHaveLength(38);
    expect(rows().find((row) => row.id === target.id)).toMatchObject({ artist: 'Kanade Ishihara', title: 'Ibuki (corrected)' });
  });
});

describe('Last.fm reading a corrected play again (import or tracker), and other sources', () => {
  it('skips the deleted scrobble and another source’s copy of it, and keeps real replays', async () => {
    await ingest.record([play({}), play({ timestamp: T + 3600, title: 'Aerodynamic' })]);
    removeListens(corrections, [idAt(T)], ZONE.timeZone);
    expect(await ingest.record([play({})])).toMatchObject({ imported: 0, skipped: 1 });
    // Roon's and Spotify's plays of it (they would have been the same listen) are kept away too,
    // each within the window of its pair of sources (core/listens/same-play.ts)...
    expect(await ingest.record([play({ source: 'roon', timestamp: T - 540 }), play({ source: 'spotify', timestamp: T + 60 })])).toMatchObject({ imported: 0, skipped: 2 });
    // ...but not the same track heard again later, a Spotify stream outside its 90 s, nor a second scrobble seconds after.
    expect(await ingest.record([play({ source: 'roon', timestamp: T + 1200 }), play({ source: 'spotify', timestamp: T + 540 }), play({ timestamp: T + 30 })])).toMatchObject({ imported: 3, skipped: 0 });
    expect(rows().map((row) => [row.timestamp - T, row.source])).toEqual([[30, 'lastfm'], [540, 'spotify'], [1200, 'roon'], [3600, 'lastfm']]);
  });

  it('keeps both copies of a listen that had absorbed another source’s play away', async () => {
    await ingest.record([play({ source: 'roon', timestamp: T })]);
    await ingest.record([play({ source: 'lastfm', timestamp: T + 40 })]);
    expect(rows()).toHaveLength(1);
    removeListens(corrections, [idAt(T)], ZONE.timeZone);
    expect(await ingest.record([play({ source: 'lastfm', timestamp: T + 40 })])).toMatchObject({ imported: 0, skipped: 1 });
    expect(await ingest.record([play({ source: 'roon', timestamp: T })])).toMatchObject({ imported: 0, skipped: 1 });
    expect(rows()).toEqual([]);
  });

  it('keeps away a copy credited differently: Roon’s "A / B" listen deleted, Last.fm’s "A" read again', async () => {
    await ingest.record([play({ source: 'roon', timestamp: T, artist: 'Daft Punk / Pharrell Williams', title: 'Get Lucky' })]);
    await ingest.record([play({ source: 'lastfm', timestamp: T + 40, title: 'Get Lucky' })]);
    expect(rows()).toHaveLength(1);
    removeListens(corrections, [idAt(T)], ZONE.timeZone);
    expect(await ingest.record([play({ source: 'lastfm', timestamp: T + 40, title: 'Get Lucky' })])).toMatchObject({ imported: 0, skipped: 1 });
    // The same song scrobbled an hour later is a new listen.
    expect(await ingest.record([play({ source: 'lastfm', timestamp: T + 3600, title: 'Get Lucky' })])).toMatchObject({ imported: 1, skipped: 0 });
  });

  it('treats the first spelling and time of an edited scrobble as that listen', async () => {
    await ingest.record([play({ title: 'Digital Lvoe' })]);
    const id = idAt(T);
    edit(id, { title: 'Digital Love', time: '2025-06-15 17:00' });
    const moved = rows()[0]!;
    expect([moved.id, moved.title, moved.timestamp]).toEqual([id, 'Digital Love', Date.parse('2025-06-15T15:00:00Z') / 1000]);
    expect(await ingest.record([play({ title: 'Digital Lvoe' })])).toMatchObject({ imported: 0, skipped: 1 });
    expect(rows()).toHaveLength(1);
  });

  it('keeps every spelling away once an edited listen is deleted', async () => {
    await ingest.record([play({ artist: 'Daft Pnuk' })]);
    const id = idAt(T);
    edit(id, { artist: 'Daft Punk' });
    removeListens(corrections, [id], ZONE.timeZone);
    expect(await ingest.record([play({ artist: 'Daft Pnuk' }), play({ artist: 'Daft Punk' })])).toMatchObject({ imported: 0, skipped: 2 });
    expect(db.sqlite.prepare('SELECT kind, artist_key AS artistKey, listen_id AS listenId FROM listen_corrections ORDER BY id').all()).toEqual([
      { kind: 'deleted', artistKey: 'daft pnuk', listenId: null },
      { kind: 'deleted', artistKey: 'daft punk', listenId: null },
    ]);
  });
});

describe('a correction that cannot be made changes nothing', () => {
  it('an unknown id among several: nothing deleted, the unknown ids named', async () => {
    await ingest.record([play({}), play({ timestamp: T + 600, title: 'Aerodynamic' })]);
    const before = rows();
    const failure = (() => {
      try {
        removeListens(corrections, [idAt(T), 999_999, 888_888], ZONE.timeZone);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(NotFoundError);
    expect((failure as Error).message).toBe('no listen with id 999999, 888888 (see aime history); nothing was deleted');
    expect(rows()).toEqual(before);
    expect(db.sqlite.prepare('SELECT count(*) FROM listen_corrections').pluck().get()).toBe(0);
  });

  it('an edit onto a play another listen holds, an unknown id, a bad time or no change at all', async () => {
    await ingest.record([play({}), play({ timestamp: T + 600, title: 'Aerodynamic' })]);
    const before = rows();
    expect(() => edit(idAt(T + 600), { title: 'Digital Love', time: String(T) })).toThrow(new UserError(`listen ${idAt(T)} already records this play; delete one of them instead (aime history rm)`));
    expect(() => edit(424_242, { title: 'x' })).toThrow(NotFoundError);
    expect(() => edit(idAt(T), { time: '2025-06-15' })).toThrow(/needs a time of day/);
    expect(() => edit(idAt(T), { time: '2099-01-01 10:00' })).toThrow(/in the future/);
    expect(() => edit(idAt(T), { title: '!!!' })).toThrow(/letters or digits/);
    expect(() => edit(idAt(T), {})).toThrow(/say what to change/);
    expect(rows()).toEqual(before);
    expect(db.sqlite.prepare('SELECT count(*) FROM listen_corrections').pluck().get()).toBe(0);
  });

  it('an album-less edit: "" takes the listen off its album, and the album artist follows a new artist', async () => {
    await ingest.record([play({ artist: 'Daft Pnuk' })]);
    const id = idAt(T);
    expect(edit(id, { artist: 'Daft Punk' }).after.album).toBe('Discovery');
    expect(db.sqlite.prepare('SELECT al.artist_name FROM listening_history l JOIN tracks t ON t.id = l.track_id JOIN albums al ON al.id = t.album_id WHERE l.id = ?').pluck().get(id)).toBe('Daft Punk');
    expect(edit(id, { album: '' }).after.album).toBeNull();
  });
});
