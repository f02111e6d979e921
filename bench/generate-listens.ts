import { seededRandom } from '../src/core/random.js';
import { rmSync } from 'node:fs';
import { openDatabase, runMigrations } from '../src/db/data-source.js';
import { albumKey, nameKey, trackIdentity } from '../src/core/names.js';
import { buildListenCatalog, type GeneratedAlbum, type GeneratedArtist, type GeneratedTrack } from './listen-catalog.js';

/**
 * A realistic listening database for benchmarks: a long tail of artist popularity, albums
 * played in sessions separated by more than 30 minutes, daily and weekly rhythms, years of
 * history, some loved tracks, some unknown durations, a small record collection. The same
 * seed gives the same database, so benchmark numbers are comparable between runs.
 */
export interface GenerateListensOptions {
  readonly path: string;
  readonly listens: number;
  readonly seed?: number;
  /** The newest listen lands on the day before this instant (UTC epoch seconds; default now). */
  readonly endAt?: number;
}

export interface GeneratedCounts {
  readonly artists: number;
  readonly albums: number;
  readonly tracks: number;
  readonly listens: number;
}

const DAY = 86_400;
const BATCH = 50_000;
const SESSION_GAP = 31 * 60;
/** Listens in an average generated session (one album and a bit, sometimes two). */
const SESSION_LISTENS = 11;
/** Share of each hour of the (local-ish) day in the listening: quiet nights, busy evenings. */
const HOUR_WEIGHTS = [2, 1, 0.5, 0.3, 0.2, 0.3, 1, 3, 5, 4, 3, 3, 4, 4, 3, 3, 4, 5, 7, 9, 10, 9, 6, 4];
/** Sunday first, as Date#getUTCDay counts: weekends hold more listening. */
const WEEKDAY_WEIGHTS = [1.3, 0.85, 0.85, 0.9, 0.9, 1.05, 1.4];


