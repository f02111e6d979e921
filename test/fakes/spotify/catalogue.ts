// The albums the fake Spotify knows, in Spotify's simplified-album shape. The default
// catalogue holds near-misses on purpose (deluxe/legacy editions that rank first, the same
// title by another artist, live albums, a single named like the album) so that a client
// that takes `items[0]` without checking title and artist gets caught.
import { hashKey, seededRandom } from '../discogs/http-kit.js';

export interface SpotifyAlbumSeed {
  /** One name or several credited artists. */
  artist: string | string[];
  title: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (precision follows). */
  releaseDate: string;
  albumType?: 'album' | 'single' | 'compilation';
  totalTracks?: number;
  /** Ranking among equally good matches (higher first); not in the response. Default 50. */
  popularity?: number;
}

export interface SpotifyImage {
  url: string;
  height: number;
  width: number;
}

export interface SpotifyArtistRef {
  external_urls: { spotify: string };
  href: string;
  id: string;
  name: string;
  type: 'artist';
  uri: string;
}

export interface SpotifyAlbum {
  album_type: 'album' | 'single' | 'compilation';
  total_tracks: number;
  external_urls: { spotify: string };
  href: string;
  id: string;
  images: SpotifyImage[];
  name: string;
  release_date: string;
  release_date_precision: 'year' | 'month' | 'day';
  type: 'album';
  uri: string;
  artists: SpotifyArtistRef[];
}

export interface CatalogueEntry {
  readonly album: SpotifyAlbum;
  readonly popularity: number;
}

export const DEFAULT_CATALOGUE: readonly SpotifyAlbumSeed[] = [
  { artist: 'Miles Davis', title: 'Kind of Blue', releaseDate: '1959-08-17', popularity: 80 },
  { artist: 'Miles Davis', title: 'Kind Of Blue (Legacy Edition)', releaseDate: '2009-09-29', popularity: 85, totalTracks: 18 },
  { artist: 'Ella Park', title: 'Kind of Blue', releaseDate: '2014', popularity: 30 },
  { artist: 'Nirvana', title: 'Nevermind', releaseDate: '1991-09-24', popularity: 70 },
  { artist: 'Nirvana', title: 'Nevermind (Deluxe Edition)', releaseDate: '2011-01-01', popularity: 75, totalTracks: 40 },
  { artist: 'Nirvana', title: 'Live At The Paramount', releaseDate: '2019-04-12', popularity: 40 },
  { artist: 'Pale Horizon', title: 'Nevermind', releaseDate: '2018-03', popularity: 10 },
  { artist: 'Fleetwood Mac', title: 'Rumours', releaseDate: '1977-02-04', popularity: 85 },
  { artist: 'Fleetwood Mac', title: 'Rumours Live', releaseDate: '2023-09-08', popularity: 45 },
  { artist: 'Fleetwood Mac', title: 'Dreams', releaseDate: '1977-03', albumType: 'single', totalTracks: 2, popularity: 60 },
  { artist: 'Lila Grant', title: 'Rumours', releaseDate: '2021-06-18', popularity: 90 },
  { artist: 'Radiohead', title: 'OK Computer', releaseDate: '1997-05-21', popularity: 82 },
  { artist: 'Radiohead', title: 'OK Computer OKNOTOK 1997 2017', releaseDate: '2017-06-23', popularity: 84, totalTracks: 23 },
  { artist: 'Björk', title: 'Homogenic', releaseDate: '1997-09-22', popularity: 60 },
  { artist: 'Daft Punk', title: 'Discovery', releaseDate: '2001-03-12', popularity: 83 },
  { artist: 'Daft Punk', title: 'Alive 2007', releaseDate: '2007-11-19', popularity: 55 },
  { artist: ['Miles Davis', 'John Coltrane'], title: 'The Final Tour: The Bootleg Series, Vol. 6', releaseDate: '2018-03-23', popularity: 35 },
  { artist: 'Various Artists', title: 'Pulp Fiction (Music From The Motion Picture)', releaseDate: '1994-09-27', albumType: 'compilation', popularity: 70 },
];

/** Deterministic 22-character base62 id, like Spotify's. */
export function spotifyId(key: string): string {
  const rnd = seededRandom(hashKey(key));
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: 22 }, () => alphabet[Math.floor(rnd() * 62)]!).join('');
}

function artistRef(name: string): SpotifyArtistRef {
  const id = spotifyId(`artist:${name}`);
  return {
    external_urls: { spotify: `https://open.spotify.com/artist/${id}` },
    href: `https://api.spotify.com/v1/artists/${id}`,
    id,
    name,
    type: 'artist',
    uri: `spotify:artist:${id}`,
  };
}

/** Image URLs point at the fake itself (`/image/...`), so downloading a cover works offline. */
export function imagesFor(baseUrl: string, id: string): SpotifyImage[] {
  const sizes: [number, string][] = [[640, 'b273'], [300, '1e02'], [64, '4851']];
  return sizes.map(([size, code]) => ({ url: `${baseUrl}/image/ab67616d0000${code}${id}`, height: size, width: size }));
}

export function toCatalogueEntry(baseUrl: string, seed: SpotifyAlbumSeed): CatalogueEntry {
  const names = Array.isArray(seed.artist) ? seed.artist : [seed.artist];
  const id = spotifyId(`album:${names.join(',')}:${seed.title}:${seed.releaseDate}`);
  const parts = seed.releaseDate.split('-').length;
  return {
    popularity: seed.popularity ?? 50,
    album: {
      album_type: seed.albumType ?? 'album',
      total_tracks: seed.totalTracks ?? 10,
      external_urls: { spotify: `https://open.spotify.com/album/${id}` },
      href: `https://api.spotify.com/v1/albums/${id}`,
      id,
      images: imagesFor(baseUrl, id),
      name: seed.title,
      release_date: seed.releaseDate,
      release_date_precision: parts === 1 ? 'year' : parts === 2 ? 'month' : 'day',
      type: 'album',
      uri: `spotify:album:${id}`,
      artists: names.map(artistRef),
    },
  };
}

/**
 * For each album, the traps Spotify really returns: a deluxe edition by the same artist that
 * ranks higher, the same title by someone else, and a live album.
 */
export function withNearMisses(seeds: readonly SpotifyAlbumSeed[]): SpotifyAlbumSeed[] {
  return seeds.flatMap((seed) => {
    const year = Number(seed.releaseDate.slice(0, 4)) || 2000;
    const popularity = seed.popularity ?? 50;
    return [
      seed,
      { ...seed, title: `${seed.title} (Deluxe Edition)`, releaseDate: String(year + 20), popularity: popularity + 5, totalTracks: 24 },
      { artist: 'The Cover Collective', title: seed.title, releaseDate: String(year + 3), popularity: popularity - 20 },
      { ...seed, title: `${seed.title} (Live)`, releaseDate: String(year + 2), popularity: popularity - 10 },
    ];
  });
}
