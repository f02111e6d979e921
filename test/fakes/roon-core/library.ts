// The music the fake Core knows: artists → albums → tracks (lengths in seconds), plus radio
// stations. The default has the names that trip matching code: accents, a leading "The ",
// "&", an album with "(Deluxe Edition)", a track titled like its album, a 23 s track.
import { createHash } from 'node:crypto';
import type { FakeTrack } from './types.js';

export interface FakeLibraryTrack {
  title: string;
  length: number;
}

export interface FakeLibraryAlbum {
  title: string;
  tracks: FakeLibraryTrack[];
}

export interface FakeLibraryArtist {
  name: string;
  albums: FakeLibraryAlbum[];
}

export interface FakeLibrary {
  artists: FakeLibraryArtist[];
  radioStations?: string[];
}

export const DEFAULT_LIBRARY: FakeLibrary = {
  artists: [
    {
      name: 'The Beatles',
      albums: [
        {
          title: 'Abbey Road',
          tracks: [
            { title: 'Come Together', length: 259 },
            { title: 'Something', length: 182 },
            { title: 'Here Comes the Sun', length: 185 },
            { title: 'Her Majesty', length: 23 },
          ],
        },
      ],
    },
    {
      name: 'Björk',
      albums: [
        {
          title: 'Homogenic',
          tracks: [
            { title: 'Hunter', length: 255 },
            { title: 'Jóga', length: 305 },
            { title: 'Bachelorette', length: 312 },
          ],
        },
      ],
    },
    {
      name: 'Simon & Garfunkel',
      albums: [
        {
          title: 'Bridge over Troubled Water',
          tracks: [
            { title: 'Bridge over Troubled Water', length: 292 },
            { title: 'El Condor Pasa (If I Could)', length: 186 },
            { title: 'Cecilia', length: 175 },
          ],
        },
      ],
    },
    {
      name: 'Amy Winehouse',
      albums: [
        {
          title: 'Back to Black (Deluxe Edition)',
          tracks: [
            { title: 'Rehab', length: 214 },
            { title: 'Back to Black', length: 241 },
            { title: 'Love Is a Losing Game', length: 155 },
          ],
        },
        {
          title: 'Frank',
          tracks: [
            { title: 'Stronger Than Me', length: 214 },
            { title: 'In My Bed', length: 317 },
          ],
        },
      ],
    },
    {
      name: 'Sigur Rós',
      albums: [
        {
          title: 'Ágætis byrjun',
          tracks: [
            { title: 'Svefn-g-englar', length: 604 },
            { title: 'Starálfur', length: 407 },
          ],
        },
      ],
    },
    {
      name: 'Miles Davis',
      albums: [
        {
          title: 'Kind of Blue',
          tracks: [
            { title: 'So What', length: 562 },
            { title: 'Freddie Freeloader', length: 586 },
            { title: 'Blue in Green', length: 337 },
          ],
        },
      ],
    },
  ],
  radioStations: ['FIP', 'Radio Paradise - Main Mix', 'BBC Radio 6 Music'],
};

export interface IndexedAlbum {
  title: string;
  artist: string;
  image_key: string;
  tracks: FakeTrack[];
}

export interface IndexedArtist {
  name: string;
  image_key: string;
  albums: IndexedAlbum[];
}

export interface SearchHits {
  artists: IndexedArtist[];
  albums: IndexedAlbum[];
  tracks: FakeTrack[];
}

/** The library sorted the way Roon lists it, with deterministic 32-hex image keys. */
export class LibraryIndex {
  readonly artists: IndexedArtist[];
  readonly albums: IndexedAlbum[];
  readonly tracks: FakeTrack[];
  readonly radioStations: string[];
  readonly imageKeys = new Set<string>();

  constructor(definition: FakeLibrary) {
    this.artists = definition.artists
      .map((artist) => {
        const artistKey = this.imageKey(`artist:${artist.name}`);
        const albums = artist.albums.map((album) => {
          const albumKey = this.imageKey(`album:${artist.name}:${album.title}`);
          const tracks = album.tracks.map((track) => ({
            title: track.title,
            artist: artist.name,
            album: album.title,
            length: track.length,
            image_key: albumKey,
            artist_image_key: artistKey,
          }));
          return { title: album.title, artist: artist.name, image_key: albumKey, tracks };
        });
        return { name: artist.name, image_key: artistKey, albums };
      })
      .sort((a, b) => compareNames(a.name, b.name));
    this.albums = this.artists.flatMap((a) => a.albums).sort((a, b) => compareNames(a.title, b.title));
    this.tracks = this.albums.flatMap((a) => a.tracks).sort((a, b) => compareNames(a.title, b.title));
    this.radioStations = [...(definition.radioStations ?? [])];
    for (const station of this.radioStations) this.imageKey(`station:${station}`);
  }

  stationImageKey(station: string): string {
    return this.imageKey(`station:${station}`);
  }

  findAlbum(artist: string, title: string): IndexedAlbum | undefined {
    return this.albums.find((a) => a.artist === artist && a.title === title);
  }

  findTrack(artist: string, album: string, title: string): FakeTrack | undefined {
    return this.findAlbum(artist, album)?.tracks.find((t) => t.title === title);
  }

  /** Every word of the input must appear (case and accents ignored) in the candidate's text. */
  search(input: string): SearchHits {
    const words = normalize(input).split(' ').filter(Boolean);
    const matches = (text: string): boolean => {
      const haystack = normalize(text);
      return words.length > 0 && words.every((w) => haystack.includes(w));
    };
    return {
      artists: this.artists.filter((a) => matches(a.name)),
      albums: this.albums.filter((a) => matches(`${a.title} ${a.artist}`)),
      tracks: this.tracks.filter((t) => matches(`${t.title} ${t.artist}`)),
    };
  }

  /** What Roon Radio plays next: the first library track not already in the queue. */
  radioPick(alreadyQueued: FakeTrack[]): FakeTrack | undefined {
    const seen = new Set(alreadyQueued.map((t) => `${t.artist}\u0000${t.album}\u0000${t.title}`));
    return this.tracks.find((t) => !seen.has(`${t.artist}\u0000${t.album}\u0000${t.title}`));
  }

  private imageKey(seed: string): string {
    const key = createHash('md5').update(seed).digest('hex');
    this.imageKeys.add(key);
    return key;
  }
}

export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

/** Roon files "The Beatles" under B. */
function compareNames(a: string, b: string): number {
  const key = (s: string): string => s.replace(/^the\s+/i, '');
  return key(a).localeCompare(key(b), 'en', { sensitivity: 'base' });
}
