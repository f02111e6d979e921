// JSON bodies shaped like Last.fm's (a mechanical XML→JSON conversion): numbers as strings,
// "#text" and "@attr" keys, a lone item sent as an object instead of a one-element array.
import { hashText } from './fault-plan.js';
import type { LovedTrack, Scrobble } from './store.js';

/** The grey star Last.fm serves for every artist image and for tracks without cover art. */
export const PLACEHOLDER_IMAGE_HASH = '2a96cbd8b46e442fc41c2b86b821562f';

const IMAGE_SIZES: ReadonlyArray<readonly [string, string]> = [
  ['small', '34s'],
  ['medium', '64s'],
  ['large', '174s'],
  ['extralarge', '300x300'],
];

export interface LastfmImage {
  readonly size: string;
  readonly '#text': string;
}

export interface PageAttr {
  readonly user: string;
  readonly page: number;
  readonly perPage: number;
  readonly total: number;
}

export function images(hash: string, withMega = false): LastfmImage[] {
  const list = IMAGE_SIZES.map(([size, path]) => ({
    size,
    '#text': `https://lastfm.freetls.fastly.net/i/u/${path}/${hash}.png`,
  }));
  if (withMega) {
    const big = `https://lastfm.freetls.fastly.net/i/u/300x300/${hash}.png`;
    list.push({ size: 'mega', '#text': big }, { size: '', '#text': big });
  }
  return list;
}

export function coverHash(artist: string, album: string): string {
  if (album === '') return PLACEHOLDER_IMAGE_HASH;
  const key = `${artist.toLowerCase()}\u0000${album.toLowerCase()}`;
  return [1, 2, 3, 4].map((n) => hashText(key, n * 0x9e3779b1).toString(16).padStart(8, '0')).join('');
}

/** Last.fm's URL path encoding: spaces as "+", the rest percent-encoded. */
function urlPart(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

export function artistUrl(artist: string): string {
  return `https://www.last.fm/music/${urlPart(artist)}`;
}

export function trackUrl(artist: string, title: string): string {
  return `${artistUrl(artist)}/_/${urlPart(title)}`;
}

export function albumUrl(artist: string, album: string): string {
  return `${artistUrl(artist)}/${urlPart(album)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "20 Oct 2020, 10:03", always UTC. */
export function dateText(uts: number): string {
  const d = new Date(uts * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

export function pageAttr(attr: PageAttr): Record<string, string> {
  const totalPages = attr.total === 0 ? 0 : Math.ceil(attr.total / attr.perPage);
  return {
    user: attr.user,
    totalPages: String(totalPages),
    page: String(attr.page),
    perPage: String(attr.perPage),
    total: String(attr.total),
  };
}

/** Last.fm's quirk: zero items → [], one item → the object itself, more → an array. */
export function oneOrMany<T>(items: T[]): T | T[] {
  return items.length === 1 ? (items[0] as T) : items;
}

type TrackLike = Pick<Scrobble, 'artist' | 'title' | 'mbid' | 'artistMbid' | 'albumMbid'> & { album?: string };

// A 100k-scrobble import asks for 500 pages of 200 rows but only ~10k distinct tracks: the
// date-independent part of each row is serialized once per track and reused.
const rowCache = new Map<string, string>();

function trackFields(t: TrackLike, extended: boolean): string {
  const album = t.album ?? '';
  const key = [extended ? '1' : '0', t.artist, album, t.title, t.mbid, t.artistMbid, t.albumMbid].join('\u0000');
  let json = rowCache.get(key);
  if (json === undefined) {
    const fields = {
      artist: extended
        ? { url: artistUrl(t.artist), name: t.artist, image: images(PLACEHOLDER_IMAGE_HASH), mbid: t.artistMbid ?? '' }
        : { mbid: t.artistMbid ?? '', '#text': t.artist },
      streamable: '0',
      image: images(coverHash(t.artist, album)),
      mbid: t.mbid ?? '',
      album: { mbid: t.albumMbid ?? '', '#text': album },
      name: t.title,
      url: trackUrl(t.artist, t.title),
    };
    json = JSON.stringify(fields).slice(1, -1);
    if (rowCache.size > 100_000) rowCache.clear();
    rowCache.set(key, json);
  }
  return json;
}

/** One user.getRecentTracks row as JSON text; `uts` null marks the now-playing row. */
export function recentTrackJson(t: TrackLike, extended: boolean, loved: boolean, uts: number | null): string {
  const nowPlaying = uts === null ? '"@attr":{"nowplaying":"true"},' : '';
  const date = uts === null ? '' : `,"date":{"uts":"${uts}","#text":"${dateText(uts)}"}`;
  const lovedFlag = extended ? `,"loved":"${loved ? '1' : '0'}"` : '';
  return `{${nowPlaying}${trackFields(t, extended)}${date}${lovedFlag}}`;
}

/** oneOrMany for rows already serialized. */
export function oneOrManyJson(rows: readonly string[]): string {
  return rows.length === 1 ? (rows[0] as string) : `[${rows.join(',')}]`;
}

export function lovedTrack(t: LovedTrack): Record<string, unknown> {
  return {
    artist: { url: artistUrl(t.artist), name: t.artist, mbid: t.artistMbid },
    mbid: t.mbid,
    date: { uts: String(t.lovedAt), '#text': dateText(t.lovedAt) },
    url: trackUrl(t.artist, t.title),
    image: images(PLACEHOLDER_IMAGE_HASH),
    name: t.title,
    streamable: { fulltrack: '0', '#text': '0' },
  };
}