/** Picks an index with probability proportional to its weight (binary search on the running sums). */
function weightedPicker(weights: readonly number[], random: () => number): () => number {
  const sums: number[] = [];
  let total = 0;
  for (const weight of weights) sums.push((total += weight));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sums[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export async function generateListeningDatabase(options: GenerateListensOptions): Promise<GeneratedCounts> {
  const random = seededRandom(options.seed ?? 1);
  const endAt = options.endAt ?? Math.floor(Date.now() / 1000);
  const artists = buildListenCatalog(Math.max(20, Math.min(4000, Math.round(Math.sqrt(options.listens) * 3))), random);
  const plays = planListens(artists, options.listens, endAt, random);
  for (const suffix of ['', '-wal', '-shm']) rmSync(options.path + suffix, { force: true });
  const db = await openDatabase({ path: options.path });
  try {
    await runMigrations(db);
    return storeDatabase(db.sqlite, artists, plays, endAt, random);
  } finally {
    await db.close();
  }
}

interface PlannedListens {
  readonly trackIds: Int32Array;
  readonly timestamps: Float64Array;
  readonly lovedTracks: Set<number>;
}

/** Walks day by day through the years, playing sessions until `count` listens exist. */
function planListens(artists: GeneratedArtist[], count: number, endAt: number, random: () => number): PlannedListens {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pickArtist = weightedPicker(artists.map((_, rank) => 1 / (rank + 1)), random);
  const pickHour = weightedPicker(HOUR_WEIGHTS, random);
  const trackIds = new Int32Array(count);
  const timestamps = new Float64Array(count);
  const lovedTracks = new Set<number>();
  for (const artist of artists) for (const album of artist.albums) for (const track of album.tracks) if (random() < 0.03) lovedTracks.add(track.id);

  const spanDays = Math.max(3 * 365, Math.ceil(count / 100));
  const perDay = count / spanDays;
  const firstDay = Math.floor(endAt / DAY) * DAY - spanDays * DAY;
  let played = 0;
  let cursor = firstDay;
  const play = (track: GeneratedTrack): void => {
    trackIds[played] = track.id;
    timestamps[played++] = cursor;
    cursor += (track.durationSeconds ?? 210) + int(0, 15);
  };
  const playSession = (): void => {
    let artist = artists[pickArtist()]!;
    for (let part = 0; part === 0 || (random() < 0.35 && played < count); part++) {
      const albums = artist.albums.filter((album: GeneratedAlbum) => !album.shelfOnly);
      if (artist.singles.length && random() < 0.1) {
        play(artist.singles[int(0, artist.singles.length - 1)]!);
      } else {
        const album = albums[int(0, albums.length - 1)]!;
        const from = random() < 0.7 ? 0 : int(0, album.tracks.length - 1);
        const to = random() < 0.6 ? album.tracks.length : int(from + 1, album.tracks.length);
        for (let i = from; i < to && played < count; i++) play(album.tracks[i]!);
      }
      cursor += int(0, 120);
      if (random() < 0.5) artist = artists[pickArtist()]!;
    }
  };
  for (let day = firstDay; played < count; day += DAY) {
    if (random() < 0.12) continue;
    const weekday = new Date(day * 1000).getUTCDay();
    const wanted = (perDay / 0.88) * WEEKDAY_WEIGHTS[weekday]! * (0.4 + random() * 1.2);
    // Start times are drawn first and sorted, so an evening session never pushes the morning one into the night.
    const starts = Array.from({ length: Math.max(1, Math.round(wanted / SESSION_LISTENS)) }, () => day + pickHour() * 3600 + int(0, 3599)).sort((a, b) => a - b);
    for (const wished of starts) {
      if (played >= count) break;
      cursor = Math.max(wished, cursor + SESSION_GAP);
      playSession();
    }
  }
  // Whole days keep the daily rhythm while the newest listen moves to the day before endAt.
  const shift = (Math.floor(endAt / DAY) - 1 - Math.floor((timestamps[count - 1] ?? endAt) / DAY)) * DAY;
  for (let i = 0; i < count; i++) timestamps[i] = timestamps[i]! + shift;
  return { trackIds, timestamps, lovedTracks };
}

type Sqlite = Awaited<ReturnType<typeof openDatabase>>['sqlite'];

function storeDatabase(sqlite: Sqlite, artists: GeneratedArtist[], plays: PlannedListens, now: number, random: () => number): GeneratedCounts {
  const insertArtist = sqlite.prepare('INSERT INTO artists (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertAlbum = sqlite.prepare(`INSERT INTO albums (id, title, title_key, artist_name, artist_key, year, source, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'lastfm', ?, ?)`);
  const insertAlbumArtist = sqlite.prepare('INSERT INTO album_artist (album_id, artist_id, position, created_at) VALUES (?, ?, 0, ?)');
  const insertTrack = sqlite.prepare(`INSERT INTO tracks (id, album_id, artist_id, title, title_key, identity_key, track_number, duration_seconds, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertCollectionItem = sqlite.prepare(`INSERT INTO collection_items (album_id, source, discogs_release_id, discogs_instance_id, folder_id, date_added, support, release_year, created_at, updated_at)
    VALUES (?, 'discogs', ?, ?, 0, ?, ?, ?, ?, ?)`);
  const insertListen = sqlite.prepare('INSERT INTO listening_history (track_id, timestamp, source, loved, created_at) VALUES (?, ?, ?, ?, ?)');

  let albums = 0;
  let tracks = 0;
  const storeTrack = (track: GeneratedTrack): void => {
    tracks++;
    insertTrack.run(track.id, track.albumId, track.artistId, track.title, nameKey(track.title),
      trackIdentity(track.artistId, track.albumId, track.title), track.trackNumber, track.durationSeconds, now, now);
  };
  sqlite.transaction(() => {
    for (const artist of artists) {
      insertArtist.run(artist.id, artist.name, nameKey(artist.name), now, now);
      for (const album of artist.albums) {
        const keys = albumKey(artist.name, album.title);
        insertAlbum.run(album.id, album.title, keys.titleKey, artist.name, keys.artistKey, album.year, now, now);
        insertAlbumArtist.run(album.id, artist.id, now);
        albums++;
        album.tracks.forEach(storeTrack);
        // The shelf-only records, plus a few played ones, are the owned collection.
        if (album.shelfOnly || random() < 0.02) {
          const supports = ['vinyl', 'cd', 'cassette', 'digital'];
          insertCollectionItem.run(album.id, 100_000 + album.id, 500_000 + album.id,
            now - Math.floor(random() * 3650) * DAY, supports[Math.floor(random() * supports.length)], album.year, now, now);
        }
      }
      artist.singles.forEach(storeTrack);
    }
  })();

  const count = plays.trackIds.length;
  // Roon arrived in the last two years of this imaginary listener's history.
  const roonSince = now - 730 * DAY;
  const storeBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const trackId = plays.trackIds[i]!;
      const timestamp = plays.timestamps[i]!;
      const source = timestamp >= roonSince && i % 3 === 0 ? 'roon' : 'lastfm';
      insertListen.run(trackId, timestamp, source, plays.lovedTracks.has(trackId) ? 1 : 0, now);
    }
  });
  for (let from = 0; from < count; from += BATCH) storeBatch(from, Math.min(count, from + BATCH));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { artists: artists.length, albums, tracks, listens: count };
}
