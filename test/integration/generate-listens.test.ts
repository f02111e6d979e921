import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateListeningDatabase } from '../../bench/generate-listens.js';
import { albumKey, nameKey, trackIdentity } from '../../src/core/names.js';

const dir = mkdtempSync(join(tmpdir(), 'aime-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const END = Date.parse('2026-06-01T00:00:00Z') / 1000;

function fingerprint(path: string): unknown {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) AS listens, sum(track_id * 7 + timestamp % 1000003) AS mix, sum(loved) AS loved,
      (SELECT group_concat(name, '|') FROM (SELECT name FROM artists ORDER BY id LIMIT 20)) AS names FROM listening_history`).get();
  } finally {
    db.close();
  }
}

describe('the shared listening database generator', () => {
  it('writes exactly the listens asked for, the same ones for the same seed', async () => {
    const first = await generateListeningDatabase({ path: join(dir, 'a.db'), listens: 6000, seed: 3, endAt: END });
    const again = await generateListeningDatabase({ path: join(dir, 'b.db'), listens: 6000, seed: 3, endAt: END });
    await generateListeningDatabase({ path: join(dir, 'c.db'), listens: 6000, seed: 4, endAt: END });
    expect(first).toEqual(again);
    expect(first.listens).toBe(6000);
    expect(fingerprint(join(dir, 'a.db'))).toEqual(fingerprint(join(dir, 'b.db')));
    expect(fingerprint(join(dir, 'c.db'))).not.toEqual(fingerprint(join(dir, 'a.db')));
  });

  it('keeps names keyed like src/core/names.ts and gives the history a realistic shape', async () => {
    const path = join(dir, 'shape.db');
    const counts = await generateListeningDatabase({ path, listens: 20_000, seed: 9, endAt: END });
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      const artists = db.prepare('SELECT id, name, name_key FROM artists').all() as { id: number; name: string; name_key: string }[];
      expect(artists).toHaveLength(counts.artists);
      for (const artist of artists) expect(artist.name_key).toBe(nameKey(artist.name));
      const albums = db.prepare('SELECT title, title_key, artist_name, artist_key FROM albums').all() as { title: string; title_key: string; artist_name: string; artist_key: string }[];
      for (const album of albums) expect({ artistKey: album.artist_key, titleKey: album.title_key }).toEqual(albumKey(album.artist_name, album.title));
      const tracks = db.prepare('SELECT artist_id, album_id, title, identity_key FROM tracks').all() as { artist_id: number; album_id: number | null; title: string; identity_key: string }[];
      for (const track of tracks) expect(track.identity_key).toBe(trackIdentity(track.artist_id, track.album_id, track.title));
      expect(db.prepare('SELECT count(*) FROM album_artist').pluck().get()).toBe(counts.albums);

      const facts = db.prepare(`SELECT max(timestamp) AS last, min(timestamp) AS first, sum(loved) AS loved,
          (SELECT count(*) FROM listening_history l JOIN tracks t ON t.id = l.track_id WHERE t.duration_seconds IS NULL) AS unknown,
          (SELECT count(*) FROM collection_items) AS owned, (SELECT count(*) FROM tracks WHERE album_id IS NULL) AS singles
        FROM listening_history`).get() as Record<string, number>;
      expect(facts.last).toBeLessThan(END);
      expect(facts.last).toBeGreaterThan(END - 2 * 86_400);
      expect((facts.last! - facts.first!) / 86_400 / 365).toBeGreaterThan(2.5);
      expect(facts.loved).toBeGreaterThan(0);
      expect(facts.unknown).toBeGreaterThan(0);
      expect(facts.owned).toBeGreaterThan(0);
      expect(facts.singles).toBeGreaterThan(0);
      // A long tail: the most played artist alone outweighs the bottom half of the artists.
      const plays = db.prepare(`SELECT count(*) AS plays FROM listening_history l JOIN tracks t ON t.id = l.track_id GROUP BY t.artist_id ORDER BY plays DESC`).pluck().all() as number[];
      const bottomHalf = plays.slice(Math.floor(plays.length / 2)).reduce((a, b) => a + b, 0);
      expect(plays[0]).toBeGreaterThan(bottomHalf);
      // Evenings are busier than the small hours (UTC clock, which the generator's rhythm follows).
      const byHour = db.prepare(`SELECT (timestamp % 86400) / 3600 AS hour, count(*) AS n FROM listening_history GROUP BY hour`).all() as { hour: number; n: number }[];
      const at = (hour: number) => byHour.find((row) => row.hour === hour)?.n ?? 0;
      expect(at(20)).toBeGreaterThan(at(5) * 2);
    } finally {
      db.close();
    }
  });
});
