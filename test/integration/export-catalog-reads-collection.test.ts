// The exports' read side on a real SQLite file: only owned albums, filters by the support of
// any copy and by any credited artist (name keys), covers before other images, Discogs label
// objects as names, and listening summaries whose days are the configured zone's days.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { albumKey, nameKey } from '../../src/core/names.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteExportCatalog } from '../../src/db/repositories/exports.js';

let dir: string;
let db: Database;
let catalog: SqliteExportCatalog;

function artist(name: string): number {
  return Number(db.sqlite.prepare('INSERT INTO artists (name, name_key, created_at, updated_at) VALUES (?, ?, 0, 0)').run(name, nameKey(name)).lastInsertRowid);
}

function album(title: string, by: string, support: string | null, credits: number[]): number {
  const key = albumKey(by, title);
  const id = Number(db.sqlite.prepare(`INSERT INTO albums (title, title_key, artist_name, artist_key, support, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)`)
    .run(title, key.titleKey, by, key.artistKey, support).lastInsertRowid);
  credits.forEach((artistId, position) => db.sqlite.prepare('INSERT INTO album_artist (album_id, artist_id, position, created_at) VALUES (?, ?, ?, 0)').run(id, artistId, position));
  return id;
}

function copy(albumId: number, support: string | null, labels = '[]'): void {
  db.sqlite.prepare(`INSERT INTO collection_items (album_id, support, labels, created_at, updated_at) VALUES (?, ?, ?, 0, 0)`).run(albumId, support, labels);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-export-catalog-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  catalog = new SqliteExportCatalog(db);
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('collection albums', () => {
  it('are the owned albums, filtered by any copy support and any credited artist', async () => {
    const heads = artist('Talking Heads');
    const byrne = artist('David Byrne');
    const eno = artist('Brian Eno');
    const remain = album('Remain in Light', 'Talking Heads', 'vinyl', [heads]);
    const bush = album('My Life in the Bush of Ghosts', 'Brian Eno', null, [eno, byrne]);
    album('Heard on Last.fm only', 'Talking Heads', null, [heads]);
    copy(remain, 'vinyl', JSON.stringify([{ name: 'Sire', catno: 'SRK 6095' }, 'Sire']));
    copy(remain, 'cd');
    copy(bush, null);
    db.sqlite.prepare(`INSERT INTO images (url, image_type, source, album_id, created_at, updated_at) VALUES ('https://x/back.jpg', 'album', 'discogs', ?, 0, 0), ('https://x/front.jpg', 'album', 'coverart', ?, 0, 0)`).run(remain, remain);

    const all = await catalog.collectionAlbums({});
    expect(all.map((a) => a.title)).toEqual(['Remain in Light', 'My Life in the Bush of Ghosts']);
    const [first] = all;
    expect(first).toMatchObject({ supports: ['vinyl', 'cd'], labels: ['Sire'], coverUrl: 'https://x/front.jpg', artists: ['Talking Heads'] });
    expect(first!.copies).toHaveLength(2);
    expect(all[1]).toMatchObject({ supports: [], artists: ['Brian Eno', 'David Byrne'], coverUrl: null });

    expect((await catalog.collectionAlbums({ support: 'cd' })).map((a) => a.id)).toEqual([remain]);
    expect((await catalog.collectionAlbums({ artist: 'david byrne' })).map((a) => a.id)).toEqual([bush]);
    expect((await catalog.collectionAlbums({ artist: 'The Talking Heads', support: 'vinyl' })).map((a) => a.id)).toEqual([remain]);
    expect(await catalog.collectionAlbums({ artist: 'Nobody' })).toEqual([]);
    expect((await catalog.albumsByIds([bush, 999, remain])).map((a) => a.id)).toEqual([bush, remain]);
  });
});

describe('listening summary', () => {
  it('counts listens, hours, and active days on the zone clock', async () => {
    const heads = artist('Talking Heads');
    const remain = album('Remain in Light', 'Talking Heads', 'vinyl', [heads]);
    const track = Number(db.sqlite.prepare(`INSERT INTO tracks (album_id, artist_id, title, title_key, identity_key, duration_seconds, created_at, updated_at)
      VALUES (?, ?, 'Once in a Lifetime', 'once in a lifetime', 'x', 259, 0, 0)`).run(remain, heads).lastInsertRowid);
    // 22:30 and 23:30 UTC on 31 October are 23:30 and 00:30 in Zurich: two days there, one in UTC.
    const times = [Date.parse('2026-10-31T22:30:00Z') / 1000, Date.parse('2026-10-31T23:30:00Z') / 1000];
    for (const at of times) db.sqlite.prepare(`INSERT INTO listening_history (track_id, timestamp, source, created_at) VALUES (?, ?, 'lastfm', 0)`).run(track, at);
    const from = Date.parse('2026-10-01T00:00:00Z') / 1000;
    const to = Date.parse('2026-11-02T00:00:00Z') / 1000;
    const zurich = await catalog.listeningSummary(from, to, 'Europe/Zurich', 5);
    expect(zurich).toMatchObject({ listens: 2, activeDays: 2, hours: 0.1, topArtists: [{ name: 'Talking Heads', plays: 2 }], topAlbums: [{ name: 'Remain in Light', artist: 'Talking Heads', plays: 2 }] });
    expect((await catalog.listeningSummary(from, to, 'UTC', 5)).activeDays).toBe(1);
  });
});
