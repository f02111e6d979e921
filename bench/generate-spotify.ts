import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/core/random.js';
import { buildListenCatalog } from './listen-catalog.js';

/**
 * A Spotify "Extended streaming history" download for benchmarks: `files` JSON arrays of
 * streams (`Streaming_History_Audio_<years>_<n>.json`, about 12 MB each at 1,000,000 streams
 * over 70 files, as Spotify writes them) with every field a real record has. Music mostly,
 * some podcast episodes and audiobook chapters, a share of short and skipped streams,
 * offline_timestamp in seconds, in milliseconds (older years) or 0. Same seed, same bytes.
 */
export interface GenerateSpotifyOptions {
  readonly dir: string;
  readonly records: number;
  readonly files: number;
  readonly seed?: number;
  /** UTC epoch seconds of the first stream (default 2014-01-01). */
  readonly startAt?: number;
}

export interface GeneratedSpotify {
  readonly paths: string[];
  readonly bytes: number;
  /** Streams that are listens under AIME's rule (music, >= 30 s, not incognito). */
  readonly listens: number;
}

const PLATFORMS = ['android', 'ios', 'windows', 'osx', 'web_player', 'Android OS 12 API 31 (samsung, SM-G991B)', 'iOS 17.4.1 (iPhone14,5)'];
const COUNTRIES = ['CH', 'FR', 'DE', 'JP', 'US', 'GB'];
const REASONS_END = ['trackdone', 'trackdone', 'trackdone', 'fwdbtn', 'endplay', 'logout', 'backbtn', 'remote'];
const REASONS_START = ['trackdone', 'clickrow', 'fwdbtn', 'playbtn', 'appload', 'remote'];
const SHOWS = ['Song Exploder', 'Les Pieds sur terre', 'Switched on Pop', '音楽の時間', 'Dissect'];
/** Years before this wrote offline_timestamp in milliseconds. */
const MILLISECOND_YEARS_UNTIL = Date.UTC(2021, 0, 1) / 1000;

export function generateSpotifyHistory(options: GenerateSpotifyOptions): GeneratedSpotify {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const artists = buildListenCatalog(2500, random);
  const tracks = artists.flatMap((artist) => [...artist.albums.flatMap((album) => album.tracks.map((track) => ({ artist: artist.name, album: album.title, track }))), ...artist.singles.map((track) => ({ artist: artist.name, album: `${track.title} - Single`, track }))]);
  mkdirSync(options.dir, { recursive: true });
  const perFile = Math.ceil(options.records / options.files);
  let time = options.startAt ?? Date.UTC(2014, 0, 1) / 1000;
  let written = 0;
  let bytes = 0;
  let listens = 0;
  const paths: string[] = [];
  for (let file = 0; file < options.files && written < options.records; file++) {
    const streams: Record<string, unknown>[] = [];
    const firstYear = new Date(time * 1000).getUTCFullYear();
    for (let n = 0; n < perFile && written < options.records; n++, written++) {
      const kind = random();
      const played = kind < 0.22 ? Math.floor(random() * 30_000) : 30_000 + Math.floor(random() * 330_000);
      const start = time;
      const end = start + Math.ceil(played / 1000);
      // Mostly back to back, now and then a pause of up to 4 hours: ~10 years per million streams.
      time = end + (random() < 0.02 ? Math.floor(random() * 14_400) : Math.floor(random() * 20));
      const base = streamBase(start, end, played, random, pick);
      if (kind > 0.93) streams.push({ ...base, episode_name: `Episode ${Math.floor(random() * 400)}`, episode_show_name: pick(SHOWS), spotify_episode_uri: `spotify:episode:${uri(random)}` });
      else if (kind > 0.925) streams.push({ ...base, audiobook_title: 'Le Petit Prince', audiobook_uri: `spotify:show:${uri(random)}`, audiobook_chapter_uri: `spotify:episode:${uri(random)}`, audiobook_chapter_title: `Chapitre ${Math.floor(random() * 27)}` });
      else {
        const song = pick(tracks);
        const incognito = random() < 0.002;
        if (played >= 30_000 && !incognito) listens++;
        streams.push({ ...base, master_metadata_track_name: song.track.title, master_metadata_album_artist_name: song.artist, master_metadata_album_album_name: song.album, spotify_track_uri: `spotify:track:${uri(random)}`, incognito_mode: incognito });
      }
    }
    const lastYear = new Date(time * 1000).getUTCFullYear();
    const path = join(options.dir, `Streaming_History_Audio_${firstYear === lastYear ? firstYear : `${firstYear}-${lastYear}`}_${file}.json`);
    const text = JSON.stringify(streams, null, 2);
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
    paths.push(path);
  }
  return { paths, bytes, listens };
}

function streamBase(start: number, end: number, played: number, random: () => number, pick: <T>(items: readonly T[]) => T): Record<string, unknown> {
  const offline = random() < 0.15;
  const offlineTimestamp = random() < 0.3 ? 0 : start < MILLISECOND_YEARS_UNTIL ? start * 1000 + Math.floor(random() * 1000) : start;
  return {
    ts: new Date(end * 1000).toISOString().replace('.000Z', 'Z'),
    platform: pick(PLATFORMS),
    ms_played: played,
    conn_country: pick(COUNTRIES),
    ip_addr: `192.0.2.${Math.floor(random() * 254) + 1}`,
    master_metadata_track_name: null,
    master_metadata_album_artist_name: null,
    master_metadata_album_album_name: null,
    spotify_track_uri: null,
    episode_name: null,
    episode_show_name: null,
    spotify_episode_uri: null,
    audiobook_title: null,
    audiobook_uri: null,
    audiobook_chapter_uri: null,
    audiobook_chapter_title: null,
    reason_start: pick(REASONS_START),
    reason_end: played < 30_000 ? 'fwdbtn' : pick(REASONS_END),
    shuffle: random() < 0.4,
    skipped: played < 30_000,
    offline,
    offline_timestamp: offlineTimestamp,
    incognito_mode: false,
  };
}

const URI_LETTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function uri(random: () => number): string {
  let id = '';
  for (let n = 0; n < 22; n++) id += URI_LETTERS[Math.floor(random() * URI_LETTERS.length)];
  return id;
}
