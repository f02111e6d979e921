// album.getInfo, track.getInfo (and user.getInfo's counts) answered from the scrobble history: an album
// or a track is known once it was scrobbled, with the length the scrobble carries (none: unknown, as
// Last.fm has many). The index is rebuilt lazily when the history changes.
import { hashText } from './fault-plan.js';
import { albumUrl, artistUrl, coverHash, images, oneOrMany, trackUrl } from './render.js';
import type { Scrobble, ScrobbleStore } from './store.js';

interface AlbumEntry {
  artist: string;
  title: string;
  mbid: string;
  artistMbid: string;
  plays: number;
  tracks: Map<string, { title: string; durationSec: number; plays: number }>;
}

/** A track as track.getInfo knows it: the first album it was scrobbled on, its length if any. */
interface TrackEntry {
  artist: string;
  title: string;
  mbid: string;
  artistMbid: string;
  album: string;
  albumMbid: string;
  durationSec: number;
  plays: number;
}

const TAGS = ['indie', 'rock', 'electronic', 'jazz', 'chanson', 'folk', 'ambient', 'pop', 'soul', 'post-rock'];

/** Distinct artists, albums and tracks, as user.getInfo reports them. */
export interface LibraryCounts {
  artists: number;
  albums: number;
  tracks: number;
}

function albumKey(artist: string, album: string): string {
  return `${artist.toLowerCase()}\u0000${album.toLowerCase()}`;
}

/**
 * What autocorrect=1 forgives, as Last.fm maps "Velvet Tides" to "The Velvet Tides": case,
 * accents, a leading "The ", "&" for "and". The stand-in's own rule, not AIME's name keys.
 */
function correctedKey(artist: string, title: string): string {
  const loose = (text: string) =>
    text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/^the\s+/, '').replace(/\s*&\s*/g, ' and ').replace(/\s+/g, ' ').trim();
  return `${loose(artist)}\u0000${loose(title)}`;
}

export class LibraryIndex {
  #version = -1;
  #byName = new Map<string, AlbumEntry>();
  #byMbid = new Map<string, AlbumEntry>();
  /** Every spelling's scrobbles of one album together: what autocorrect=1 answers with. */
  #corrected = new Map<string, AlbumEntry>();
  #tracks = new Map<string, TrackEntry>();
  #correctedTracks = new Map<string, TrackEntry>();
  readonly #store: ScrobbleStore;
  #counts: LibraryCounts = { artists: 0, albums: 0, tracks: 0 };

  constructor(store: ScrobbleStore) {
    this.#store = store;
  }

