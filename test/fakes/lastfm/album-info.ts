// album.getInfo, track.getInfo (and user.getInfo's counts) answered from the scrobble history: an album
// or a track is known once it was scrobbled, with the length the scrobble carries (none: unknown, as
// Last.fm has many). The index is rebuilt lazily when the history changes.
import { hashText } from './fault-plan.js';
import { albumUrl, artistUrl, coverHash, images, oneOrMany, trackUrl } from './render.js';
import type { ScrobbleStore } from './store.js';

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

export class LibraryIndex {
  #version = -1;
  #byName = new Map<string, AlbumEntry>();
  #byMbid = new Map<string, AlbumEntry>();
  #tracks = new Map<string, TrackEntry>();
  readonly #store: ScrobbleStore;
  #counts: LibraryCounts = { artists: 0, albums: 0, tracks: 0 };

  constructor(store: ScrobbleStore) {
    this.#store = store;
  }

  counts(): LibraryCounts {
    this.#refresh();
    return { ...this.#counts };
  }

  find(query: { artist?: string; album?: string; mbid?: string }): AlbumEntry | undefined {
    this.#refresh();
    if (query.mbid) return this.#byMbid.get(query.mbid.toLowerCase());
    if (query.artist === undefined || query.album === undefined) return undefined;
    return this.#byName.get(albumKey(query.artist.trim(), query.album.trim()));
  }

  /** track.getInfo's lookup by artist and title (case-insensitive), or by track MBID. */
  findTrack(query: { artist?: string; track?: string; mbid?: string }): TrackEntry | undefined {
    this.#refresh();
    if (query.mbid) return [...this.#tracks.values()].find((entry) => entry.mbid.toLowerCase() === query.mbid?.toLowerCase());
    if (query.artist === undefined || query.track === undefined) return undefined;
    return this.#tracks.get(albumKey(query.artist.trim(), query.track.trim()));
  }

  #refresh(): void {
    if (this.#version === this.#store.version) return;
    this.#byName.clear();
    this.#byMbid.clear();
    this.#tracks.clear();
    const artists = new Set<string>();
    for (const s of this.#store.all()) {
      artists.add(s.artist.toLowerCase());
      const byArtist = albumKey(s.artist, s.title);
      const known = this.#tracks.get(byArtist);
      if (known) known.plays++;
      else {
        this.#tracks.set(byArtist, {
          artist: s.artist, title: s.title, mbid: s.mbid ?? '', artistMbid: s.artistMbid ?? '', album: s.album, albumMbid: s.albumMbid ?? '', durationSec: s.durationSec ?? 0, plays: 1,
        });
      }
      if (s.album === '') continue;
      const key = albumKey(s.artist, s.album);
      let entry = this.#byName.get(key);
      if (!entry) {
        entry = { artist: s.artist, title: s.album, mbid: s.albumMbid ?? '', artistMbid: s.artistMbid ?? '', plays: 0, tracks: new Map() };
        this.#byName.set(key, entry);
        if (entry.mbid) this.#byMbid.set(entry.mbid.toLowerCase(), entry);
      }
      entry.plays++;
      const trackKey = s.title.toLowerCase();
      const track = entry.tracks.get(trackKey);
      if (track) track.plays++;
      else entry.tracks.set(trackKey, { title: s.title, durationSec: s.durationSec ?? 0, plays: 1 });
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
