import { albumKey, nameKey } from '../../src/core/names.js';
import type { Database } from '../../src/db/data-source.js';

const SUPPORTS = ['vinyl', 'cd', 'cassette', 'digital'];
const ARTISTS = ['Talking Heads', 'Björk', 'The Cure', 'Nina Simone', 'Kraftwerk', 'Fela Kuti', 'Radiohead', 'Miles Davis', 'Stereolab', 'Aphex Twin'];

/**
 * Writes a collection straight into a migrated database (tests and the export benchmark):
 * `albums` albums over a few hundred artists, each with one or two owned copies, a cover
 * and, for most, AI texts and labels. Deterministic: the same count gives the same rows.
 */
export function seedCollection(db: Database, albums: number, options: { listens?: number; now?: number } = {}): void {
  const sqlite = db.sqlite;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const artistCount = Math.max(1, Math.min(albums, Math.ceil(albums / 8)));
  const insertArtist = sqlite.prepare('INSERT INTO artists (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const insertAlbum = sqlite.prepare(`INSERT INTO albums (title, title_key, artist_name, artist_key, year, support, source, discogs_id, discogs_url,
    spotify_url, genres, styles, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'discogs', ?, ?, ?, ?, ?, ?, ?)`);
  const credit = sqlite.prepare('INSERT INTO album_artist (album_id, artist_id, position, created_at) VALUES (?, ?, ?, ?)');
  const copy = sqlite.prepare(`INSERT INTO collection_items (album_id, source, discogs_release_id, discogs_instance_id, date_added, support, formats, labels,
    genres, styles, release_year, cover_url, created_at, updated_at) VALUES (?, 'discogs', ?, ?, ?, ?, ?, ?, '[]', '[]', ?, ?, ?, ?)`);
  const image = sqlite.prepare(`INSERT INTO images (url, image_type, source, album_id, created_at, updated_at) VALUES (?, 'album', 'coverart', ?, ?, ?)`);
  const metadata = sqlite.prepare(`INSERT INTO metadata (album_id, ai_info, resume, labels, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const track = sqlite.prepare(`INSERT INTO tracks (album_id, artist_id, title, title_key, identity_key, duration_seconds, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 240, ?, ?)`);
  const listen = sqlite.prepare(`INSERT INTO listening_history (track_id, timestamp, source, created_at) VALUES (?, ?, 'lastfm', ?)`);
  sqlite.transaction(() => {
    const artists: { id: number; name: string }[] = [];
    for (let i = 0; i < artistCount; i++) {
      const name = i < ARTISTS.length ? ARTISTS[i]! : `${ARTISTS[i % ARTISTS.length]} Tribute ${i}`;
      artists.push({ id: Number(insertArtist.run(name, nameKey(name), now, now).lastInsertRowid), name });
    }
    const tracks: number[] = [];
    for (let i = 0; i < albums; i++) {
      const artist = artists[i % artists.length]!;
      const title = `Record ${String(i + 1).padStart(5, '0')}${i % 7 === 0 ? ' (Remastered)' : ''}`;
      const key = albumKey(artist.name, title);
      const support = SUPPORTS[i % SUPPORTS.length]!;
      const year = 1960 + (i % 60);
      const albumId = Number(insertAlbum.run(title, key.titleKey, artist.name, key.artistKey, year, support, 100000 + i,
        `https://www.discogs.com/release/${100000 + i}`, i % 3 === 0 ? `https://open.spotify.com/album/${i}` : null,
        JSON.stringify(['Rock']), JSON.stringify(['New Wave']), now, now).lastInsertRowid);
      credit.run(albumId, artist.id, 0, now);
      const copies = i % 10 === 0 ? 2 : 1;
      for (let c = 0; c < copies; c++) {
        copy.run(albumId, 100000 + i, 500000 + i * 2 + c, now - i * 3600, c === 0 ? support : 'cd', JSON.stringify([{ name: support === 'cd' ? 'CD' : 'Vinyl', qty: '1' }]),
          JSON.stringify([`Label ${i % 40}`]), year, `https://img.discogs.com/${i}.jpg`, now, now);
      }
      image.run(`https://coverartarchive.org/release/${i}/front.jpg`, albumId, now, now);
      if (i % 4 !== 3) metadata.run(albumId, `A long description of ${title} by ${artist.name}. `.repeat(30), `${title}: thirty-five words about ${artist.name}.`, '[]', now, now);
      tracks.push(Number(track.run(albumId, artist.id, `Song of ${title}`, nameKey(`Song of ${title}`), `${artist.id}:${albumId}:${nameKey(`Song of ${title}`)}`, now, now).lastInsertRowid));
    }
    const listens = options.listens ?? 0;
    for (let i = 0; i < listens && tracks.length; i++) listen.run(tracks[(i * 7) % Math.min(tracks.length, 25)]!, now - 3600 * (i + 1), now);
  })();
}