  counts(): LibraryCounts {
    this.#refresh();
    return { ...this.#counts };
  }

  /** album.getInfo's lookup; with `autocorrect`, another spelling of the artist finds the album with every spelling's tracks. */
  find(query: { artist?: string; album?: string; mbid?: string; autocorrect?: boolean }): AlbumEntry | undefined {
    this.#refresh();
    if (query.mbid) return this.#byMbid.get(query.mbid.toLowerCase());
    if (query.artist === undefined || query.album === undefined) return undefined;
    if (query.autocorrect) return this.#corrected.get(correctedKey(query.artist.trim(), query.album.trim()));
    return this.#byName.get(albumKey(query.artist.trim(), query.album.trim()));
  }

  /** track.getInfo's lookup by artist and title (case-insensitive, or forgiving with `autocorrect`), or by track MBID. */
  findTrack(query: { artist?: string; track?: string; mbid?: string; autocorrect?: boolean }): TrackEntry | undefined {
    this.#refresh();
    if (query.mbid) return [...this.#tracks.values()].find((entry) => entry.mbid.toLowerCase() === query.mbid?.toLowerCase());
    if (query.artist === undefined || query.track === undefined) return undefined;
    if (query.autocorrect) return this.#correctedTracks.get(correctedKey(query.artist.trim(), query.track.trim()));
    return this.#tracks.get(albumKey(query.artist.trim(), query.track.trim()));
  }

  #refresh(): void {
    if (this.#version === this.#store.version) return;
    this.#byName.clear();
    this.#byMbid.clear();
    this.#tracks.clear();
    this.#corrected.clear();
    this.#correctedTracks.clear();
    const artists = new Set<string>();
    const addTrack = (index: Map<string, TrackEntry>, key: string, s: Scrobble) => {
      const known = index.get(key);
      if (known) known.plays++;
      else {
        index.set(key, {
          artist: s.artist, title: s.title, mbid: s.mbid ?? '', artistMbid: s.artistMbid ?? '', album: s.album, albumMbid: s.albumMbid ?? '', durationSec: s.durationSec ?? 0, plays: 1,
        });
      }
    };
    const addToAlbum = (index: Map<string, AlbumEntry>, key: string, s: Scrobble): AlbumEntry => {
      let entry = index.get(key);
      if (!entry) {
        entry = { artist: s.artist, title: s.album, mbid: s.albumMbid ?? '', artistMbid: s.artistMbid ?? '', plays: 0, tracks: new Map() };
        index.set(key, entry);
      }
      entry.plays++;
      const trackKey = s.title.toLowerCase();
      const track = entry.tracks.get(trackKey);
      if (track) track.plays++;
      else entry.tracks.set(trackKey, { title: s.title, durationSec: s.durationSec ?? 0, plays: 1 });
      return entry;
    };
    for (const s of this.#store.all()) {
      artists.add(s.artist.toLowerCase());
      addTrack(this.#tracks, albumKey(s.artist, s.title), s);
      addTrack(this.#correctedTracks, correctedKey(s.artist, s.title), s);
      if (s.album === '') continue;
      const entry = addToAlbum(this.#byName, albumKey(s.artist, s.album), s);
      if (entry.mbid) this.#byMbid.set(entry.mbid.toLowerCase(), entry);
      addToAlbum(this.#corrected, correctedKey(s.artist, s.album), s);
    }
    this.#counts = { artists: artists.size, albums: this.#byName.size, tracks: this.#tracks.size };
    this.#version = this.#store.version;
  }
}

/** The body of album.getInfo; `forUser` adds "userplaycount" like the `username` option. */
export function albumInfoBody(entry: AlbumEntry, forUser: boolean): Record<string, unknown> {
  const tracks = [...entry.tracks.values()].map((t, i) => ({
    streamable: { fulltrack: '0', '#text': '0' },
    duration: t.durationSec > 0 ? String(t.durationSec) : null,
    url: trackUrl(entry.artist, t.title),
    name: t.title,
    '@attr': { rank: String(i + 1) },
    artist: { url: artistUrl(entry.artist), name: entry.artist, mbid: entry.artistMbid },
  }));
  const seed = hashText(albumKey(entry.artist, entry.title));
  const album: Record<string, unknown> = {
    artist: entry.artist,
    mbid: entry.mbid,
    tags: { tag: [TAGS[seed % TAGS.length], TAGS[(seed >>> 8) % TAGS.length]].map((name) => ({ url: `https://www.last.fm/tag/${name}`, name })) },
    playcount: String(entry.plays * 1009 + (seed % 5000)),
    image: images(coverHash(entry.artist, entry.title), true),
    tracks: { track: oneOrMany(tracks) },
    url: albumUrl(entry.artist, entry.title),
    name: entry.title,
    listeners: String(entry.plays * 97 + (seed % 800)),
  };
  if (forUser) album.userplaycount = String(entry.plays);
  return { album };
}

/** The body of track.getInfo: like Last.fm, its `duration` is in milliseconds, as a string ("0" when unknown). */
export function trackInfoBody(entry: TrackEntry, forUser: boolean): Record<string, unknown> {
  const seed = hashText(albumKey(entry.artist, entry.title));
  const track: Record<string, unknown> = {
    name: entry.title,
    mbid: entry.mbid,
    url: trackUrl(entry.artist, entry.title),
    duration: String(Math.max(0, entry.durationSec) * 1000),
    streamable: { '#text': '0', fulltrack: '0' },
    listeners: String(entry.plays * 53 + (seed % 700)),
    playcount: String(entry.plays * 811 + (seed % 4000)),
    artist: { name: entry.artist, mbid: entry.artistMbid, url: artistUrl(entry.artist) },
    toptags: { tag: [TAGS[seed % TAGS.length]].map((name) => ({ name, url: `https://www.last.fm/tag/${name}` })) },
  };
  if (entry.album !== '') {
    track.album = { artist: entry.artist, title: entry.album, mbid: entry.albumMbid, url: albumUrl(entry.artist, entry.album), image: images(coverHash(entry.artist, entry.album), true) };
  }
  if (forUser) {
    track.userplaycount = String(entry.plays);
    track.userloved = '0';
  }
  return { track };
}
