// Builds a deterministic listening history: sessions of whole or partial albums, shuffles
// and singles, some tracks replayed straight away, a few loved tracks. Same options → the
// same scrobbles, so tests and benchmarks can assert exact counts.
import { buildCatalog, type CatalogAlbum, type CatalogArtist, type CatalogTrack } from './catalog.js';
import { seededRandom } from './fault-plan.js';
import type { Scrobble } from './store.js';

export interface GenerateHistoryOptions {
  /** Number of scrobbles to produce. */
  readonly count: number;
  /** PRNG seed (default 42). */
  readonly seed?: number;
  /** Timestamp of the newest scrobble (default 2026-01-01T00:00:00Z). */
  readonly endAt?: number;
  /** Number of artists (default grows with `count`, from 8 up to 400). */
  readonly artistCount?: number;
  /** Share of tracks the user has loved (default 0.03). */
  readonly lovedShare?: number;
}

export const DEFAULT_HISTORY_END = 1_767_225_600;

/** Scrobbles oldest first, timestamps strictly increasing. */
export function generateHistory(options: GenerateHistoryOptions): Scrobble[] {
  const count = options.count;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, got ${count}`);
  const seed = options.seed ?? 42;
  const artistCount = options.artistCount ?? Math.min(400, Math.max(8, Math.round(Math.sqrt(count) * 1.6)));
  if (!Number.isInteger(artistCount) || artistCount < 2) throw new RangeError('artistCount must be at least 2');
  const catalog = buildCatalog(artistCount, seed);
  const rand = seededRandom(seed ^ 0x5bd1e995);
  const lovedShare = options.lovedShare ?? 0.03;
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));

  // Popularity follows a long tail: a few artists get most of the plays.
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < catalog.length; i++) {
    sum += 1 / Math.pow(i + 1, 0.9);
    cumulative.push(sum);
  }
  const weightedArtist = (): CatalogArtist => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return catalog[lo]!;
  };
  const pickFrom = <T>(list: readonly T[]): T | undefined => list[Math.floor(rand() * list.length)];

  const lovedTracks = new Set<CatalogTrack>();
  for (const artist of catalog) {
    for (const album of artist.albums) for (const t of album.tracks) if (rand() < lovedShare) lovedTracks.add(t);
  }

  // Albums a careless importer gets wrong are played early so even short histories hold them.
  const trapPlays: Array<{ artist: CatalogArtist; album: CatalogAlbum }> = [];
  for (const artist of catalog) {
    for (const album of artist.albums) {
      if (album.title === 'Greatest Hits' || artist.variantOf !== undefined) trapPlays.push({ artist, album });
    }
  }

  const out: Scrobble[] = [];
  let t = 0;
  const play = (artist: CatalogArtist, album: CatalogAlbum | null, track: CatalogTrack): void => {
    if (out.length >= count) return;
    out.push({
      artist: artist.name,
      album: album?.title ?? '',
      title: track.title,
      timestamp: t,
      mbid: track.mbid,
      artistMbid: artist.mbid,
      albumMbid: album?.mbid ?? '',
      loved: lovedTracks.has(track),
      durationSec: track.durationSec,
    });
    // Scrobbles are stamped when a play starts; the next one starts when this one ends.
    t += track.durationSec + int(0, 4);
    if (rand() < 0.012 && out.length < count) {
      out.push({ ...out[out.length - 1]!, timestamp: t });
      t += track.durationSec + int(0, 4);
    }
  };

  for (let session = 0; out.length < count; session++) {
    const roll = rand();
    const trap = session % 7 === 3 ? trapPlays.shift() : undefined;
    if (trap) {
      for (const track of trap.album.tracks) play(trap.artist, trap.album, track);
    } else if (roll < 0.55) {
      const artist = weightedArtist();
      const album = pickFrom(artist.albums)!;
      const stopAt = rand() < 0.2 ? int(1, album.tracks.length) : album.tracks.length;
      for (const track of album.tracks.slice(0, stopAt)) play(artist, album, track);
    } else if (roll < 0.92) {
      for (let n = int(3, 15); n > 0; n--) {
        const artist = weightedArtist();
        const album = pickFrom(artist.albums)!;
        play(artist, album, pickFrom(album.tracks)!);
      }
    } else {
      for (let n = int(1, 4); n > 0; n--) {
        const artist = weightedArtist();
        const single = pickFrom(artist.singles);
        if (single) play(artist, null, single);
      }
    }
    // Between sessions: from 20 minutes to about a day and a half.
    t += 1200 + Math.floor(Math.pow(rand(), 2) * 130_000);
  }

  const last = out[out.length - 1];
  if (last === undefined) return out;
  const shift = (options.endAt ?? DEFAULT_HISTORY_END) - last.timestamp;
  return out.map((s) => ({ ...s, timestamp: s.timestamp + shift }));
}
